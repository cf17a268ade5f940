// Package gqlws is a minimal graphql-transport-ws client for tests and
// benchmarks: connection_init/ack, subscribe, next, error, complete
// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md).
package gqlws

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"

	"github.com/coder/websocket"
)

// Conn is one websocket carrying one subscription (id "1"), and any
// operations started after it.
type Conn struct {
	ws *websocket.Conn
}

// Message is a server message of the protocol.
type Message struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// Options of Dial.
type Options struct {
	// Token goes into connection_init as {"authorization": "Bearer …"}.
	Token string
	// LocalAddr, when set, is the source address of the TCP connection
	// (benchmarks spread many connections over 127.0.0.x).
	LocalAddr string
}

// Dial opens url (ws://host/graphql), authenticates and waits for the ack.
func Dial(ctx context.Context, url string, o Options) (*Conn, error) {
	do := &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}}
	if o.LocalAddr != "" {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(o.LocalAddr)}}
		do.HTTPClient = &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
	}
	ws, _, err := websocket.Dial(ctx, url, do)
	if err != nil {
		return nil, err
	}
	ws.SetReadLimit(1 << 20)
	c := &Conn{ws: ws}
	init := map[string]any{"type": "connection_init", "payload": map[string]any{}}
	if o.Token != "" {
		init["payload"] = map[string]any{"authorization": "Bearer " + o.Token}
	}
	if err := c.write(ctx, init); err != nil {
		ws.CloseNow()
		return nil, err
	}
	for {
		m, err := c.Read(ctx)
		if err != nil {
			ws.CloseNow()
			return nil, err
		}
		switch m.Type {
		case "connection_ack":
			return c, nil
		case "ping":
			_ = c.write(ctx, map[string]any{"type": "pong"})
		default:
			ws.CloseNow()
			return nil, fmt.Errorf("gqlws: got %s %s before connection_ack", m.Type, m.Payload)
		}
	}
}

// Subscribe starts the subscription with id "1".
func (c *Conn) Subscribe(ctx context.Context, query string, variables map[string]any) error {
	return c.Start(ctx, "1", query, variables)
}

// Start starts another operation (a subscription, query or mutation) on
// the connection, with its own id.
func (c *Conn) Start(ctx context.Context, id, query string, variables map[string]any) error {
	return c.write(ctx, map[string]any{"type": "subscribe", "id": id,
		"payload": map[string]any{"query": query, "variables": variables}})
}

// ErrComplete is returned by Next when the server ended the subscription.
var ErrComplete = errors.New("gqlws: subscription complete")

// Next returns the data of the next "next" message, answering pings on the
// way; an "error" message or a GraphQL error comes back as an error.
func (c *Conn) Next(ctx context.Context) (json.RawMessage, error) {
	for {
		m, err := c.Read(ctx)
		if err != nil {
			return nil, err
		}
		switch m.Type {
		case "ping":
			if err := c.write(ctx, map[string]any{"type": "pong"}); err != nil {
				return nil, err
			}
		case "pong":
		case "next":
			var p struct {
				Data   json.RawMessage `json:"data"`
				Errors json.RawMessage `json:"errors"`
			}
			if err := json.Unmarshal(m.Payload, &p); err != nil {
				return nil, err
			}
			if len(p.Errors) > 0 && string(p.Errors) != "null" {
				return nil, fmt.Errorf("gqlws: %s", p.Errors)
			}
			return p.Data, nil
		case "error":
			return nil, fmt.Errorf("gqlws: %s", m.Payload)
		case "complete":
			return nil, ErrComplete
		default:
			return nil, fmt.Errorf("gqlws: unexpected %s", m.Type)
		}
	}
}

// Read returns the next protocol message.
func (c *Conn) Read(ctx context.Context) (Message, error) {
	var m Message
	_, b, err := c.ws.Read(ctx)
	if err != nil {
		return m, err
	}
	return m, json.Unmarshal(b, &m)
}

// Close ends the connection.
func (c *Conn) Close() error { return c.ws.Close(websocket.StatusNormalClosure, "") }

func (c *Conn) write(ctx context.Context, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.ws.Write(ctx, websocket.MessageText, b)
}
