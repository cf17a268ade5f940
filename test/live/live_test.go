// Package live_test runs two `tocsin serve` processes on one database and
// Redis, writes timeline events from a third process (this test, through
// ent with incident.PublishChanges, as any door would) and checks what
// graphql-ws subscribers on both serves receive.
package live_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/live/gqlws"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "livetest", &env)) }

const timelineQuery = `subscription($id: ID!, $after: ID) {
  incidentTimeline(incidentId: $id, after: $after) { id kind visibility }
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
	ctx := viewer.System(context.Background())
	c := env.Client
	team := c.Team.Create().SetName("Live").SaveX(ctx)
	resp := c.User.Create().SetEmail("rae@live.test").SetName("Rae").SetRole(viewer.RoleResponder).AddTeams(team).SaveX(ctx)
	stake := c.User.Create().SetEmail("sam@live.test").SetName("Sam").SetRole(viewer.RoleStakeholder).SaveX(ctx)
	inc := c.Incident.Create().SetTitle("Checkout is down").SaveX(ctx)
	a := auth.New(c, env.Redis, time.Hour)
	// A session token: stakeholders may not make API tokens.
	token := func(u *ent.User) string {
		if err := a.SetPassword(ctx, u.ID, "correct horse battery staple"); err != nil {
			t.Fatal(err)
		}
		s, err := a.Login(ctx, u.Email, "correct horse battery staple", "127.0.0.1", "live test")
		if err != nil {
			t.Fatal(err)
		}
		return s.Token
	}
	w := world{incident: inc.ID, responder: token(resp), stakeholder: token(stake)}
	w.door = ent.NewClient(ent.Driver(entsql.OpenDB("postgres", env.DB)))
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
	ctx := viewer.System(context.Background())
	var out []event
	for i := range n {
		vis := timelineevent.VisibilitySTAKEHOLDER
		if i%2 == 0 {
			vis = timelineevent.VisibilityINTERNAL
		}
		tx, err := w.door.Tx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		e := tx.TimelineEvent.Create().SetIncidentID(w.incident).SetKind(incident.KindNoteAdded).
			SetVisibility(vis).SetData(map[string]any{"note": fmt.Sprint(i)}).SaveX(ctx)
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		out = append(out, event{ID: e.ID, Visibility: string(vis)})
	}
	return out
}

type event struct {
	ID         int
	Visibility string
}

// subscriber is one graphql-ws subscription to the incident's timeline.
type subscriber struct {
	t    *testing.T
	name string
	conn *gqlws.Conn
}

func subscribe(t *testing.T, base, name, token string, incidentID int, after *int) *subscriber {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := gqlws.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql", gqlws.Options{Token: token})
	if err != nil {
		t.Fatalf("%s: connecting: %v", name, err)
	}
	t.Cleanup(func() { conn.Close() })
	vars := map[string]any{"id": incidentID}
	if after != nil {
		vars["after"] = *after
	}
	if err := conn.Subscribe(ctx, timelineQuery, vars); err != nil {
		t.Fatalf("%s: subscribing: %v", name, err)
	}
	return &subscriber{t: t, name: name, conn: conn}
}

// next reads n events, failing after 5 s without one.
func (s *subscriber) next(n int) []event {
	s.t.Helper()
	var out []event
	for range n {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		data, err := s.conn.Next(ctx)
		cancel()
		if err != nil {
			s.t.Fatalf("%s: after %d of %d events: %v", s.name, len(out), n, err)
		}
		var d struct {
			IncidentTimeline struct {
				ID         json.RawMessage `json:"id"`
				Visibility string          `json:"visibility"`
			} `json:"incidentTimeline"`
		}
		if err := json.Unmarshal(data, &d); err != nil {
			s.t.Fatal(err)
		}
		id, err := strconv.Atoi(strings.Trim(string(d.IncidentTimeline.ID), `"`))
		if err != nil {
			s.t.Fatalf("%s: id %s: %v", s.name, d.IncidentTimeline.ID, err)
		}
		out = append(out, event{ID: id, Visibility: d.IncidentTimeline.Visibility})
	}
	return out
}

// quiet checks that nothing more arrives within d.
func (s *subscriber) quiet(d time.Duration) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	if data, err := s.conn.Next(ctx); err == nil {
		s.t.Fatalf("%s: want nothing more, got %s", s.name, data)
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
