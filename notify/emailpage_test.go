package notify_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/notify"
)

// parts reads a received message into its headers and its text/plain and
// text/html bodies, decoded.
func parts(t *testing.T, data string) (mail.Header, map[string]string) {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("want multipart/alternative, got %q (%v)", msg.Header.Get("Content-Type"), err)
	}
	out := map[string]string{}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		var body io.Reader = p
		if p.Header.Get("Content-Transfer-Encoding") == "quoted-printable" {
			body = quotedprintable.NewReader(p)
		}
		b, _ := io.ReadAll(body)
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		out[ct] = string(b)
	}
	return msg.Header, out
}

func TestPageEmailHasTextHTMLAndExpiringActionLinks(t *testing.T) {
	srv := smtptest.Start(t)
	mailer, err := notify.NewMailer(srv.URL, "Tocsin <tocsin@test.local>")
	if err != nil {
		t.Fatal(err)
	}
	p := page
	p.To = "alice@example.com"
	p.Description = "Acquirer answers 503 <since 22:10>"
	p.ActionExpires = time.Date(2026, 11, 23, 23, 30, 0, 0, time.UTC)
	r, err := (&notify.EmailPages{Mailer: mailer}).Send(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	m := srv.Next(t, 5*time.Second)
	if len(m.To) != 1 || m.To[0] != "alice@example.com" {
		t.Errorf("recipient: want alice@example.com, got %v", m.To)
	}
	// A page sent again (after a crash) is the same message to mail
	// systems: its Message-ID comes from the delivery, not from chance.
	p.DeliveryKey = "tocsin-delivery-9031"
	for range 2 {
		r2, err := (&notify.EmailPages{Mailer: mailer}).Send(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		h2, _ := parts(t, srv.Next(t, 5*time.Second).Data)
		if want := "<tocsin-delivery-9031@test.local>"; h2.Get("Message-Id") != want || "<"+r2.ProviderID+">" != want {
			t.Errorf("Message-ID of a delivery: want %s, got header %q, receipt %q", want, h2.Get("Message-Id"), r2.ProviderID)
		}
	}
	h, body := parts(t, m.Data)
	for k, want := range map[string]string{
		"Subject":    "[Tocsin] P1 #42 Card payments failing (Payments API)",
		"Importance": "high",
		"X-Priority": "1",
		"Message-Id": "<" + r.ProviderID + ">",
	} {
		if got := h.Get(k); got != want {
			t.Errorf("%s: want %q, got %q", k, want, got)
		}
	}
	if r.Summary != "email to a…@example.com: sent" {
		t.Errorf("summary: got %q", r.Summary)
	}
	text := body["text/plain"]
	for _, want := range []string{
		"P1 #42 Card payments failing (Payments API)",
		"Priority: P1 (high urgency)",
		"Acquirer answers 503 <since 22:10>",
		"Open the alert: https://tocsin.example.com/alerts/4294967337",
		"Acknowledge: https://tocsin.example.com/actions/tok_abc?action=acknowledge",
		"Close:       https://tocsin.example.com/actions/tok_abc?action=close",
		"These links work until 23:30 UTC on 23 Nov 2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text part lacks %q:\n%s", want, text)
		}
	}
	html := body["text/html"]
	for _, want := range []string{
		`<a href="https://tocsin.example.com/actions/tok_abc?action=acknowledge"`,
		`<a href="https://tocsin.example.com/actions/tok_abc?action=close"`,
		`Acquirer answers 503 &lt;since 22:10&gt;`,
		`#42 Card payments failing</a>`,
		`These buttons work until 23:30 UTC on 23 Nov 2026`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML part lacks %q:\n%s", want, html)
		}
	}
}

func TestPageEmailWithoutActionsHasNoActionLinks(t *testing.T) {
	p := page
	p.To, p.ActionURL, p.ActionToken, p.Urgency = "bob@example.com", "", "", notify.UrgencyLow
	e, err := notify.PageEmail(p)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(e.Text, "/actions/") || strings.Contains(e.HTML, "/actions/") || e.Urgent {
		t.Errorf("want no action links and normal importance, got urgent=%v\n%s", e.Urgent, e.Text)
	}
}

func TestPageEmailFailuresAreClassified(t *testing.T) {
	for _, c := range []struct {
		name      string
		reject    *smtp.SMTPError
		permanent bool
		code      string
	}{
		{"unknown mailbox", &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}, true, "550"},
		{"mailbox full", &smtp.SMTPError{Code: 452, EnhancedCode: smtp.EnhancedCode{4, 2, 2}, Message: "mailbox full"}, false, "452"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := smtptest.StartRejecting(t, c.reject)
			mailer, _ := notify.NewMailer(srv.URL, "tocsin@test.local")
			p := page
			p.To = "nobody@example.com"
			_, err := (&notify.EmailPages{Mailer: mailer}).Send(context.Background(), p)
			if err == nil || notify.IsPermanent(err) != c.permanent || !strings.Contains(err.Error(), "("+c.code+")") {
				t.Errorf("want permanent=%v with code %s, got %v", c.permanent, c.code, err)
			}
		})
	}
	mailer, _ := notify.NewMailer("smtp://127.0.0.1:1", "tocsin@test.local")
	p := page
	p.To = "alice@example.com"
	if _, err := (&notify.EmailPages{Mailer: mailer}).Send(context.Background(), p); err == nil || notify.IsPermanent(err) {
		t.Errorf("server down: want a temporary error, got %v", err)
	}
	p.To = "not an address"
	if _, err := (&notify.EmailPages{Mailer: mailer}).Send(context.Background(), p); !notify.IsPermanent(err) {
		t.Errorf("bad address: want a permanent error, got %v", err)
	}
}
