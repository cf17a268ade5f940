package notify

// This file is the SMTP client (go-mail) that invitations and page emails share.

import (
	"context"
	"fmt"
	stdmail "net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/wneessen/go-mail"
)

// Email is one message to one person.
type Email struct {
	To      string
	Subject string
	Text    string
	HTML    string
	// Urgent marks the message high importance (Importance, X-Priority).
	Urgent bool
	// IDKey, when set, makes the Message-ID <IDKey@sender's domain>: the same
	// on every attempt, so a page sent again after a crash is one message
	// to mail systems that drop a Message-ID they have (Gmail does).
	IDKey string
	// Headers are extra header fields (List-Unsubscribe, …).
	Headers map[string]string
}

// Mailer sends email over SMTP.
type Mailer struct {
	from string
	host string
	opts []mail.Option
}

// NewMailer configures SMTP from a URL: smtp://[user:pass@]host:port uses
// STARTTLS when the server offers it; smtps:// uses implicit TLS.
func NewMailer(rawURL, from string) (*Mailer, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("TOCSIN_SMTP_URL: want smtp://host:port or smtps://host:port, got %q", rawURL)
	}
	port := 25
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("TOCSIN_SMTP_URL: bad port %q", p)
		}
	}
	opts := []mail.Option{mail.WithPort(port), mail.WithTimeout(15 * time.Second)}
	switch u.Scheme {
	case "smtp":
		opts = append(opts, mail.WithTLSPolicy(mail.TLSOpportunistic))
	case "smtps":
		opts = append(opts, mail.WithSSL())
	default:
		return nil, fmt.Errorf("TOCSIN_SMTP_URL: scheme must be smtp or smtps, got %q", u.Scheme)
	}
	if u.User != nil {
		pass, _ := u.User.Password()
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover),
			mail.WithUsername(u.User.Username()), mail.WithPassword(pass))
	}
	return &Mailer{from: from, host: u.Hostname(), opts: opts}, nil
}

// Send delivers one email, honouring ctx.
func (m *Mailer) Send(ctx context.Context, e Email) error {
	_, err := m.Deliver(ctx, e)
	return err
}

// Deliver sends one email and returns its Message-ID. An address go-mail
// refuses is an *AddressError.
func (m *Mailer) Deliver(ctx context.Context, e Email) (messageID string, err error) {
	msg := mail.NewMsg()
	if err := msg.From(m.from); err != nil {
		return "", fmt.Errorf("from address %q: %w", m.from, err)
	}
	if err := msg.To(e.To); err != nil {
		return "", &AddressError{Address: e.To, Err: err}
	}
	msg.Subject(e.Subject)
	msg.SetDate()
	if e.IDKey != "" {
		msg.SetMessageIDWithValue(e.IDKey + "@" + m.domain())
	} else {
		msg.SetMessageID()
	}
	if e.Urgent {
		msg.SetImportance(mail.ImportanceHigh)
	}
	for k, v := range e.Headers {
		msg.SetGenHeader(mail.Header(k), v)
	}
	msg.SetBodyString(mail.TypeTextPlain, e.Text)
	if e.HTML != "" {
		msg.AddAlternativeString(mail.TypeTextHTML, e.HTML)
	}
	c, err := mail.NewClient(m.host, m.opts...)
	if err != nil {
		return "", err
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return "", fmt.Errorf("sending email to %s via %s: %w", e.To, m.host, err)
	}
	return strings.Trim(msg.GetMessageID(), "<>"), nil
}

// domain is the sender address's domain ("localhost" when it has none).
func (m *Mailer) domain() string {
	if a, err := stdmail.ParseAddress(m.from); err == nil {
		if _, d, ok := strings.Cut(a.Address, "@"); ok && d != "" {
			return d
		}
	}
	return "localhost"
}

// AddressError is a recipient address that is not an email address.
type AddressError struct {
	Address string
	Err     error
}

func (e *AddressError) Error() string { return fmt.Sprintf("to address %q: %v", e.Address, e.Err) }
func (e *AddressError) Unwrap() error { return e.Err }
