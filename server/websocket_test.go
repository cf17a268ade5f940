package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// wsQuery runs one operation over graphql-transport-ws and returns the first
// message after subscribe ("next" or "error").
func wsQuery(t *testing.T, h *harness, initPayload map[string]any, query string) map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	url := "ws" + strings.TrimPrefix(h.srv.URL, "http") + "/graphql"
	c, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer c.CloseNow()
	if err := wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": initPayload}); err != nil {
		t.Fatal(err)
	}
	var ack map[string]any
	if err := wsjson.Read(ctx, c, &ack); err != nil {
		return map[string]any{"type": "closed", "err": err.Error()}
	}
	if ack["type"] != "connection_ack" {
		return ack
	}
	if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query}}); err != nil {
		t.Fatal(err)
	}
	for {
		var msg map[string]any
		if err := wsjson.Read(ctx, c, &msg); err != nil {
			t.Fatalf("reading: %v", err)
		}
		if msg["type"] == "next" || msg["type"] == "error" {
			return msg
		}
	}
}

func TestWebsocketAuthenticatesInConnectionInit(t *testing.T) {
	h := newHarness(t)
	token := h.login("responder@tocsin.local")
	msg := wsQuery(t, h, map[string]any{"authorization": "Bearer " + token}, `{viewer{email}}`)
	b, _ := json.Marshal(msg)
	if !strings.Contains(string(b), "responder@tocsin.local") {
		t.Fatalf("query over websocket with a token: want the viewer, got %s", b)
	}
	msg = wsQuery(t, h, nil, `{alerts(first:1){totalCount}}`)
	b, _ = json.Marshal(msg)
	if !strings.Contains(string(b), "UNAUTHENTICATED") {
		t.Fatalf("websocket without credentials: want UNAUTHENTICATED, got %s", b)
	}
	msg = wsQuery(t, h, map[string]any{"authorization": "Bearer tcs_wrong"}, `{viewer{email}}`)
	if msg["type"] == "next" {
		t.Fatalf("a wrong token must not open the connection, got %v", msg)
	}
}

// wsMessages opens a websocket with the init payload, subscribes with query
// and returns every message up to "complete" (or the close), the
// acknowledgement first.
func wsMessages(t *testing.T, h *harness, initPayload map[string]any, query string) []map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(h.srv.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer c.CloseNow()
	if err := wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": initPayload}); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for {
		var msg map[string]any
		if err := wsjson.Read(ctx, c, &msg); err != nil {
			return out
		}
		switch msg["type"] {
		case "ping", "pong":
			continue
		case "connection_ack":
			if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query}}); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, msg)
		if msg["type"] == "complete" {
			return out
		}
	}
}

// The acknowledgement of connection_init carries nothing back: it echoed
// the payload, bearer token and all.
func TestConnectionAckDoesNotEchoTheToken(t *testing.T) {
	h := newHarness(t)
	token := h.login("responder@tocsin.local")
	msgs := wsMessages(t, h, map[string]any{"authorization": "Bearer " + token}, `{viewer{email}}`)
	if len(msgs) == 0 || msgs[0]["type"] != "connection_ack" {
		t.Fatalf("want connection_ack first, got %v", msgs)
	}
	if b, _ := json.Marshal(msgs[0]); strings.Contains(string(b), token) || msgs[0]["payload"] != nil {
		t.Fatalf("connection_ack must carry no payload, got %s", b)
	}
}

// A mutation over a websocket answers once and completes, in one
// transaction: a second transaction around no answer made entgql panic.
func TestMutationOverWebsocketAnswersOnceAndCompletes(t *testing.T) {
	h := newHarness(t)
	token := h.login("responder@tocsin.local")
	msgs := wsMessages(t, h, map[string]any{"authorization": "Bearer " + token},
		`mutation{updateProfile(input:{timeZone:"Asia/Kolkata"}){timeZone}}`)
	var types []string
	for _, m := range msgs {
		types = append(types, m["type"].(string))
	}
	b, _ := json.Marshal(msgs)
	if strings.Join(types, ",") != "connection_ack,next,complete" || !strings.Contains(string(b), "Asia/Kolkata") {
		t.Fatalf("want connection_ack, next (the profile), complete; got %s", b)
	}
	_, res := h.do(nil, `{viewer{timeZone}}`, nil, bearer(token))
	if !strings.Contains(string(res.Data["viewer"]), "Asia/Kolkata") {
		t.Fatalf("the mutation must have committed, got %s", res.Data["viewer"])
	}
}
