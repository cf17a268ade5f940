// Package live_test runs real `tocsin serve` and `tocsin worker` processes
// on one database and Redis and checks what graphql-ws subscribers on two
// serves receive when a third process writes: this test through ent
// (fanout_test.go), another serve's GraphQL and Opsgenie doors
// (doors_fanout_test.go), a worker paging (worker_test.go), schedule
// overrides (oncall_test.go), and who may see what (visibility_test.go).
package live_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/oneround"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/live/gqlws"
)

var env testenv.Env

func TestMain(m *testing.M) {
	code := testenv.Run(m, "livetest", &env)
	removeBinary()
	os.Exit(code)
}

const incidentTimelineQuery = `subscription($id: ID!, $after: ID) {
  incidentTimeline(incidentId: $id, after: $after) { id kind visibility }
}`

const alertTimelineQuery = `subscription($id: ID!, $after: ID) {
  alertTimeline(alertId: $id, after: $after) { id kind visibility }
}`

// world is what setup wrote: an incident and a token per role.
type world struct {
	incident               int
	responder, stakeholder string
	// door writes as the third process: its own client and broker.
	door *ent.Client
}

func setup(t *testing.T) world {
	t.Helper()
	cr := newCrew(t, "Fanout")
	inc := env.Client.Incident.Create().SetTitle("Checkout is down").SaveX(sys)
	w := world{incident: inc.ID, responder: cr.responderToken, stakeholder: cr.stakeholderToken}
	w.door = ent.NewClient(ent.Driver(oneround.Driver(env.DB)))
	b := live.New(env.Redis)
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := b.Start(sctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	incident.PublishChanges(w.door, b)
	return w
}

// write adds n timeline events to the incident from the third door, every
// other one INTERNAL, each in its own transaction; it returns their ids.
func (w world) write(t *testing.T, n int) []event {
	t.Helper()
	var out []event
	for i := range n {
		vis := timelineevent.VisibilitySTAKEHOLDER
		if i%2 == 0 {
			vis = timelineevent.VisibilityINTERNAL
		}
		tx, err := w.door.Tx(sys)
		if err != nil {
			t.Fatal(err)
		}
		e := tx.TimelineEvent.Create().SetIncidentID(w.incident).SetKind(incident.KindNoteAdded).
			SetVisibility(vis).SetData(map[string]any{"note": fmt.Sprint(i)}).SaveX(sys)
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		out = append(out, event{ID: e.ID, Kind: e.Kind, Visibility: string(vis)})
	}
	return out
}

// event is a timeline event as a subscriber sees it.
type event struct {
	ID         int
	Kind       string
	Visibility string
}

func (e event) String() string { return fmt.Sprintf("%d %s %s", e.ID, e.Kind, e.Visibility) }

// subscriber is one graphql-ws connection carrying one subscription.
type subscriber struct {
	t    *testing.T
	name string
	conn *gqlws.Conn
	// field is the subscription's field in each message's data.
	field string
}

// subscribeTo dials base's /graphql as the token's owner and starts the
// subscription; field names it in the messages' data.
func subscribeTo(t *testing.T, base, name, token, field, query string, vars map[string]any) *subscriber {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := gqlws.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql", gqlws.Options{Token: token})
	if err != nil {
		t.Fatalf("%s: connecting: %v", name, err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.Subscribe(ctx, query, vars); err != nil {
		t.Fatalf("%s: subscribing: %v", name, err)
	}
	return &subscriber{t: t, name: name, conn: conn, field: field}
}

// subscribe follows the incident's timeline after `after` (nil: all).
func subscribe(t *testing.T, base, name, token string, incidentID int, after *int) *subscriber {
	t.Helper()
	return subscribeTo(t, base, name, token, "incidentTimeline", incidentTimelineQuery, timelineVars(incidentID, after))
}

// subscribeAlert follows the alert's timeline after `after` (nil: all).
func subscribeAlert(t *testing.T, base, name, token string, alertID int, after *int) *subscriber {
	t.Helper()
	return subscribeTo(t, base, name, token, "alertTimeline", alertTimelineQuery, timelineVars(alertID, after))
}

func timelineVars(id int, after *int) map[string]any {
	vars := map[string]any{"id": id}
	if after != nil {
		vars["after"] = *after
	}
	return vars
}

// message returns the subscription's field of the next message, failing
// after within without one.
func (s *subscriber) message(within time.Duration) json.RawMessage {
	s.t.Helper()
	m, err := s.read(within)
	if err != nil {
		s.t.Fatal(err)
	}
	return m
}

func (s *subscriber) read(within time.Duration) (json.RawMessage, error) {
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	data, err := s.conn.Next(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: want a message within %v: %w", s.name, within, err)
	}
	var d map[string]json.RawMessage
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, err
	}
	f, ok := d[s.field]
	if !ok {
		return nil, fmt.Errorf("%s: want %s in %s", s.name, s.field, data)
	}
	return f, nil
}

// next reads n timeline events, failing after 5 s without one.
func (s *subscriber) next(n int) []event {
	s.t.Helper()
	got, err := s.take(n, 5*time.Second)
	if err != nil {
		s.t.Fatal(err)
	}
	return got
}

// take reads n timeline events, each within d; on an error it returns
// what came before it.
func (s *subscriber) take(n int, d time.Duration) ([]event, error) {
	var out []event
	for range n {
		m, err := s.read(d)
		if err != nil {
			return out, fmt.Errorf("after %d of %d events %v: %w", len(out), n, out, err)
		}
		var e struct {
			ID         json.RawMessage `json:"id"`
			Kind       string          `json:"kind"`
			Visibility string          `json:"visibility"`
		}
		if err := json.Unmarshal(m, &e); err != nil {
			return out, err
		}
		id, err := strconv.Atoi(strings.Trim(string(e.ID), `"`))
		if err != nil {
			return out, fmt.Errorf("%s: id %s: %w", s.name, e.ID, err)
		}
		out = append(out, event{ID: id, Kind: e.Kind, Visibility: e.Visibility})
	}
	return out, nil
}

// quiet checks that nothing more arrives within d and that the
// subscription is still running (not ended by an error or complete).
// Reading past a deadline closes the connection: call it last.
func (s *subscriber) quiet(d time.Duration) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	data, err := s.conn.Next(ctx)
	switch {
	case err == nil:
		s.t.Fatalf("%s: want nothing more, got %s", s.name, data)
	case !errors.Is(err, context.DeadlineExceeded):
		s.t.Fatalf("%s: want the subscription running and quiet, got %v", s.name, err)
	}
}

// allQuiet waits d, then checks that nothing more came to any of subs.
func allQuiet(d time.Duration, subs ...*subscriber) {
	time.Sleep(d)
	for _, s := range subs {
		s.quiet(20 * time.Millisecond)
	}
}

func visibleToStakeholders(all []event) []event {
	var out []event
	for _, e := range all {
		if e.Visibility != "INTERNAL" {
			out = append(out, e)
		}
	}
	return out
}

func same(a, b []event) bool { return fmt.Sprint(a) == fmt.Sprint(b) }
