package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/server"
)

// rateLimitedHarness stops the rate limits' clock, so buckets never refill
// while a test empties them.
func rateLimitedHarness(t *testing.T) *harness {
	stopped := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	return newHarnessWith(t, func(d *server.Deps) { d.Now = func() time.Time { return stopped } })
}

func limitedAnswer(t *testing.T, res *http.Response) {
	t.Helper()
	var body struct {
		Error struct{ Code, Message string }
	}
	_ = json.NewDecoder(res.Body).Decode(&body)
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "1" ||
		body.Error.Code != "RATE_LIMITED" || !strings.Contains(body.Error.Message, "try again in 1 s") {
		t.Fatalf("past the limit: want 429, Retry-After 1 and RATE_LIMITED saying when to retry, got %d %q %+v",
			res.StatusCode, res.Header.Get("Retry-After"), body.Error)
	}
}

func postFrom(t *testing.T, h *harness, client, token, query string) *http.Response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", client)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Anonymous requests are limited per client address, over every transport;
// other addresses and signed-in users are not held up by it.
func TestAnonymousGraphQLIsRateLimitedPerAddress(t *testing.T) {
	h := rateLimitedHarness(t)
	token := h.login("responder@tocsin.local") // from 127.0.0.1
	const client = "203.0.113.7"
	for i := range server.AnonymousGraphQLLimit.Burst {
		res := postFrom(t, h, client, "", `{viewer{id}}`)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("anonymous request %d of a burst of %d: want 200, got %d", i+1, server.AnonymousGraphQLLimit.Burst, res.StatusCode)
		}
	}
	limitedAnswer(t, postFrom(t, h, client, "", `{viewer{id}}`))
	req, _ := http.NewRequest(http.MethodGet, h.srv.URL+"/graphql?query=%7Bviewer%7Bid%7D%7D", nil)
	req.Header.Set("X-Forwarded-For", client)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	limitedAnswer(t, res)
	if a := sendWebsocket(t, h, `{viewer{id}}`, client); !bytes.Contains(a.body, []byte("RATE_LIMITED")) {
		t.Fatalf("an anonymous websocket operation past the limit: want RATE_LIMITED, got %v", a)
	}

	if res := postFrom(t, h, "203.0.113.8", "", `{viewer{id}}`); res.StatusCode != http.StatusOK {
		t.Fatalf("another address: want 200, got %d", res.StatusCode)
	}
	if res := postFrom(t, h, client, token, `{viewer{id}}`); res.StatusCode != http.StatusOK {
		t.Fatalf("a signed-in user at the limited address: want 200, got %d", res.StatusCode)
	}
}

// Signed-in clients have a generous limit of their own per session or
// token, shared by HTTP and their websocket operations.
func TestSignedInGraphQLIsRateLimitedPerSession(t *testing.T) {
	h := rateLimitedHarness(t)
	token := h.login("responder@tocsin.local")
	other := h.login("admin@tocsin.local")
	for i := range server.SignedInGraphQLLimit.Burst {
		res := postFrom(t, h, "127.0.0.1", token, `{viewer{id}}`)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("signed-in request %d of a burst of %d: want 200, got %d", i+1, server.SignedInGraphQLLimit.Burst, res.StatusCode)
		}
	}
	limitedAnswer(t, postFrom(t, h, "127.0.0.1", token, `{viewer{id}}`))
	msg := wsQuery(t, h, map[string]any{"authorization": "Bearer " + token}, `{viewer{id}}`)
	if b, _ := json.Marshal(msg); !bytes.Contains(b, []byte("RATE_LIMITED")) {
		t.Fatalf("a websocket operation of the same session past the limit: want RATE_LIMITED, got %s", b)
	}
	if res := postFrom(t, h, "127.0.0.1", other, `{viewer{id}}`); res.StatusCode != http.StatusOK {
		t.Fatalf("another session: want 200, got %d", res.StatusCode)
	}
}
