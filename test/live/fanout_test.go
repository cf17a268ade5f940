package live_test

import (
	"testing"
	"time"
)

// Events written by a third process reach subscribers on both serves, in
// order; stakeholders get only the events meant for them; a subscriber that
// drops out and comes back with `after` gets what it missed exactly once.
func TestEventsFromAThirdDoorReachBothServesInOrderAndReplayOnce(t *testing.T) {
	bin := build(t)
	w := setup(t)
	a, b := serve(t, bin, "serve-a"), serve(t, bin, "serve-b")

	earlier := w.write(t, 4) // before anyone subscribed: the replay part
	subs := []*subscriber{
		subscribe(t, a, "responder on A", w.responder, w.incident, nil),
		subscribe(t, b, "responder on B", w.responder, w.incident, nil),
	}
	stakes := []*subscriber{
		subscribe(t, a, "stakeholder on A", w.stakeholder, w.incident, nil),
		subscribe(t, b, "stakeholder on B", w.stakeholder, w.incident, nil),
	}
	for _, s := range subs {
		if got := s.next(len(earlier)); !same(got, earlier) {
			t.Fatalf("%s, replay of the events written before subscribing: want %v, got %v", s.name, earlier, got)
		}
	}
	for _, s := range stakes {
		want := visibleToStakeholders(earlier)
		if got := s.next(len(want)); !same(got, want) {
			t.Fatalf("%s, replay: want %v (no INTERNAL), got %v", s.name, want, got)
		}
	}

	// Live: the subscriptions are running (they replayed); write more.
	written := w.write(t, 30)
	for _, s := range subs {
		if got := s.next(len(written)); !same(got, written) {
			t.Fatalf("%s: want every event in order %v, got %v", s.name, written, got)
		}
	}
	for _, s := range stakes {
		want := visibleToStakeholders(written)
		if got := s.next(len(want)); !same(got, want) {
			t.Fatalf("%s: want the stakeholder events in order %v, got %v", s.name, want, got)
		}
	}

	// Drop the responder on B, write while it is away, come back with
	// after = the last id it received.
	last := written[len(written)-1].ID
	subs[1].conn.Close()
	missed := w.write(t, 6)
	back := subscribe(t, b, "responder on B, reconnected", w.responder, w.incident, &last)
	if got := back.next(len(missed)); !same(got, missed) {
		t.Fatalf("%s: want the missed events once, in order %v, got %v", back.name, missed, got)
	}
	more := w.write(t, 4)
	if got := back.next(len(more)); !same(got, more) {
		t.Fatalf("%s, after the replay: want the live events %v, got %v", back.name, more, got)
	}
	if got := subs[0].next(len(missed) + len(more)); !same(got, append(missed, more...)) {
		t.Fatalf("%s: want %v, got %v", subs[0].name, append(missed, more...), got)
	}
	for _, s := range stakes {
		want := visibleToStakeholders(append(missed, more...))
		if got := s.next(len(want)); !same(got, want) {
			t.Fatalf("%s: want %v, got %v", s.name, want, got)
		}
	}
	// Nothing twice, nothing INTERNAL for stakeholders afterwards either.
	for _, s := range append([]*subscriber{back, subs[0]}, stakes...) {
		s.quiet(500 * time.Millisecond)
	}
}
