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
