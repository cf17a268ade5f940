package paging_test

import (
	"context"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/viewer"
)

// deliveryKey is the id a page carries to the provider, the same on every
// attempt: tocsin-delivery-<alert>-<round>-<step>-<contact method>, its
// deliveries row's unique key.
func (c *chain) deliveryKey(p *page, method int) string {
	d := env.Client.Delivery.Query().Where(delivery.AlertID(p.id), delivery.ContactMethodID(method)).OnlyX(viewer.System(context.Background()))
	return fmt.Sprintf("tocsin-delivery-%d-%d-%d-%d", d.AlertID, d.Round, d.Step, d.ContactMethodID)
}

// checkPush: the FCM message names the device, the alert and the way back.
func (c *chain) checkPush(p *page) {
	t := c.t
	m := p.push
	data, _ := m["data"].(map[string]any)
	tok, _ := data["action_token"].(string)
	want := map[string]any{
		"type": "alert.page", "alert_id": strconv.Itoa(p.id), "tiny_id": strconv.Itoa(p.tiny), "message": p.msg,
		"priority": "P1", "service": service, "urgency": "high", "link": c.base + "/alerts/" + strconv.Itoa(p.id),
		"actions": "acknowledge,escalate,close", "action_token": tok, "action_url": c.base + "/actions/" + tok,
		"delivery": c.deliveryKey(p, c.who.push),
	}
	if tok == "" || fmt.Sprint(data) != fmt.Sprint(want) {
		t.Errorf("push data of %s:\nwant %v (with an action token)\ngot  %v", p.name, want, data)
	}
	notif, _ := m["notification"].(map[string]any)
	if m["token"] != deviceToken || notif["title"] != "P1 · "+service || notif["body"] != fmt.Sprintf("#%d %s", p.tiny, p.msg) {
		t.Errorf("push of %s: want token %s, title %q, body %q, got %v", p.name, deviceToken, "P1 · "+service, fmt.Sprintf("#%d %s", p.tiny, p.msg), m)
	}
	android, _ := m["android"].(map[string]any)
	if an, _ := android["notification"].(map[string]any); android["priority"] != "high" || an["channel_id"] != "tocsin_high_urgency" {
		t.Errorf("push of %s: want Android priority high on channel tocsin_high_urgency, got %v", p.name, android)
	}
}

// checkSMS: the Messages.json form is the page with its reply codes.
func (c *chain) checkSMS(p *page) {
	t := c.t
	want := map[string]string{
		"To": smsNumber, "From": twilioFrom, "StatusCallback": c.base + "/hooks/twilio/status",
		"Body": fmt.Sprintf("Tocsin P1 #%d %s (%s). Reply %da ack, %de escalate, %dc close", p.tiny, p.msg, service, p.tiny, p.tiny, p.tiny),
	}
	for k, v := range want {
		if got := p.sms.Get(k); got != v {
			t.Errorf("SMS of %s: %s: want %q, got %q", p.name, k, v, got)
		}
	}
}

// checkEmail: the email goes to the mailbox, names the alert, carries the
// delivery's Message-ID and an Acknowledge link to the confirmation page.
func (c *chain) checkEmail(p *page) {
	t := c.t
	e := p.email
	if subj := fmt.Sprintf("[Tocsin] P1 #%d %s (%s)", p.tiny, p.msg, service); e.Subject != subj {
		t.Errorf("email of %s: subject: want %q, got %q", p.name, subj, e.Subject)
	}
	if len(e.To) != 1 || e.To[0] != mailbox {
		t.Errorf("email of %s: want it to %s, got %v", p.name, mailbox, e.To)
	}
	if id := "<" + c.deliveryKey(p, c.who.email) + "@paging.test>"; e.MessageID != id {
		t.Errorf("email of %s: Message-ID: want %s, got %s", p.name, id, e.MessageID)
	}
	if link := e.ackLink(); !strings.HasPrefix(link, c.base+"/actions/") || !strings.HasSuffix(link, "?action=acknowledge") {
		t.Errorf("email of %s: want an Acknowledge link %s/actions/…?action=acknowledge, got %q in:\n%s", p.name, c.base, link, e.Text)
	}
}

// received is one email as the SMTP server received it, decoded.
type received struct {
	smtptest.Message
	At                 time.Time
	Subject, MessageID string
	Text               string // the text/plain part
}

var ackLink = regexp.MustCompile(`Acknowledge: (\S+)`)

func (m received) ackLink() string {
	if s := ackLink.FindStringSubmatch(m.Text); s != nil {
		return s[1]
	}
	return ""
}

// inbox takes every email off the SMTP server as it arrives.
type inbox struct {
	mu   sync.Mutex
	mail []received
}

func collect(t *testing.T, s *smtptest.Server) *inbox {
	in := &inbox{}
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	go func() {
		for {
			select {
			case m := <-s.Messages:
				got := received{Message: m, At: time.Now()}
				if err := got.parse(); err != nil {
					t.Errorf("an email that does not parse: %v\n%s", err, m.Data)
				}
				in.mu.Lock()
				in.mail = append(in.mail, got)
				in.mu.Unlock()
			case <-done:
				return
			}
		}
	}()
	return in
}

func (in *inbox) all() []received {
	in.mu.Lock()
	defer in.mu.Unlock()
	return append([]received(nil), in.mail...)
}

// parse reads the headers and finds the text/plain part, decoding its
// transfer encoding.
func (m *received) parse() error {
	msg, err := mail.ReadMessage(strings.NewReader(m.Data))
	if err != nil {
		return err
	}
	if m.Subject, err = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return err
	}
	m.MessageID = msg.Header.Get("Message-Id")
	m.Text, err = textPart(msg.Header.Get("Content-Type"), msg.Body)
	return err
}

func textPart(contentType string, body io.Reader) (string, error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", err
	}
	if mt == "text/plain" {
		b, err := io.ReadAll(body)
		return string(b), err
	}
	if !strings.HasPrefix(mt, "multipart/") {
		return "", nil
	}
	r := multipart.NewReader(body, params["boundary"])
	for {
		part, err := r.NextPart() // decodes quoted-printable itself
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		if s, err := textPart(part.Header.Get("Content-Type"), part); err != nil || s != "" {
			return s, err
		}
	}
}
