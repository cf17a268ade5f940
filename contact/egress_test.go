package contact_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent/contactmethod"
)

// receiver is a webhook endpoint on 127.0.0.1 that counts what reached it
// and answers status with body.
func receiver(t *testing.T, status int, body string) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// A name that resolves to a public address when the webhook is saved and
// to loopback when it is sent (DNS rebinding) is refused when dialing: the
// receiver behind the internal address never sees a request.
func TestWebhookRebindingAfterSaveIsRefusedAtDial(t *testing.T) {
	w := newWorld(t)
	srv, hits := receiver(t, http.StatusOK, "")
	var lookups atomic.Int32
	w.egress.LookupIP = func(_ context.Context, host string) ([]netip.Addr, error) {
		if host != "rebind.example.com" {
			return fakeDNS(context.Background(), host)
		}
		if lookups.Add(1) == 1 {
			return []netip.Addr{netip.MustParseAddr("93.184.215.14")}, nil
		}
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}
	u, _ := url.Parse(srv.URL)
	hook, err := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindWEBHOOK, Name: "Rebinder",
		Address: "http://rebind.example.com:" + u.Port() + "/hook"})
	if err != nil {
		t.Fatalf("saving while the name answers a public address: want stored, got %v", err)
	}
	res, err := w.m.SendTest(w.annCtx, hook.ID)
	if err != nil || res.Sent || !strings.Contains(res.Summary, "127.0.0.1 is not reachable for webhooks: loopback") {
		t.Errorf("sending after the name turned to 127.0.0.1: want not sent, naming the loopback refusal, got %+v, %v", res, err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the internal receiver got %d requests, want none", n)
	}
	if n := lookups.Load(); n != 2 {
		t.Errorf("want the name resolved once when saved and once when dialing, got %d lookups", n)
	}
}

// A test notification says what the receiver answered in its status line
// only: its body may be an internal page's content.
func TestTestWebhookShowsTheStatusNotTheBody(t *testing.T) {
	w := newWorld(t)
	w.egress.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	for _, c := range []struct {
		status int
		sent   bool
		want   string
	}{
		{http.StatusInternalServerError, false, "answered 500 Internal Server Error"},
		{http.StatusNotFound, false, "answered 404 Not Found"},
		{http.StatusOK, true, ": 200 OK"},
	} {
		srv, hits := receiver(t, c.status, "root:x:0:0:secret-internal-page")
		hook, err := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindWEBHOOK, Name: "Hook " + srv.URL, Address: srv.URL + "/x"})
		if err != nil {
			t.Fatal(err)
		}
		res, err := w.m.SendTest(w.annCtx, hook.ID)
		if err != nil || res.Sent != c.sent || !strings.HasSuffix(res.Summary, c.want) || strings.Contains(res.Summary, "secret") {
			t.Errorf("receiver answering %d with a body: want sent=%v and a summary ending %q without the body, got %+v, %v",
				c.status, c.sent, c.want, res, err)
		}
		if hits.Load() != 1 {
			t.Errorf("receiver answering %d: want one request, got %d", c.status, hits.Load())
		}
	}
}
