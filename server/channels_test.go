package server_test

import (
	"context"
	"encoding/json"
	"io"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/egress"
)

// page is what the engine will hand a channel for the harness's alert,
// with an action token of user email.
func (h *actionsHarness) page(email, to string) notify.Page {
	tok := h.token(email, time.Hour, notify.Actions...)
	return notify.Page{AlertID: h.alert.ID, TinyID: incident.TinyID(h.alert.ID), Message: h.alert.Message, Priority: string(h.alert.Priority),
		Service: "Checkout", Urgency: notify.UrgencyHigh, Link: h.srv.URL + "/alerts/1", To: to,
		ActionToken: tok, ActionURL: h.srv.URL + "/actions/" + tok, ActionExpires: time.Now().Add(time.Hour)}
}

// An email page arrives over SMTP; its Acknowledge link shows the
// confirmation page, and the confirmation's POST acknowledges.
func TestEmailLinkAcknowledges(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	smtp := smtptest.Start(t)
	mailer, err := notify.NewMailer(smtp.URL, "tocsin@test.local")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&notify.EmailPages{Mailer: mailer}).Send(context.Background(), h.page("responder@tocsin.local", "rui@example.com")); err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(smtp.Next(t, 5*time.Second).Data)))
	m := regexp.MustCompile(`Acknowledge: (\S+)`).FindSubmatch(raw)
	if m == nil {
		t.Fatalf("the email has no Acknowledge link:\n%s", raw)
	}
	link := string(m[1])
	res, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(page), `value="acknowledge"`) || h.status() != alert.StatusOPEN {
		t.Fatalf("opening the link: want a confirmation and an OPEN alert, got %d %s:\n%s", res.StatusCode, h.status(), page)
	}
	u, _ := url.Parse(link)
	res, err = http.PostForm(h.srv.URL+u.Path, url.Values{"action": {"acknowledge"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || h.status() != alert.StatusACKED {
		t.Errorf("confirming: want 200 and ACKED, got %d %s", res.StatusCode, h.status())
	}
}

// A webhook receiver gets the page and closes the alert through the
// payload's actions.url.
func TestWebhookReceiverActsThroughTheActionURL(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	got := make(chan notify.WebhookPayload, 1)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p notify.WebhookPayload
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			t.Errorf("webhook body: %v", err)
		}
		got <- p
	}))
	t.Cleanup(rcv.Close)
	if _, err := (&notify.Webhook{Secret: "s", Egress: &egress.Dialer{Policy: egress.Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}}}).Send(context.Background(), h.page("admin@tocsin.local", rcv.URL)); err != nil {
		t.Fatal(err)
	}
	p := <-got
	if p.Actions == nil || p.Alert.ID != h.alert.ID {
		t.Fatalf("want the alert and its actions in the payload, got %+v", p)
	}
	res, err := http.Post(p.Actions.URL, "application/json", strings.NewReader(`{"action":"close","note":"fixed by the bot"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || h.status() != alert.StatusCLOSED {
		t.Errorf("want 200 and CLOSED, got %d %s", res.StatusCode, h.status())
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(h.alert.ID), timelineevent.Kind(incident.KindClosed)).OnlyX(viewerSystem())
	if ev.Data["note"] != "fixed by the bot" || ev.ActorName != "Ada Admin" {
		t.Errorf("timeline: want closed by Ada Admin with the note, got %q %v", ev.ActorName, ev.Data)
	}
}
