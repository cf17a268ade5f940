package inbound

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/tocsin/tocsin/ent"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/viewer"
)

// lookupTimeout bounds each database step of a session.
const lookupTimeout = 15 * time.Second

// session is one SMTP conversation; it may carry several messages.
type session struct {
	s      *Server
	ctx    context.Context
	remote string
	from   string
	rcpts  []recipient
}

// recipient is an accepted RCPT: the address and its integration.
type recipient struct {
	addr, key string
	i         *ent.Integration
}

func (x *session) Reset()        { x.from, x.rcpts = "", nil }
func (x *session) Logout() error { return nil }

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	x.from = from
	return nil
}

// Rcpt accepts <key>@domain of an enabled EMAIL integration and refuses
// everything else with a reason the sender's bounce will show.
func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	key, domain, ok := splitAddress(to)
	if !ok || !strings.EqualFold(domain, x.s.Domain) {
		return reject(550, smtp.EnhancedCode{5, 1, 2},
			fmt.Sprintf("Tocsin accepts mail only for <integration key>@%s, not %s", x.s.Domain, to))
	}
	ctx, cancel := context.WithTimeout(x.ctx, lookupTimeout)
	defer cancel()
	i, err := x.s.Integrations.Authenticate(ctx, strings.ToLower(key))
	switch {
	case errors.Is(err, integration.ErrUnknownKey):
		return reject(550, smtp.EnhancedCode{5, 1, 1}, "No Tocsin integration has the key in "+to)
	case errors.Is(err, integration.ErrDisabled):
		return reject(550, smtp.EnhancedCode{5, 2, 1}, "The Tocsin integration of "+to+" is disabled")
	case err != nil:
		slog.Error("inbound email: looking up recipient", "err", err)
		return reject(451, smtp.EnhancedCode{4, 3, 0}, "Tocsin cannot check recipients right now; try again later")
	case i.Kind != entintegration.KindEMAIL:
		return reject(550, smtp.EnhancedCode{5, 1, 1},
			fmt.Sprintf("The key in %s belongs to a %s integration; send email to the key of an EMAIL integration", to, i.Kind))
	}
	x.rcpts = append(x.rcpts, recipient{addr: to, key: strings.ToLower(key), i: i})
	return nil
}

// Data parses the message and opens (or repeats) one alert per distinct
// integration among the recipients.
func (x *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r) // at most MaxMessageBytes: go-smtp answers 552 beyond
	if err != nil {
		return err
	}
	e, err := Parse(bytes.NewReader(raw))
	if err != nil {
		return reject(550, smtp.EnhancedCode{5, 6, 0}, "Tocsin cannot read this message: "+err.Error())
	}
	ctx, cancel := context.WithTimeout(viewer.System(x.ctx), lookupTimeout)
	defer cancel()
	seen := map[int]bool{}
	for _, rc := range x.rcpts {
		if seen[rc.i.ID] {
			continue
		}
		seen[rc.i.ID] = true
		if d := x.s.Integrations.Allow(ctx, rc.i); !d.Allowed {
			return reject(451, smtp.EnhancedCode{4, 7, 1},
				fmt.Sprintf("Too many alerts for this integration; try again in %s", d.RetryAfter.Round(time.Second)))
		}
		if err := x.open(ctx, rc, e); err != nil {
			return err
		}
	}
	return nil
}

// open creates the alert for one recipient and notes the result on the integration.
func (x *session) open(ctx context.Context, rc recipient, e *Email) error {
	from := e.From
	if from == "" {
		from = x.from
	}
	n := newAlert(e, rc, from)
	n.ServiceID, n.IntegrationID = rc.i.ServiceID, rc.i.ID
	res, err := x.s.Alerts.Create(ctx, incident.IntegrationActor(rc.i.ID, from), n)
	var invalid *incident.InvalidError
	switch {
	case errors.As(err, &invalid):
		x.s.Integrations.Received(ctx, rc.i, "rejected: "+invalid.Error())
		return reject(550, smtp.EnhancedCode{5, 6, 0}, "Tocsin refused this alert: "+invalid.Error())
	case err != nil:
		slog.Error("inbound email: creating alert", "integration", rc.i.ID, "err", err)
		return reject(451, smtp.EnhancedCode{4, 3, 0}, "Tocsin cannot store the alert right now; try again later")
	}
	result := fmt.Sprintf("alert %d created from email", res.ID)
	if res.Deduplicated {
		result = fmt.Sprintf("alert %d deduplicated (count %d) from email", res.ID, res.Count)
	}
	x.s.Integrations.Received(ctx, rc.i, result)
	slog.Info("inbound email", "integration", rc.i.ID, "alert", res.ID, "deduplicated", res.Deduplicated,
		"from", from, "remote", x.remote)
	return nil
}

// newAlert is the alert an email makes for a recipient: subject →
// message, body → description, thread → alias. Every text goes through
// noNUL on its way.
func newAlert(e *Email, rc recipient, from string) incident.NewAlert {
	c := *e
	e = &c
	for _, s := range []*string{&e.Subject, &e.Body, &e.Thread, &e.To, &e.MessageID, &from} {
		*s = noNUL(*s)
	}
	subject := e.Subject
	if subject == "" {
		subject = "(no subject)"
	}
	to := e.To
	if to == "" {
		to = rc.addr
	}
	return incident.NewAlert{
		Message:     truncate(subject, MaxSubject),
		Description: truncate(e.Body, MaxBody),
		Alias:       truncate(e.Thread, incident.MaxAlias),
		Source:      "email",
		Details: map[string]string{
			"from":       truncate(from, 500),
			"to":         truncate(maskKey(to, rc.key), 500),
			"message_id": truncate(e.MessageID, 500),
		},
	}
}

// noNUL drops NUL characters, which PostgreSQL text cannot hold. Mail
// carries them by mistake (a UTF-16 part sent as 8-bit, a =00 in
// quoted-printable); dropping them keeps the alert, where refusing would
// lose it, and a temporary refusal would have the sender retry for ever.
func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", "") }

// maskKey hides the integration key in an address list: everyone who can
// read the alert can read its details, and the key is a secret.
func maskKey(s, key string) string {
	masked := key[:min(8, len(key))] + "…"
	lower := strings.ToLower(s)
	var b strings.Builder
	for {
		i := strings.Index(lower, key)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i] + masked)
		s, lower = s[i+len(key):], lower[i+len(key):]
	}
}

func reject(code int, enhanced smtp.EnhancedCode, msg string) error {
	return &smtp.SMTPError{Code: code, EnhancedCode: enhanced, Message: msg}
}
