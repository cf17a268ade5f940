package notify_test

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/egress"
)

var sentAt = time.Date(2026, 11, 23, 22, 30, 0, 0, time.UTC)

// loopback lets webhooks reach the fake receivers on 127.0.0.1, which the
// default policy refuses.
var loopback = &egress.Dialer{Policy: egress.Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}}

type received struct {
	header http.Header
	body   []byte
}

// fakeReceiver answers status to every POST and hands over what came.
func fakeReceiver(t *testing.T, status int, answer string) (*httptest.Server, chan received) {
	got := make(chan received, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			t.Errorf("want POST, got %s", r.Method)
		}
		b, _ := io.ReadAll(r.Body)
		got <- received{r.Header.Clone(), b}
		if status == http.StatusFound {
			w.Header().Set("Location", "https://elsewhere.example.com/")
		}
		w.WriteHeader(status)
		io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	return srv, got
}

func TestWebhookPostsSignedJSON(t *testing.T) {
	srv, got := fakeReceiver(t, http.StatusNoContent, "")
	p := page
	p.To = srv.URL + "/tocsin"
	w := &notify.Webhook{Secret: "whsec-test", Egress: loopback, Now: func() time.Time { return sentAt }}
	r, err := w.Send(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	req := <-got
	want := `{"event":"alert.page","sentAt":"2026-11-23T22:30:00Z","alert":{"id":4294967337,"tinyId":42,"message":"Card payments failing",` +
		`"priority":"P1","service":"Payments API","urgency":"high","url":"https://tocsin.example.com/alerts/4294967337"},` +
		`"actions":{"url":"https://tocsin.example.com/actions/tok_abc","allowed":["acknowledge","escalate","close"]}}`
	if string(req.body) != want {
		t.Errorf("body:\nwant %s\ngot  %s", want, req.body)
	}
	for k, v := range map[string]string{"Content-Type": "application/json", notify.EventHeader: "alert.page", "User-Agent": "Tocsin-Webhook/1"} {
		if req.header.Get(k) != v {
			t.Errorf("%s: want %q, got %q", k, v, req.header.Get(k))
		}
	}
	sig := req.header.Get(notify.SignatureHeader)
	if !strings.HasPrefix(sig, "t=1795473000,v1=") || len(sig) != len("t=1795473000,v1=")+64 {
		t.Errorf("signature header: want t=1795473000,v1=<64 hex>, got %q", sig)
	}
	if !notify.VerifyWebhook("whsec-test", sig, req.body, sentAt.Add(time.Minute), 5*time.Minute) {
		t.Error("the receiver's check must accept the request")
	}
	for name, ok := range map[string]bool{
		"other secret":  notify.VerifyWebhook("other", sig, req.body, sentAt, 5*time.Minute),
		"changed body":  notify.VerifyWebhook("whsec-test", sig, append(req.body, ' '), sentAt, 5*time.Minute),
		"too old":       notify.VerifyWebhook("whsec-test", sig, req.body, sentAt.Add(6*time.Minute), 5*time.Minute),
		"no v1":         notify.VerifyWebhook("whsec-test", "t=1795473000", req.body, sentAt, 5*time.Minute),
		"garbage":       notify.VerifyWebhook("whsec-test", "v1=abc", req.body, sentAt, 5*time.Minute),
		"other ts same": notify.VerifyWebhook("whsec-test", strings.Replace(sig, "t=1795473000", "t=1795473001", 1), req.body, sentAt, 5*time.Minute),
	} {
		if ok {
			t.Errorf("%s: want refused", name)
		}
	}
	if r.ProviderID != req.header.Get(notify.DeliveryHeader) || len(r.ProviderID) != 24 || r.Summary != "webhook to "+strings.TrimPrefix(srv.URL, "http://")+": 204 No Content" {
		t.Errorf("receipt: want the delivery id and a summary, got %+v (delivery %q)", r, req.header.Get(notify.DeliveryHeader))
	}
}

func TestWebhookWithoutSecretIsUnsigned(t *testing.T) {
	srv, got := fakeReceiver(t, http.StatusOK, "")
	p := page
	p.To = srv.URL
	if _, err := (&notify.Webhook{Egress: loopback}).Send(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	if h := (<-got).header.Get(notify.SignatureHeader); h != "" {
		t.Errorf("no secret: want no signature header, got %q", h)
	}
}

func TestWebhookFailuresAreClassified(t *testing.T) {
	for _, c := range []struct {
		status    int
		permanent bool
	}{
		{400, true}, {401, true}, {403, true}, {404, true}, {410, true}, {302, true},
		{408, false}, {429, false}, {500, false}, {502, false}, {503, false},
	} {
		srv, _ := fakeReceiver(t, c.status, "internal answer")
		p := page
		p.To = srv.URL
		_, err := (&notify.Webhook{Egress: loopback}).Send(context.Background(), p)
		if err == nil || notify.IsPermanent(err) != c.permanent {
			t.Errorf("status %d: want permanent=%v, got %v", c.status, c.permanent, err)
		}
		// The status only: the body and a redirect's Location may be
		// what an internal page says.
		if want := fmt.Sprintf("answered %d %s", c.status, http.StatusText(c.status)); err == nil || !strings.Contains(err.Error(), want) ||
			strings.Contains(err.Error(), "internal answer") || strings.Contains(err.Error(), "elsewhere") {
			t.Errorf("status %d: want an error saying %q and nothing of the answer, got %v", c.status, want, err)
		}
	}
	p := page
	p.To = "ftp://example.com/x"
	if _, err := (&notify.Webhook{}).Send(context.Background(), p); !notify.IsPermanent(err) {
		t.Errorf("ftp URL: want a permanent error, got %v", err)
	}
}

func TestWebhookTimesOutAsTemporary(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	t.Cleanup(func() { close(release); srv.Close() })
	p := page
	p.To = srv.URL
	start := time.Now()
	_, err := (&notify.Webhook{Timeout: 200 * time.Millisecond, Egress: loopback}).Send(context.Background(), p)
	if err == nil || notify.IsPermanent(err) {
		t.Errorf("a receiver that never answers: want a temporary error, got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("want the 200 ms timeout to end the request, took %v", d)
	}
}

// TestSlackWebhookGetsASlackMessage sends to https://hooks.slack.com/…
// through an egress dialer that resolves the name to a public address and
// then connects to a local TLS server instead, so the real URL decides the
// format and no traffic leaves the machine.
func TestSlackWebhookGetsASlackMessage(t *testing.T) {
	got := make(chan received, 1)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Host != "hooks.slack.com" || r.URL.Path != "/services/T000/B000/XXXX" {
			t.Errorf("want hooks.slack.com/services/T000/B000/XXXX, got %s%s", r.Host, r.URL.Path)
		}
		b, _ := io.ReadAll(r.Body)
		got <- received{r.Header.Clone(), b}
		io.WriteString(w, "ok")
	}))
	t.Cleanup(srv.Close)
	dialed := make(chan string, 1)
	slackIP := &egress.Dialer{
		LookupIP: func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("93.184.215.14")}, nil
		},
		DialIP: func(ctx context.Context, network, address string) (net.Conn, error) {
			dialed <- address
			return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
		},
	}
	roots := srv.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs
	tlsConf := &tls.Config{RootCAs: roots, ServerName: "example.com"} // httptest's certificate names example.com

	p := page
	p.To = "https://hooks.slack.com/services/T000/B000/XXXX"
	p.Description = "acquirer <timeouts> & 5xx"
	r, err := (&notify.Webhook{Secret: "s", Egress: slackIP, TLS: tlsConf}).Send(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	req := <-got
	if a := <-dialed; a != "93.184.215.14:443" {
		t.Errorf("want the checked address of hooks.slack.com dialed, got %s", a)
	}
	var msg notify.SlackPayload
	if err := json.Unmarshal(req.body, &msg); err != nil {
		t.Fatalf("not JSON: %s", req.body)
	}
	want := `{"text":"Tocsin alert: P1 #42 Card payments failing (Payments API)","blocks":[` +
		`{"type":"section","text":{"type":"mrkdwn","text":"*\u003chttps://tocsin.example.com/alerts/4294967337|P1 #42 Card payments failing (Payments API)\u003e*\nacquirer \u0026lt;timeouts\u0026gt; \u0026amp; 5xx\nUrgency: high"}},` +
		`{"type":"actions","elements":[` +
		`{"type":"button","text":{"type":"plain_text","text":"Acknowledge"},"url":"https://tocsin.example.com/actions/tok_abc?action=acknowledge","action_id":"tocsin_acknowledge","style":"primary"},` +
		`{"type":"button","text":{"type":"plain_text","text":"Escalate"},"url":"https://tocsin.example.com/actions/tok_abc?action=escalate","action_id":"tocsin_escalate"},` +
		`{"type":"button","text":{"type":"plain_text","text":"Close"},"url":"https://tocsin.example.com/actions/tok_abc?action=close","action_id":"tocsin_close","style":"danger"}]}]}`
	if string(req.body) != want {
		t.Errorf("Slack body:\nwant %s\ngot  %s", want, req.body)
	}
	if req.header.Get(notify.SignatureHeader) != "" || req.header.Get(notify.EventHeader) != "" {
		t.Error("Slack gets no Tocsin headers")
	}
	if r.Summary != "Slack message: 200 OK" {
		t.Errorf("receipt summary: got %q", r.Summary)
	}
	for u, want := range map[string]bool{
		"https://hooks.slack.com/services/T/B/X": true, "https://HOOKS.SLACK.COM/services/T/B/X": true,
		"http://hooks.slack.com/services/T/B/X": false, "https://hooks.slack.com.evil.example/services": false, "https://example.com/hooks.slack.com": false,
	} {
		if notify.IsSlackWebhook(u) != want {
			t.Errorf("IsSlackWebhook(%s): want %v", u, want)
		}
	}
}
