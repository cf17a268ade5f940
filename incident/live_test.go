package incident_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/oneround"
)

// published records what the hooks publish (package live is tested
// against Redis on its own; here the question is what and when).
type published struct {
	mu  sync.Mutex
	got []string
}

func (p *published) Publish(_ context.Context, topic string, payload []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var m map[string]any
	d := json.NewDecoder(bytes.NewReader(payload))
	d.UseNumber()
	if err := d.Decode(&m); err != nil {
		return err
	}
	p.got = append(p.got, fmt.Sprintf("%s %v", topic, m["id"]))
	return nil
}

func (p *published) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.got
	p.got = nil
	return out
}

// liveAlerts is Alerts on a client of its own with the publishing hooks.
func liveAlerts(t *testing.T) (*incident.Alerts, *ent.Client, *published) {
	t.Helper()
	c := ent.NewClient(ent.Driver(oneround.Driver(env.DB)))
	p := &published{}
	incident.PublishChanges(c, p)
	a := incident.New(c, env.DB)
	a.Live = p
	return a, c, p
}

func TestChangesArePublishedAfterCommitOnly(t *testing.T) {
	_, svc, u := setup(t)
	a, c, p := liveAlerts(t)
	created, err := a.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID, Message: "Disk full", Priority: "P2"})
	if err != nil {
		t.Fatal(err)
	}
	id := created.ID
	want := fmt.Sprint([]string{fmt.Sprintf("alerts %d", id), fmt.Sprintf("timeline:alert:%d 0", id)})
	if got := fmt.Sprint(p.take()); got != want {
		t.Fatalf("after Create: want %s, got %s", want, got)
	}

	// Rolled back: nothing. Committed: the alert and its event, only then.
	for _, commit := range []bool{false, true} {
		tx, err := c.Tx(sys)
		if err != nil {
			t.Fatal(err)
		}
		ctx := ent.NewTxContext(sys, tx)
		if _, err := a.Acknowledge(ctx, incident.UserActor(u), id, ""); err != nil {
			t.Fatal(err)
		}
		if got := p.take(); len(got) != 0 {
			t.Fatalf("before the transaction ended: want nothing published, got %v", got)
		}
		if !commit {
			if err := tx.Rollback(); err != nil {
				t.Fatal(err)
			}
			if got := p.take(); len(got) != 0 {
				t.Fatalf("after a rollback: want nothing published, got %v", got)
			}
			continue
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		got := p.take()
		ack := c.TimelineEvent.Query().Where(timelineevent.AlertID(id), timelineevent.Kind(incident.KindAcknowledged)).OnlyX(sys)
		if !slices.Contains(got, fmt.Sprintf("alerts %d", id)) || !slices.Contains(got, fmt.Sprintf("timeline:alert:%d %d", id, ack.ID)) {
			t.Fatalf("after the commit: want the alert and its ACKNOWLEDGED event %d, got %v", ack.ID, got)
		}
	}
}

func TestIncidentAndScheduleChangesArePublished(t *testing.T) {
	_, _, u := setup(t)
	_, c, p := liveAlerts(t)
	inc := c.Incident.Create().SetTitle("Checkout down").SaveX(sys)
	ev := c.TimelineEvent.Create().SetIncidentID(inc.ID).SetKind(incident.KindNoteAdded).SaveX(sys)
	team := c.Team.Create().SetName("Ops").SaveX(sys)
	sched, err := c.Schedule.Create().SetName("Primary").SetTeamID(team.ID).SetTimeZone("UTC").Save(sys)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	o := c.ScheduleOverride.Create().SetScheduleID(sched.ID).SetKind("ADD").SetUserOnID(u.ID).SetStartsAt(now).SetEndsAt(now.Add(time.Hour)).SaveX(sys)
	c.ScheduleOverride.DeleteOne(o).ExecX(sys)
	want := fmt.Sprint([]string{
		fmt.Sprintf("incidents %d", inc.ID),
		fmt.Sprintf("timeline:incident:%d %d", inc.ID, ev.ID),
		fmt.Sprintf("oncall:%d <nil>", sched.ID),
		fmt.Sprintf("oncall:%d <nil>", sched.ID),
	})
	if got := fmt.Sprint(p.take()); got != want {
		t.Fatalf("want %s, got %s", want, got)
	}
}

// Linking an alert moves its story so far into the incident: those entries
// are announced on the incident's timeline too, else a subscriber that read
// past their (older) ids would never hear of them.
func TestLinkedAlertStoryIsAnnouncedOnTheIncidentTimeline(t *testing.T) {
	_, svc, u := setup(t)
	a, c, p := liveAlerts(t)
	created, err := a.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID, Message: "Queue backlog", Priority: "P2"})
	if err != nil {
		t.Fatal(err)
	}
	inc := c.Incident.Create().SetTitle("Orders stuck").SaveX(sys)
	story := c.TimelineEvent.Query().Where(timelineevent.AlertID(created.ID)).Order(ent.Asc(timelineevent.FieldID)).IDsX(sys)
	p.take()
	if _, err := incident.NewIncidents(a).LinkAlerts(sys, incident.UserActor(u), inc.ID, []int{created.ID}); err != nil {
		t.Fatal(err)
	}
	got := p.take()
	for _, id := range story {
		if want := fmt.Sprintf("timeline:incident:%d %d", inc.ID, id); !slices.Contains(got, want) {
			t.Errorf("after linking: want the alert's entry announced (%s), got %v", want, got)
		}
	}
	linked := c.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID), timelineevent.Kind(incident.KindAlertLinked)).OnlyIDX(sys)
	if want := fmt.Sprintf("timeline:incident:%d %d", inc.ID, linked); !slices.Contains(got, want) {
		t.Errorf("after linking: want %s, got %v", want, got)
	}
}
