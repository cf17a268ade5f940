package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/seed"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
	"github.com/tocsin/tocsin/server"
)

const (
	actionSecret = "server-test-action-secret-0123456789"
	twilioToken  = "server-test-twilio-auth-token"
)

// actionsHarness is a server with action tokens on, the demo data, and one
// open alert.
type actionsHarness struct {
	t      *testing.T
	srv    *httptest.Server
	signer *actiontoken.Signer
	alert  *ent.Alert
}

func newActionsHarness(t *testing.T, signer *actiontoken.Signer) *actionsHarness {
	t.Helper()
	env.Truncate(t)
	sys := viewerSystem()
	a := auth.New(env.Client, env.Redis, time.Hour)
	if err := seed.Demo(context.Background(), env.Client, a, time.Now()); err != nil {
		t.Fatal(err)
	}
	alerts := incident.New(env.Client, env.DB)
	created, err := alerts.Create(sys, incident.SystemActor("test"), incident.NewAlert{
		ServiceID: env.Client.Service.Query().FirstX(sys).ID, Message: "Card payments failing", Priority: alert.PriorityP1})
	if err != nil {
		t.Fatal(err)
	}
	cfg := loadConfig(t)
	cfg.TwilioAuthToken = twilioToken
	s := server.New(server.Deps{Config: cfg, Client: env.Client, DB: env.DB, Redis: env.Redis, Auth: a, Inviter: &invites{},
		Alerts: alerts, ActionTokens: signer, SPA: fstest.MapFS{"index.html": {Data: []byte("<!doctype html>")}}})
	h := &actionsHarness{t: t, srv: httptest.NewServer(s), signer: signer, alert: env.Client.Alert.GetX(sys, created.ID)}
	t.Cleanup(h.srv.Close)
	return h
}

func newSigner(t *testing.T) *actiontoken.Signer {
	s, err := actiontoken.NewSigner(actionSecret)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func demoUser(t *testing.T, email string) *ent.User {
	return env.Client.User.Query().Where(user.Email(email)).OnlyX(viewerSystem())
}

// token signs a token for the alert and the user, allowing actions, valid for ttl.
func (h *actionsHarness) token(email string, ttl time.Duration, actions ...notify.Action) string {
	h.t.Helper()
	tok, err := h.signer.Sign(actiontoken.Claims{AlertID: h.alert.ID, UserID: demoUser(h.t, email).ID, Actions: actions, Expires: time.Now().Add(ttl)})
	if err != nil {
		h.t.Fatal(err)
	}
	return tok
}

// post sends {"action": a} to /actions/{token}, as the mobile app does.
func (h *actionsHarness) post(token, action string) (int, map[string]any) {
	h.t.Helper()
	res, err := http.Post(h.srv.URL+"/actions/"+token, "application/json", strings.NewReader(`{"action":"`+action+`"}`))
	if err != nil {
		h.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		h.t.Fatalf("answer is not JSON (%d): %s", res.StatusCode, raw)
	}
	return res.StatusCode, out
}

func (h *actionsHarness) status() alert.Status {
	return env.Client.Alert.GetX(viewerSystem(), h.alert.ID).Status
}

func errorCode(out map[string]any) string {
	e, _ := out["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

func TestPushActionAcknowledgesAsTheTokensUser(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	tok := h.token("responder@tocsin.local", time.Hour, notify.Actions...)
	status, out := h.post(tok, "acknowledge")
	if status != http.StatusOK {
		t.Fatalf("want 200, got %d %v", status, out)
	}
	a, _ := out["alert"].(map[string]any)
	if out["action"] != "acknowledge" || a["status"] != "ACKED" || a["tinyId"] != float64(incident.TinyID(h.alert.ID)) || a["message"] != "Card payments failing" {
		t.Errorf("answer: got %v", out)
	}
	got := env.Client.Alert.GetX(viewerSystem(), h.alert.ID)
	rui := demoUser(t, "responder@tocsin.local")
	if got.Status != alert.StatusACKED || got.AcknowledgedByID == nil || *got.AcknowledgedByID != rui.ID {
		t.Errorf("want ACKED by Rui (%d), got %s by %v", rui.ID, got.Status, got.AcknowledgedByID)
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(h.alert.ID), timelineevent.Kind(incident.KindAcknowledged)).OnlyX(viewerSystem())
	if ev.ActorType != timelineevent.ActorTypeUSER || ev.ActorID == nil || *ev.ActorID != rui.ID || ev.ActorName != "Rui Responder" {
		t.Errorf("timeline: want acknowledged by user Rui Responder, got %s %v %q", ev.ActorType, ev.ActorID, ev.ActorName)
	}

	status, out = h.post(tok, "ack")
	if status != http.StatusConflict || errorCode(out) != "CONFLICT" || !strings.Contains(out["error"].(map[string]any)["message"].(string), "already acknowledged") {
		t.Errorf("acknowledging again: want 409 CONFLICT already acknowledged, got %d %v", status, out)
	}
	status, out = h.post(tok, "escalate")
	if status != http.StatusOK || env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(h.alert.ID), timelineevent.Kind(incident.KindEscalated)).CountX(viewerSystem()) != 1 {
		t.Errorf("escalate: want 200 and an ESCALATED event, got %d %v", status, out)
	}
}

func TestActionTokensThatMustNotActChangeNothing(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	ackOnly := h.token("responder@tocsin.local", time.Hour, notify.Acknowledge)
	other, _ := actiontoken.NewSigner("another-secret-another-secret-another")
	forged, _ := other.Sign(actiontoken.Claims{AlertID: h.alert.ID, UserID: demoUser(t, "admin@tocsin.local").ID, Actions: notify.Actions, Expires: time.Now().Add(time.Hour)})
	disabled := h.token("admin@tocsin.local", time.Hour, notify.Actions...)
	env.Client.User.Update().Where(user.Email("admin@tocsin.local")).SetDisabled(true).ExecX(viewerSystem())

	for _, c := range []struct {
		name, token, action string
		status              int
		code                string
	}{
		{"an action the token does not allow", ackOnly, "close", 403, "FORBIDDEN"},
		{"an unknown action", ackOnly, "snooze", 400, "BAD_REQUEST"},
		{"a note over the limit", ackOnly, `acknowledge","note":"` + strings.Repeat("n", incident.MaxNote+1), 400, "BAD_REQUEST"},
		{"a token of another secret", forged, "acknowledge", 403, "INVALID_TOKEN"},
		{"a tampered token", tamper(ackOnly), "acknowledge", 403, "INVALID_TOKEN"},
		{"an expired token", h.token("responder@tocsin.local", -time.Second, notify.Actions...), "acknowledge", 410, "EXPIRED_TOKEN"},
		{"a disabled user", disabled, "acknowledge", 403, "FORBIDDEN"},
		{"a stakeholder", h.token("stakeholder@tocsin.local", time.Hour, notify.Actions...), "acknowledge", 403, "FORBIDDEN"},
	} {
		status, out := h.post(c.token, c.action)
		if status != c.status || errorCode(out) != c.code {
			t.Errorf("%s: want %d %s, got %d %v", c.name, c.status, c.code, status, out)
		}
		if s := h.status(); s != alert.StatusOPEN {
			t.Fatalf("%s: the alert must stay OPEN, got %s", c.name, s)
		}
	}
}

// tamper changes the 11th character of a token (one that carries six whole bits).
func tamper(tok string) string {
	c := byte('A')
	if tok[10] == 'A' {
		c = 'B'
	}
	return tok[:10] + string(c) + tok[11:]
}

func TestEmailLinkShowsAConfirmationAndOnlyThePostActs(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	tok := h.token("responder@tocsin.local", time.Hour, notify.Acknowledge, notify.Close)
	res, err := http.Get(h.srv.URL + "/actions/" + tok + "?action=close")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET: want 200 HTML, got %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{"Close this alert?", "Card payments failing", `<form method="post" action="">`, `name="action" value="close"`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("confirmation page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(string(page), `value="acknowledge"`) {
		t.Error("a link for close must offer only close")
	}
	if res.Header.Get("Referrer-Policy") != "no-referrer" || res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("want no-referrer and no-store, got %q %q", res.Header.Get("Referrer-Policy"), res.Header.Get("Cache-Control"))
	}
	if s := h.status(); s != alert.StatusOPEN {
		t.Fatalf("a GET (a mail scanner following the link) must change nothing, got %s", s)
	}

	// The browser posts the form, with a stale session cookie and no CSRF
	// header: the token is the credential, so that does not matter.
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/actions/"+tok, strings.NewReader(url.Values{"action": {"close"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: "tcs_stale"})
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(page), "Done: closed") {
		t.Errorf("form POST: want 200 and an HTML page saying closed, got %d:\n%s", res.StatusCode, page)
	}
	if s := h.status(); s != alert.StatusCLOSED {
		t.Errorf("want CLOSED after the POST, got %s", s)
	}

	res, _ = http.Get(h.srv.URL + "/actions/not-a-token")
	page, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || !strings.Contains(string(page), "not valid") {
		t.Errorf("GET of a bad token: want 403 and an HTML page saying so, got %d:\n%s", res.StatusCode, page)
	}
}

func TestActionLinksAreOffWithoutASecret(t *testing.T) {
	h := newActionsHarness(t, nil)
	h.signer = newSigner(t)
	status, out := h.post(h.token("responder@tocsin.local", time.Hour, notify.Actions...), "acknowledge")
	if status != http.StatusNotFound || !strings.Contains(out["error"].(map[string]any)["message"].(string), "TOCSIN_ACTION_SECRET") {
		t.Errorf("want 404 naming TOCSIN_ACTION_SECRET, got %d %v", status, out)
	}
	if s := h.status(); s != alert.StatusOPEN {
		t.Errorf("want the alert OPEN, got %s", s)
	}
	req, _ := http.NewRequest(http.MethodDelete, h.srv.URL+"/actions/x", nil)
	res, _ := http.DefaultClient.Do(req)
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, POST" {
		t.Errorf("DELETE: want 405 with Allow GET, POST, got %d %q", res.StatusCode, res.Header.Get("Allow"))
	}
}

// A link escalates once: clicked again (or at once, twice) it answers 409
// and pages nobody more; another link of the same alert still can.
func TestActionLinkEscalatesOnce(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	tok := h.token("responder@tocsin.local", time.Hour, notify.Actions...)
	escalations := func() int {
		return env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(h.alert.ID), timelineevent.Kind(incident.KindEscalated)).CountX(viewerSystem())
	}
	codes := make(chan int, 3)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _ := h.post(tok, "escalate")
			codes <- status
		}()
	}
	wg.Wait()
	close(codes)
	got := map[int]int{}
	for c := range codes {
		got[c]++
	}
	if got[http.StatusOK] != 1 || got[http.StatusConflict] != 2 || escalations() != 1 {
		t.Fatalf("three clicks of one link: want one 200 and two 409 and one escalation, got %v and %d", got, escalations())
	}
	status, out := h.post(tok, "escalate")
	if status != http.StatusConflict || !strings.Contains(out["error"].(map[string]any)["message"].(string), "already escalated") {
		t.Fatalf("a later click: want 409 saying the link already escalated, got %d %v", status, out)
	}
	other := h.token("admin@tocsin.local", time.Hour, notify.Escalate)
	if status, out := h.post(other, "escalate"); status != http.StatusOK || escalations() != 2 {
		t.Fatalf("another link: want 200 and a second escalation, got %d %v", status, out)
	}
}
