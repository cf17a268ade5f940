package live_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/session"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/oneround"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/live/gqlws"
	"github.com/tocsin/tocsin/viewer"
)

// A websocket proves who it is once; what ends a credential must still
// reach it. On two serves, a responder's sockets follow an incident's
// timeline; then, from the other serve, they sign out, an admin demotes or
// disables them, or their API token is revoked. Each socket must close
// before the INTERNAL note written right after reaches it, and a socket
// whose revocation was never announced must refuse its next operation.
// Waits are generous deadlines on the awaited message, never sleeps.
func TestRevocationsCloseOpenSocketsOnEveryServe(t *testing.T) {
	bin := build(t)
	a, b := serve(t, bin, "serve-a"), serve(t, bin, "serve-b")
	door := ent.NewClient(ent.Driver(oneround.Driver(env.DB)))
	broker := live.New(env.Redis)
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := broker.Start(sctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(broker.Close)
	incident.PublishChanges(door, broker)
	admin := env.Client.User.Create().SetEmail("admin@revocations.test").SetName("Revocations admin").
		SetRole(viewer.RoleAdmin).SaveX(sys)
	adminToken := login(t, admin)

	// note writes a note on inc as a third process and returns it.
	note := func(inc int, vis timelineevent.Visibility) event {
		e := door.TimelineEvent.Create().SetIncidentID(inc).SetKind(incident.KindNoteAdded).
			SetVisibility(vis).SetData(map[string]any{"note": "after the change"}).SaveX(sys)
		return event{ID: e.ID, Kind: e.Kind, Visibility: string(vis)}
	}
	// following has the responder's sockets on both serves follow a fresh
	// incident, each shown to be live by an INTERNAL note.
	following := func(t *testing.T, token string) (inc int, subs []*subscriber) {
		inc = env.Client.Incident.Create().SetTitle("Revocation").SaveX(sys).ID
		subs = []*subscriber{subscribe(t, a, "socket on A", token, inc, nil), subscribe(t, b, "socket on B", token, inc, nil)}
		first := note(inc, timelineevent.VisibilityINTERNAL)
		for _, s := range subs {
			if got := s.next(1); !same(got, []event{first}) {
				t.Fatalf("%s: want %v before the change, got %v", s.name, first, got)
			}
		}
		return inc, subs
	}
	updateUser := func(t *testing.T, id int, input map[string]any) {
		gql(t, b, adminToken, `mutation($id: ID!, $in: UpdateUserInput!) { updateUser(id: $id, input: $in) { id } }`,
			map[string]any{"id": id, "in": input}, nil)
	}

	t.Run("sign-out", func(t *testing.T) {
		cr := newCrew(t, "Sign-out")
		inc, subs := following(t, cr.responderToken)
		gql(t, b, cr.responderToken, `mutation { logout }`, nil, nil)
		note(inc, timelineevent.VisibilityINTERNAL)
		for _, s := range subs {
			s.closes(20 * time.Second)
		}
	})

	t.Run("demoted and disabled", func(t *testing.T) {
		cr := newCrew(t, "Disabled")
		inc, subs := following(t, cr.responderToken)
		updateUser(t, cr.responder.ID, map[string]any{"role": "STAKEHOLDER", "disabled": true})
		note(inc, timelineevent.VisibilityINTERNAL)
		for _, s := range subs {
			s.closes(20 * time.Second)
		}
		if _, err := dial(a, cr.responderToken); err == nil {
			t.Fatal("a disabled user's session opened a socket")
		}
	})

	t.Run("demoted", func(t *testing.T) {
		cr := newCrew(t, "Demoted")
		inc, subs := following(t, cr.responderToken)
		updateUser(t, cr.responder.ID, map[string]any{"role": "STAKEHOLDER"})
		internal := note(inc, timelineevent.VisibilityINTERNAL)
		for _, s := range subs {
			s.closes(20 * time.Second)
		}
		// The session still works, now as a stakeholder's.
		again := subscribe(t, a, "socket on A, reopened", cr.responderToken, inc, &internal.ID)
		note(inc, timelineevent.VisibilityINTERNAL)
		shared := note(inc, timelineevent.VisibilitySTAKEHOLDER)
		if got := again.next(1); !same(got, []event{shared}) {
			t.Fatalf("%s: want only %v, what a stakeholder reads, got %v", again.name, shared, got)
		}
	})

	t.Run("API token revoked", func(t *testing.T) {
		cr := newCrew(t, "Token")
		var created struct {
			CreateAPIToken struct {
				Secret   string
				APIToken struct{ ID json.RawMessage } `json:"apiToken"`
			} `json:"createAPIToken"`
		}
		gql(t, b, cr.responderToken, `mutation { createAPIToken(name: "bot") { secret apiToken { id } } }`, nil, &created)
		inc, subs := following(t, created.CreateAPIToken.Secret)
		gql(t, b, cr.responderToken, `mutation($id: ID!) { revokeAPIToken(id: $id) { id } }`,
			map[string]any{"id": idOf(t, created.CreateAPIToken.APIToken.ID)}, nil)
		note(inc, timelineevent.VisibilityINTERNAL)
		for _, s := range subs {
			s.closes(20 * time.Second)
		}
	})

	t.Run("never announced", func(t *testing.T) {
		cr := newCrew(t, "Unannounced")
		inc, subs := following(t, cr.responderToken)
		// Behind every process's back: no hook, no announcement.
		if _, err := env.DB.Exec(`DELETE FROM sessions WHERE user_id = $1`, cr.responder.ID); err != nil {
			t.Fatal(err)
		}
		if n := env.Client.Session.Query().Where(session.UserID(cr.responder.ID)).CountX(sys); n != 0 {
			t.Fatalf("%d sessions left", n)
		}
		for _, s := range subs {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			if err := s.conn.Start(ctx, "2", `mutation($id: ID!) { addIncidentNote(incidentID: $id, note: "still here?") { id } }`,
				map[string]any{"id": inc}); err != nil {
				t.Fatal(err)
			}
			// Refused: an UNAUTHENTICATED answer, or the socket closing first.
			data, err := s.conn.Next(ctx)
			cancel()
			switch {
			case err == nil:
				t.Fatalf("%s: an operation after the session ended answered %s", s.name, data)
			case errors.Is(err, context.DeadlineExceeded):
				t.Fatalf("%s: no answer to an operation after the session ended", s.name)
			case strings.HasPrefix(err.Error(), "gqlws:") && !strings.Contains(err.Error(), "UNAUTHENTICATED"):
				t.Fatalf("%s: an operation after the session ended: want UNAUTHENTICATED, got %v", s.name, err)
			case strings.HasPrefix(err.Error(), "gqlws:"):
				s.closes(20 * time.Second)
			}
		}
		notes := env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(inc), timelineevent.Kind(incident.KindNoteAdded)).AllX(sys)
		if len(notes) != 1 {
			t.Fatalf("want only the first note stored, got %d notes", len(notes))
		}
	})
}

// closes checks that the socket closes within d, and that nothing more
// arrived on it before it did.
func (s *subscriber) closes(d time.Duration) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	data, err := s.conn.Next(ctx)
	switch {
	case err == nil:
		s.t.Fatalf("%s: want the socket closed, got %s", s.name, data)
	case errors.Is(err, context.DeadlineExceeded):
		s.t.Fatalf("%s: still open %v after the change", s.name, d)
	}
}

// dial opens a socket on base as the token's owner.
func dial(base, token string) (*gqlws.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := gqlws.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql", gqlws.Options{Token: token})
	if err == nil {
		c.Close()
	}
	return c, err
}
