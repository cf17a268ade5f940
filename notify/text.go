package notify

import (
	"context"
	"errors"
	"net/url"
	"strings"
)

// This file sends messages that are not pages: a verification code, a test
// notification. They carry no alert, so no reply codes and no action URL.

// SendText sends body as one SMS to the E.164 number to.
func (s *SMS) SendText(ctx context.Context, to, body string) (Receipt, error) {
	if err := s.Twilio.check(); err != nil {
		return Receipt{}, Permanent(s.Name(), "", err)
	}
	if !strings.HasPrefix(to, "+") {
		return Receipt{}, Permanent(s.Name(), "", errors.New("the number must be in E.164 form (+4915112345678), got "+Redact(to)))
	}
	form := url.Values{"To": {to}, "Body": {body}, "StatusCallback": {s.Twilio.hook("status")}}
	if strings.HasPrefix(s.Twilio.From, "MG") {
		form.Set("MessagingServiceSid", s.Twilio.From)
	} else {
		form.Set("From", s.Twilio.From)
	}
	r, err := s.Twilio.create(ctx, s.Name(), "Messages", form)
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{ProviderID: r.SID, Summary: "SMS to " + Redact(to) + ": " + r.Status}, nil
}

// Say calls the E.164 number to and reads text (VoiceSayTwiML, passed
// inline as the call's Twiml, so Twilio needs no hook to fetch it).
func (v *Voice) Say(ctx context.Context, to, text string) (Receipt, error) {
	if err := v.Twilio.check(); err != nil {
		return Receipt{}, Permanent(v.Name(), "", err)
	}
	if !strings.HasPrefix(to, "+") {
		return Receipt{}, Permanent(v.Name(), "", errors.New("the number must be in E.164 form (+4915112345678), got "+Redact(to)))
	}
	r, err := v.Twilio.create(ctx, v.Name(), "Calls", url.Values{
		"To":             {to},
		"From":           {v.Twilio.From},
		"Twiml":          {string(VoiceSayTwiML(text))},
		"StatusCallback": {v.Twilio.hook("status")},
		"Timeout":        {"30"},
	})
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{ProviderID: r.SID, Summary: "voice call to " + Redact(to) + ": " + r.Status}, nil
}
