package notify

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// SMSLimit is the longest SMS body sent: one GSM-7 segment. The alert's
// message is shortened to fit; the reply codes always stay.
const SMSLimit = 160

// SMS sends pages as text messages through Twilio's Messages API.
type SMS struct{ Twilio *Twilio }

// Name is "sms".
func (*SMS) Name() string { return "sms" }

// SMSBody is the text of a page: the alert, then the reply codes, e.g.
// "Tocsin P1 #42 Card payments failing (Payments API). Reply 42a ack, 42e escalate, 42c close".
func SMSBody(p Page) string {
	c := p.code()
	tail := fmt.Sprintf(". Reply %sa ack, %se escalate, %sc close", c, c, c)
	head := "Tocsin " + p.title()
	if room := SMSLimit - utf8.RuneCountInString(tail); utf8.RuneCountInString(head) > room {
		head = string([]rune(head)[:max(room-1, 0)]) + "…"
	}
	return head + tail
}

// Send posts the message: To, From (or MessagingServiceSid when
// TOCSIN_TWILIO_FROM is a Messaging Service SID, MG…), Body and
// StatusCallback, as
// https://www.twilio.com/docs/messaging/api/message-resource describes.
func (s *SMS) Send(ctx context.Context, p Page) (Receipt, error) {
	if err := s.Twilio.check(); err != nil {
		return Receipt{}, Permanent(s.Name(), "", err)
	}
	if !strings.HasPrefix(p.To, "+") {
		return Receipt{}, Permanent(s.Name(), "", errors.New("the number must be in E.164 form (+4915112345678), got "+Redact(p.To)))
	}
	form := url.Values{
		"To":             {p.To},
		"Body":           {SMSBody(p)},
		"StatusCallback": {s.Twilio.hook("status")},
	}
	if strings.HasPrefix(s.Twilio.From, "MG") {
		form.Set("MessagingServiceSid", s.Twilio.From) // a Messaging Service picks the sender itself
	} else {
		form.Set("From", s.Twilio.From)
	}
	r, err := s.Twilio.create(ctx, s.Name(), "Messages", form)
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{ProviderID: r.SID, Summary: "SMS to " + p.recipient() + ": " + r.Status}, nil
}
