package inbound_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/inbound"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "inbound", &env)) }

var sys = viewer.System(context.Background())

const domain = "alerts.example.com"

// fixture is a running listener with one EMAIL integration.
type fixture struct {
	addr string
	key  string
	intg *ent.Integration
	svc  *ent.Service
	ints *integration.Integrations
}

func start(t *testing.T) *fixture {
	t.Helper()
	env.Truncate(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	svc := env.Client.Service.Create().SetName("Mail").SetTeam(team).SaveX(sys)
	ints := integration.New(env.Client, env.Redis, "https://tocsin.example.com", domain)
	i, key, err := ints.Create(sys, integration.CreateInput{ServiceID: svc.ID, Kind: entintegration.KindEMAIL, Name: "Email"})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv := inbound.New(incident.New(env.Client, env.DB), ints)
	srv.MaxMessageBytes = 64 << 10 // keep the oversize test quick; the default is 1 MiB
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve after shutdown: want nil, got %v", err)
		}
	})
	return &fixture{addr: ln.Addr().String(), key: key, intg: i, svc: svc, ints: ints}
}

func (f *fixture) to() string { return f.key + "@" + domain }

// send delivers a message with the standard library's SMTP client.
func (f *fixture) send(t *testing.T, to string, headers map[string]string, body string) error {
	t.Helper()
	var b strings.Builder
	for k, v := range headers {
		fmt.Fprintf(&b, "%s: %s\r\n", k, v)
	}
	b.WriteString("\r\n" + body)
	return smtp.SendMail(f.addr, nil, "monitor@example.net", []string{to}, []byte(b.String()))
}

func plain(subject, msgID string) map[string]string {
	return map[string]string{"From": "Nagios <nagios@example.net>", "To": "alerts", "Subject": subject, "Message-ID": msgID}
}

func (f *fixture) alerts(t *testing.T) []*ent.Alert {
	t.Helper()
	return env.Client.Alert.Query().Where(alert.ServiceID(f.svc.ID)).Order(ent.Asc(alert.FieldID)).AllX(sys)
}

func smtpCode(err error) int {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code
	}
	return 0
}

func TestEmailOpensAnAlert(t *testing.T) {
	f := start(t)
	h := plain("Disk full on db-1", "<a1@example.net>")
	h["To"] = "On call <" + f.to() + ">"
	if err := f.send(t, f.to(), h, "Disk / is 98% full.\r\nCheck it.\r\n"); err != nil {
		t.Fatalf("want the email accepted, got %v", err)
	}
	as := f.alerts(t)
	if len(as) != 1 {
		t.Fatalf("want 1 alert, got %d", len(as))
	}
	a := as[0]
	want := map[string]string{"from": "nagios@example.net", "message_id": "a1@example.net", "to": "On call <" + f.key[:8] + "…@" + domain + ">"}
	if a.Message != "Disk full on db-1" || a.Description != "Disk / is 98% full.\nCheck it." || a.Source != "email" ||
		a.Alias != "a1@example.net" || a.IntegrationID == nil || *a.IntegrationID != f.intg.ID {
		t.Fatalf("alert fields: got message %q description %q source %q alias %q integration %v", a.Message, a.Description, a.Source, a.Alias, a.IntegrationID)
	}
	for k, v := range want {
		if a.Details[k] != v {
			t.Errorf("details[%s]: want %q, got %q", k, v, a.Details[k])
		}
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(a.ID), timelineevent.Kind(incident.KindCreated)).OnlyX(sys)
	if ev.ActorType != timelineevent.ActorTypeINTEGRATION || ev.ActorName != "nagios@example.net" {
		t.Fatalf("want the creation by the integration as the From address, got %s %q", ev.ActorType, ev.ActorName)
	}
	if got := env.Client.Integration.GetX(sys, f.intg.ID); got.LastReceivedAt == nil || !strings.Contains(got.LastResult, "created") {
		t.Fatalf("want the integration to note the email, got %v %q", got.LastReceivedAt, got.LastResult)
	}
}

func TestReplyInTheSameThreadDeduplicates(t *testing.T) {
	f := start(t)
	if err := f.send(t, f.to(), plain("Backup failed", "<root@example.net>"), "first"); err != nil {
		t.Fatal(err)
	}
	reply := plain("Re: Backup failed", "<reply@example.net>")
	reply["In-Reply-To"] = "<root@example.net>"
	reply["References"] = "<root@example.net>"
	if err := f.send(t, f.to(), reply, "still failing"); err != nil {
		t.Fatal(err)
	}
	as := f.alerts(t)
	if len(as) != 1 || as[0].Count != 2 || as[0].Message != "Backup failed" {
		t.Fatalf("want one alert counted twice keeping the first subject, got %d alerts (%+v)", len(as), as)
	}
	other := plain("Another thing", "<other@example.net>")
	if err := f.send(t, f.to(), other, "x"); err != nil {
		t.Fatal(err)
	}
	if n := len(f.alerts(t)); n != 2 {
		t.Fatalf("a new thread must open a new alert: want 2 alerts, got %d", n)
	}
}

func TestRecipientsOtherThanEmailIntegrationKeysAreRefusedAtRcpt(t *testing.T) {
	f := start(t)
	_, opsKey, _ := f.ints.Create(sys, integration.CreateInput{ServiceID: f.svc.ID, Kind: entintegration.KindOPSGENIE, Name: "Opsgenie"})
	off, offKey, _ := f.ints.Create(sys, integration.CreateInput{ServiceID: f.svc.ID, Kind: entintegration.KindEMAIL, Name: "Off"})
	env.Client.Integration.UpdateOne(off).SetEnabled(false).ExecX(sys)
	for _, tc := range []struct{ name, to, want string }{
		{"unknown key", "00000000-0000-4000-8000-000000000000@" + domain, "No Tocsin integration has the key"},
		{"another domain", f.key + "@example.org", "accepts mail only for <integration key>@" + domain},
		{"not an EMAIL integration", opsKey + "@" + domain, "belongs to a OPSGENIE integration"},
		{"disabled", offKey + "@" + domain, "is disabled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := smtp.Dial(f.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if err := c.Mail("monitor@example.net"); err != nil {
				t.Fatal(err)
			}
			err = c.Rcpt(tc.to)
			if smtpCode(err) != 550 || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want 550 containing %q at RCPT, got %v", tc.want, err)
			}
		})
	}
	if n := len(f.alerts(t)); n != 0 {
		t.Fatalf("want no alert, got %d", n)
	}
}

func TestHTMLOnlyBodyBecomesText(t *testing.T) {
	f := start(t)
	h := plain("Grafana: CPU high", "<h1@example.net>")
	h["MIME-Version"] = "1.0"
	h["Content-Type"] = `text/html; charset="utf-8"`
	h["Content-Transfer-Encoding"] = "quoted-printable"
	body := "<html><head><style>p{color:red}</style></head><body><p>CPU at 97% on <b>web-3</b>=\r\n</p><p>Runbook: &lt;link&gt;</p></body></html>\r\n"
	if err := f.send(t, f.to(), h, body); err != nil {
		t.Fatal(err)
	}
	a := f.alerts(t)[0]
	if want := "CPU at 97% on web-3\nRunbook: <link>"; a.Description != want {
		t.Fatalf("want description %q, got %q", want, a.Description)
	}
}

func TestEncodedSubjectAndBase64BodyAreDecoded(t *testing.T) {
	f := start(t)
	h := plain("=?UTF-8?B?RGF0ZW5iYW5rIMO8YmVybGFzdGV0?= =?ISO-8859-1?Q?_=E0_100=25?=", "<e1@example.net>")
	h["MIME-Version"] = "1.0"
	h["Content-Type"] = `multipart/alternative; boundary="b1"`
	body := "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		"R3LDvMOfZSBhdXMgZGVyIERhdGVuYmFuaw==\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>ignored</p>\r\n--b1--\r\n"
	if err := f.send(t, f.to(), h, body); err != nil {
		t.Fatal(err)
	}
	a := f.alerts(t)[0]
	if a.Message != "Datenbank überlastet à 100%" || a.Description != "Grüße aus der Datenbank" {
		t.Fatalf("want decoded subject and body, got %q / %q", a.Message, a.Description)
	}
}

func TestLongSubjectIsTruncatedTo130Characters(t *testing.T) {
	f := start(t)
	if err := f.send(t, f.to(), plain(strings.Repeat("é", 200), "<long@example.net>"), "x"); err != nil {
		t.Fatal(err)
	}
	if got := []rune(f.alerts(t)[0].Message); len(got) != 130 {
		t.Fatalf("want the subject cut to 130 characters, got %d", len(got))
	}
}

func TestOversizeMessageIsRefused(t *testing.T) {
	f := start(t)
	err := f.send(t, f.to(), plain("big", "<big@example.net>"), strings.Repeat("0123456789abcdef\r\n", 5000))
	if code := smtpCode(err); code != 552 && code != 554 {
		t.Fatalf("want 552 for a message over the size limit, got %v", err)
	}
	if n := len(f.alerts(t)); n != 0 {
		t.Fatalf("want no alert from a refused message, got %d", n)
	}
}

func TestShutdownEndsServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ints := integration.New(env.Client, env.Redis, "https://tocsin.example.com", domain)
	done := make(chan error, 1)
	go func() { done <- inbound.New(incident.New(env.Client, env.DB), ints).Serve(ctx, ln) }()
	c, err := smtp.Dial(ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	c.Quit()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("want nil from Serve after the context ends, got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve still running 5 s after the context ended")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Fatal("want the listener closed after shutdown")
	}
}

// A NUL in any part of a message (an encoded word in the subject, a
// quoted-printable =00 in the body, a raw one in a header) cannot be stored
// by PostgreSQL: it is dropped, and the alert is opened, rather than the
// message answered 451 and retried by the sender for ever.
func TestNULInAnEmailIsDroppedAndTheAlertOpened(t *testing.T) {
	f := start(t)
	h := plain("=?utf-8?q?Disk_=00full?=", "<nul\x00@example.net>")
	h["Content-Type"] = "text/plain; charset=utf-8"
	h["Content-Transfer-Encoding"] = "quoted-printable"
	h["From"] = "Nagios <nag\x00ios@example.net>"
	if err := f.send(t, f.to(), h, "Disk / is=00 98% full.\r\n"); err != nil {
		t.Fatalf("want the email accepted, got %v (SMTP %d)", err, smtpCode(err))
	}
	as := f.alerts(t)
	if len(as) != 1 {
		t.Fatalf("want 1 alert, got %d", len(as))
	}
	a := as[0]
	if a.Message != "Disk full" || a.Description != "Disk / is 98% full." || a.Alias != "nul@example.net" || strings.ContainsRune(fmt.Sprint(a.Details), 0) {
		t.Fatalf("want the alert without the NULs, got message %q description %q alias %q details %q", a.Message, a.Description, a.Alias, a.Details)
	}
}
