package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/tocsin/tocsin/graph"
	"github.com/tocsin/tocsin/server"
)

func repeated(n int, f func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = f(i)
	}
	return strings.Join(parts, " ")
}

// hostileDocuments are the anonymous requests of issue 13, item 2: every
// pair of 700 (16 KB) or 4,000 (90 KB) aliases of one field with different
// arguments conflicts, 2,000 duplicate fields are compared pairwise, and
// 5,000 aliases each run a resolver.
var hostileDocuments = map[string]string{
	"700 conflicting aliases":   "{" + repeated(700, func(i int) string { return fmt.Sprintf(`a:node(id:"%d"){id}`, i) }) + "}",
	"4,000 conflicting aliases": "{" + repeated(4000, func(i int) string { return fmt.Sprintf(`a:node(id:"%d"){id}`, i) }) + "}",
	"2,000 duplicate fields":    "{viewer{" + repeated(2000, func(int) string { return "id" }) + "}}",
	"5,000 aliases":             "{" + repeated(5000, func(i int) string { return fmt.Sprintf("a%d:viewer{id}", i) }) + "}",
}

// answer is what one transport made of a request: an HTTP status and body,
// or a websocket message (its type and payload) or the reason it closed.
type answer struct {
	status int
	body   []byte
}

func (a answer) String() string {
	b := a.body
	if len(b) > 300 {
		b = append(b[:300:300], "…"...)
	}
	return fmt.Sprintf("%d %s (%d bytes)", a.status, b, len(a.body))
}

// sendPOST, sendGET and sendWebsocket send one anonymous query from the
// given client address (X-Forwarded-For; the test server's peer is a
// trusted proxy).
func sendPOST(t *testing.T, h *harness, query, client string) answer {
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", client)
	return sendHTTP(t, req)
}

func sendGET(t *testing.T, h *harness, query, client string) answer {
	req, _ := http.NewRequest(http.MethodGet, h.srv.URL+"/graphql?query="+url.QueryEscape(query), nil)
	req.Header.Set("X-Forwarded-For", client)
	return sendHTTP(t, req)
}

func sendHTTP(t *testing.T, req *http.Request) answer {
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, raw}
}

// sendWebsocket subscribes with query and returns the first message after
// the acknowledgement: status 0 and the message, or -1 and why it closed.
func sendWebsocket(t *testing.T, h *harness, query, client string) answer {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(h.srv.URL, "http")+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{"X-Forwarded-For": {client}},
	})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer c.CloseNow()
	c.SetReadLimit(64 << 20)
	if err := wsjson.Write(ctx, c, map[string]any{"type": "connection_init"}); err != nil {
		t.Fatal(err)
	}
	if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query}}); err != nil {
		return answer{-1, []byte(err.Error())}
	}
	for {
		_, raw, err := c.Read(ctx)
		if err != nil {
			return answer{-1, []byte(err.Error())}
		}
		var msg struct{ Type string }
		_ = json.Unmarshal(raw, &msg)
		if msg.Type != "connection_ack" && msg.Type != "ping" && msg.Type != "pong" && msg.Type != "ka" {
			return answer{0, raw}
		}
	}
}

// refused reports whether a transport refused a document as too large:
// HTTP 413 or 422 (QUERY_TOO_LARGE), a websocket error message saying so,
// or a websocket closed for a message over its limit, in a few bytes.
func refused(a answer) bool {
	tooLarge := bytes.Contains(a.body, []byte(graph.CodeQueryTooLarge))
	switch a.status {
	case http.StatusRequestEntityTooLarge:
	case http.StatusUnprocessableEntity, 0:
		if !tooLarge {
			return false
		}
	case -1:
		if !bytes.Contains(a.body, []byte("StatusMessageTooBig")) {
			return false
		}
	default:
		return false
	}
	return len(a.body) < 2<<10
}

var transports = map[string]func(*testing.T, *harness, string, string) answer{
	"POST": sendPOST, "GET": sendGET, "websocket": sendWebsocket,
}

// Every transport refuses the hostile documents before validation, in a
// small answer; the production body limit (1 MiB) lets all of them in.
func TestHostileDocumentsAreRefusedOnEveryTransport(t *testing.T) {
	h := newHarnessWith(t, func(d *server.Deps) { d.Config.MaxBodyBytes = 1 << 20 })
	n := 0
	for name, query := range hostileDocuments {
		for transport, send := range transports {
			n++
			if a := send(t, h, query, fmt.Sprintf("198.51.100.%d", n)); !refused(a) {
				t.Errorf("%s over %s: want it refused as too large in a small answer, got %v", name, transport, a)
			}
		}
	}
	// The ordinary still works on each.
	for transport, send := range transports {
		n++
		if a := send(t, h, `{viewer{id}}`, fmt.Sprintf("198.51.100.%d", n)); !bytes.Contains(a.body, []byte(`"viewer":null`)) {
			t.Errorf("an ordinary query over %s: want the anonymous viewer (null), got %v", transport, a)
		}
	}
}

// An answer never carries more than graph.MaxErrors errors, however many the
// document earns within the bounds.
func TestAnswersCarryAtMostMaxErrors(t *testing.T) {
	h := newHarness(t)
	query := "{" + repeated(20, func(k int) string {
		return repeated(graph.MaxRepeats, func(i int) string { return fmt.Sprintf(`k%d:node(id:"%d"){id}`, k, i) })
	}) + "}"
	a := sendPOST(t, h, query, "198.51.100.1")
	var res gqlResponse
	if err := json.Unmarshal(a.body, &res); err != nil {
		t.Fatalf("want a GraphQL answer, got %v", a)
	}
	if len(res.Errors) != graph.MaxErrors || !strings.Contains(res.Errors[graph.MaxErrors-1].Message, "more errors left out") {
		t.Fatalf("20×45 conflicts: want %d errors, the last counting the rest; got %d: %v", graph.MaxErrors, len(res.Errors), a)
	}
}

// Issue 13 asks that the process stay under 200 MB while item 2's requests
// are sent in a loop. They come from a new address each time (so no rate
// limit helps), eight at once, over every transport, against the real
// handler in this process; a sampler records the most memory the Go
// runtime held from the system meanwhile. Before the bounds, one 16 KB
// request took 58 MB of answer and the 90 KB one more than 8 GB.
func TestHostileRequestsInALoopKeepMemoryBounded(t *testing.T) {
	h := newHarnessWith(t, func(d *server.Deps) { d.Config.MaxBodyBytes = 1 << 20 })
	const rounds = 25
	// Signing in the demo users hashes with argon2id (19 MiB each); let
	// that garbage go first, so the figure is the loop's.
	debug.FreeOSMemory()
	var peak, peakHeap uint64
	var ms0 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.Sys-ms.HeapReleased)
			peakHeap = max(peakHeap, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	var wg sync.WaitGroup
	var mu sync.Mutex
	sent, accepted := 0, 0
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for name, query := range hostileDocuments {
					for transport, send := range transports {
						a := send(t, h, query, fmt.Sprintf("10.%d.%d.%d", w, r, len(name)))
						mu.Lock()
						sent++
						if !refused(a) {
							accepted++
							t.Errorf("%s over %s: want refused, got %v", name, transport, a)
						}
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	t.Logf("%d hostile requests (%d not refused): the most memory held from the system was %.1f MB (%.1f MB before), heap in use at most %.1f MB",
		sent, accepted, float64(peak)/(1<<20), float64(ms0.Sys-ms0.HeapReleased)/(1<<20), float64(peakHeap)/(1<<20))
	if peak > 200<<20 {
		t.Fatalf("memory reached %.1f MB; want under 200 MB", float64(peak)/(1<<20))
	}
}
