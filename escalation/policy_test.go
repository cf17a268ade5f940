package escalation_test

import (
	"testing"
	"time"

	"github.com/tocsin/tocsin/escalation"
)

var t0 = time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)

func steps(delays ...time.Duration) []escalation.Step {
	out := make([]escalation.Step, len(delays))
	for i, d := range delays {
		out[i] = escalation.Step{Delay: d, Targets: []escalation.Target{{Kind: escalation.TargetUser, ID: i + 1}}}
	}
	return out
}

// The whole walk of a policy: each step at its time, then the repeats, then
// nothing.
func TestNextWalksStepsThenRoundsThenStops(t *testing.T) {
	p := escalation.Policy{Steps: steps(5*time.Minute, 10*time.Minute), Repeat: 1}
	type fire struct {
		pos escalation.Position
		at  time.Time
	}
	want := []fire{
		{escalation.Position{0, 0}, t0},
		{escalation.Position{0, 1}, t0.Add(5 * time.Minute)},
		{escalation.Position{1, 0}, t0.Add(15 * time.Minute)},
		{escalation.Position{1, 1}, t0.Add(20 * time.Minute)},
	}
	pos, at := escalation.Position{}, t0
	for i, w := range want {
		if pos != w.pos || !at.Equal(w.at) {
			t.Fatalf("fire %d: want %v at %v, got %v at %v", i, w.pos, w.at, pos, at)
		}
		next, due, ok := p.Next(pos, at)
		if i == len(want)-1 {
			if ok {
				t.Fatalf("after the last step of the last round: want nothing, got %v at %v", next, due)
			}
			return
		}
		if !ok {
			t.Fatalf("fire %d: the policy ended early", i)
		}
		pos, at = next, due
	}
}

func TestStopsOnAckUnlessTheStepKeepsPaging(t *testing.T) {
	p := escalation.Policy{Steps: steps(time.Minute, time.Minute)}
	p.Steps[1].KeepPaging = true
	if !p.StopsOnAck(escalation.Position{0, 0}) || p.StopsOnAck(escalation.Position{0, 1}) {
		t.Fatal("step 0 stops on acknowledge, step 1 keeps paging")
	}
}

// An acknowledged alert walks on through the KeepPaging steps only, each
// at the time it would have fired; an open one pages at every step.
func TestAheadPassesOverStepsThatStopOnAck(t *testing.T) {
	p := escalation.Policy{Steps: steps(5*time.Minute, 5*time.Minute, 5*time.Minute), Repeat: 1}
	p.Steps[1].KeepPaging = true
	for _, tc := range []struct {
		name    string
		pos     escalation.Position
		acked   bool
		want    escalation.Position
		wantAt  time.Duration
		wantNot bool
	}{
		{"open: the step itself", escalation.Position{0, 0}, false, escalation.Position{0, 0}, 0, false},
		{"acked at a keep-paging step: it", escalation.Position{0, 1}, true, escalation.Position{0, 1}, 0, false},
		{"acked before it: passes over step 0", escalation.Position{0, 0}, true, escalation.Position{0, 1}, 5 * time.Minute, false},
		{"acked after it: the next round's", escalation.Position{0, 2}, true, escalation.Position{1, 1}, 10 * time.Minute, false},
		{"acked in the last round after it: none", escalation.Position{1, 2}, true, escalation.Position{}, 0, true},
		{"a position past the policy (edited): none", escalation.Position{0, 7}, false, escalation.Position{}, 0, true},
	} {
		pos, at, ok := p.Ahead(tc.pos, t0, tc.acked)
		if ok == tc.wantNot || pos != tc.want || (ok && !at.Equal(t0.Add(tc.wantAt))) {
			t.Errorf("%s: got %v at +%v (%v), want %v at +%v (%v)", tc.name, pos, at.Sub(t0), ok, tc.want, tc.wantAt, !tc.wantNot)
		}
	}
	if pos, at, ok := p.NextPaging(escalation.Position{0, 1}, t0, true); !ok || pos != (escalation.Position{1, 1}) || !at.Equal(t0.Add(15*time.Minute)) {
		t.Errorf("after the keep-paging step fired acked: got %v at +%v (%v), want round 1's step 1 at +15m", pos, at.Sub(t0), ok)
	}
	if pos, _, ok := p.NextPaging(escalation.Position{0, 1}, t0, false); !ok || pos != (escalation.Position{0, 2}) {
		t.Errorf("open: got %v, want the very next step", pos)
	}
}

func TestValidateNamesTheField(t *testing.T) {
	ok := escalation.Policy{Steps: steps(time.Minute, 0)}
	for _, tc := range []struct {
		name  string
		p     escalation.Policy
		field string
	}{
		{"valid: the last step needs no delay without repeats", ok, ""},
		{"no steps", escalation.Policy{}, "steps"},
		{"repeat too high", escalation.Policy{Steps: steps(time.Minute), Repeat: 10}, "repeat"},
		{"repeating policy needs the last delay", escalation.Policy{Steps: steps(time.Minute, 0), Repeat: 1}, "steps[1].delayMinutes"},
		{"delay under a minute", escalation.Policy{Steps: steps(30*time.Second, 0)}, "steps[0].delayMinutes"},
		{"no targets", escalation.Policy{Steps: []escalation.Step{{}}}, "steps[0].targets"},
		{"unknown kind", escalation.Policy{Steps: []escalation.Step{{Targets: []escalation.Target{{Kind: "PIGEON", ID: 1}}}}}, "steps[0].targets"},
		{"no id", escalation.Policy{Steps: []escalation.Step{{Targets: []escalation.Target{{Kind: escalation.TargetUser}}}}}, "steps[0].targets"},
	} {
		err := tc.p.Validate()
		inv, _ := err.(*escalation.InvalidError)
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: want valid, got %v", tc.name, err)
		case tc.field != "" && (inv == nil || inv.Field != tc.field):
			t.Errorf("%s: want an error on %s, got %v", tc.name, tc.field, err)
		}
	}
}

func TestRoundRobinTakesTurnsAndWraps(t *testing.T) {
	members := []int{7, 8, 9}
	pos := 0
	var got []int
	for range 5 {
		var u int
		u, pos = escalation.RoundRobin(members, pos)
		got = append(got, u)
	}
	if want := []int{7, 8, 9, 7, 8}; !equal(got, want) {
		t.Fatalf("want %v, got %v", want, got)
	}
	// A member left the team: the stored position may be past the end.
	if u, _ := escalation.RoundRobin([]int{7, 8}, 5); u != 8 {
		t.Fatalf("a position past the end wraps: want 8, got %d", u)
	}
	if u, _ := escalation.RoundRobin(nil, 0); u != 0 {
		t.Fatalf("an empty team pages nobody, got %d", u)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
