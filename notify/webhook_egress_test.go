package notify_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/egress"
)

// countingReceiver answers 204 and counts the requests that reached it. It
// closes each connection, so every request dials anew.
func countingReceiver(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Connection", "close")
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// A webhook built without an allow-list reaches no server on this machine,
// whatever stored it.
func TestWebhookByDefaultRefusesLoopback(t *testing.T) {
	srv, hits := countingReceiver(t)
	u, _ := url.Parse(srv.URL)
	for _, to := range []string{srv.URL + "/hook", "http://[::ffff:127.0.0.1]:" + u.Port() + "/hook", "http://0.0.0.0:" + u.Port() + "/hook"} {
		p := page
		p.To = to
		if _, err := (&notify.Webhook{}).Send(context.Background(), p); err == nil || !notify.IsPermanent(err) {
			t.Errorf("%s: want a permanent refusal, got %v", to, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the receiver on 127.0.0.1 got %d requests, want none", n)
	}
}

// stand-in dials whatever checked address it is asked for to the local
// receiver instead, and counts the dials: a dial it sees is a dial the
// check let through.
func standIn(srv *httptest.Server, dials *atomic.Int32) func(ctx context.Context, network, address string) (net.Conn, error) {
	return func(ctx context.Context, network, _ string) (net.Conn, error) {
		dials.Add(1)
		return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
	}
}

// Each range of egress.Blocked is refused when dialing, written as an
// address in the URL and as the answer for a name.
func TestWebhookRefusesEveryBlockedRangeAtDial(t *testing.T) {
	srv, hits := countingReceiver(t)
	var dials atomic.Int32
	for _, row := range egress.Blocked {
		last := lastAddr(row.Prefix)
		d := &egress.Dialer{
			LookupIP: func(context.Context, string) ([]netip.Addr, error) { return []netip.Addr{last}, nil },
			DialIP:   standIn(srv, &dials),
		}
		for _, host := range []string{"[" + last.String() + "]", "internal.example.com"} {
			if last.Is4() && strings.HasPrefix(host, "[") {
				host = last.String()
			}
			p := page
			p.To = "http://" + host + ":8080/hook"
			_, err := (&notify.Webhook{Egress: d}).Send(context.Background(), p)
			var blocked *egress.BlockedError
			if !errors.As(err, &blocked) || !notify.IsPermanent(err) {
				t.Errorf("%s (%s) via %s: want a permanent *egress.BlockedError, got %v", row.Prefix, row.Why, host, err)
			}
		}
	}
	if dials.Load() != 0 || hits.Load() != 0 {
		t.Errorf("want no dial and no request, got %d dials and %d requests", dials.Load(), hits.Load())
	}
}

// A name that answers a public address, then a private one (DNS
// rebinding), is refused at the second dial: every dial resolves and
// checks again, and connects to the address it checked.
func TestWebhookRebindingIsRefusedAtDial(t *testing.T) {
	srv, hits := countingReceiver(t)
	var lookups, dials atomic.Int32
	answers := []string{"93.184.215.14", "10.0.0.5", "93.184.215.14", "127.0.0.1"}
	d := &egress.Dialer{
		LookupIP: func(_ context.Context, host string) ([]netip.Addr, error) {
			n := lookups.Add(1)
			return []netip.Addr{netip.MustParseAddr(answers[(n-1)%int32(len(answers))])}, nil
		},
		DialIP: standIn(srv, &dials),
	}
	w := &notify.Webhook{Egress: d}
	for i, want := range []bool{true, false, true, false} {
		p := page
		p.To = "http://rebind.example.com/hook"
		_, err := w.Send(context.Background(), p)
		var blocked *egress.BlockedError
		if want && err != nil || !want && !errors.As(err, &blocked) {
			t.Errorf("send %d (the name answers %s): want sent=%v, got %v", i+1, answers[i], want, err)
		}
	}
	if dials.Load() != 2 || hits.Load() != 2 {
		t.Errorf("want 2 dials and 2 requests (the public answers), got %d and %d", dials.Load(), hits.Load())
	}
}

// lastAddr is the highest address of p.
func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := range b {
		bits := p.Bits() - i*8
		switch {
		case bits <= 0:
			b[i] = 0xff
		case bits < 8:
			b[i] |= 0xff >> bits
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}
