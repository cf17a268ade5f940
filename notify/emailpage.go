package notify

import (
	"context"
	"embed"
	"errors"
	htmltemplate "html/template"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/wneessen/go-mail"
)

//go:embed templates/page.txt templates/page.html
var pageTemplates embed.FS

var (
	pageText = texttemplate.Must(texttemplate.ParseFS(pageTemplates, "templates/page.txt"))
	pageHTML = htmltemplate.Must(htmltemplate.ParseFS(pageTemplates, "templates/page.html"))
)

// EmailPages sends pages as email (text and HTML) through the Mailer that
// invitations use. Its acknowledge and close links open Tocsin's
// confirmation page for the page's action token, so they expire with it.
type EmailPages struct{ Mailer *Mailer }

// Name is "email".
func (*EmailPages) Name() string { return "email" }

// pageView is what the templates see.
type pageView struct {
	Page
	Title, Ack, Close, Expires string
}

// PageEmail renders the email of a page.
func PageEmail(p Page) (Email, error) {
	v := pageView{Page: p, Title: p.title(), Ack: p.actionLink(Acknowledge), Close: p.actionLink(Close)}
	if !p.ActionExpires.IsZero() {
		v.Expires = p.ActionExpires.UTC().Format("15:04 MST on 2 Jan 2006")
	}
	var text, html strings.Builder
	if err := pageText.Execute(&text, v); err != nil {
		return Email{}, err
	}
	if err := pageHTML.Execute(&html, v); err != nil {
		return Email{}, err
	}
	return Email{To: p.To, Subject: "[Tocsin] " + v.Title, Text: text.String(), HTML: html.String(), Urgent: p.Urgency == UrgencyHigh,
		IDKey: p.DeliveryKey}, nil
}

// Send emails the page. SMTP 5xx answers (unknown mailbox, refused
// sender) and bad addresses are permanent; 4xx answers and connection
// failures are temporary.
func (e *EmailPages) Send(ctx context.Context, p Page) (Receipt, error) {
	m, err := PageEmail(p)
	if err != nil {
		return Receipt{}, Permanent(e.Name(), "", err)
	}
	id, err := e.Mailer.Deliver(ctx, m)
	var addr *AddressError
	var se *mail.SendError
	switch {
	case err == nil:
		return Receipt{ProviderID: id, Summary: "email to " + p.recipient() + ": sent"}, nil
	case errors.As(err, &addr):
		return Receipt{}, Permanent(e.Name(), "", err)
	case errors.As(err, &se) && se.ErrorCode() >= 500:
		return Receipt{}, Permanent(e.Name(), strconv.Itoa(se.ErrorCode()), err)
	case errors.As(err, &se) && se.ErrorCode() > 0:
		return Receipt{}, Temporary(e.Name(), strconv.Itoa(se.ErrorCode()), err)
	}
	return Receipt{}, Temporary(e.Name(), "", err)
}

// compile-time checks that the channels are Channels.
var (
	_ Channel = (*EmailPages)(nil)
	_ Channel = (*SMS)(nil)
	_ Channel = (*Voice)(nil)
	_ Channel = (*Webhook)(nil)
)
