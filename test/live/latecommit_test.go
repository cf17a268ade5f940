package live_test

import (
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
)

// An event whose transaction commits after a later one was committed (ids
// are taken at insert) is not overtaken: the later event waits for the
// transaction in flight, both arrive in id order, and a subscriber that
// drops off after the later one and comes back with after: <its id> has
// missed nothing.
func TestALateCommitIsNotOvertaken(t *testing.T) {
	bin := build(t)
	w := setup(t)
	a := serve(t, bin, "serve-a")
	s := subscribe(t, a, "responder on A", w.responder, w.incident, nil)
	time.Sleep(300 * time.Millisecond) // the subscription is running (quiet would end it)

	slow, err := w.door.Tx(sys)
	if err != nil {
		t.Fatal(err)
	}
	first := slow.TimelineEvent.Create().SetIncidentID(w.incident).SetKind(incident.KindNoteAdded).
		SetVisibility(timelineevent.VisibilityINTERNAL).SetData(map[string]any{"note": "slow"}).SaveX(sys)
	later := w.write(t, 1)[0] // committed, and announced, while the first is in flight
	if later.ID <= first.ID {
		t.Fatalf("fixture: the later event %d should have the higher id than %d", later.ID, first.ID)
	}
	time.Sleep(150 * time.Millisecond)
	if err := slow.Commit(); err != nil {
		t.Fatal(err)
	}
	want := []event{{ID: first.ID, Kind: incident.KindNoteAdded, Visibility: "INTERNAL"}, later}
	if got := s.next(2); !same(got, want) {
		t.Fatalf("want the slow transaction's event first, then the later one %v, got %v", want, got)
	}
	s.conn.Close()
	back := subscribe(t, a, "responder on A, reconnected", w.responder, w.incident, &later.ID)
	back.quiet(300 * time.Millisecond)
}
