package pagingfix_test

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/escalationstep"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/internal/pagingfix"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "pagingfix", &env)) }

// TestFixturePagesThroughScheduleRoundRobinAndTeam checks that the fixture
// is what customers run — a policy of two steps and a repeat, through a
// schedule, a round robin and a team — and that its own idea of who is on
// call (which the benchmark and the fault suite check pages against) is the
// engine's, across handoffs and the override's edges.
func TestFixturePagesThroughScheduleRoundRobinAndTeam(t *testing.T) {
	ctx := viewer.System(context.Background())
	f, err := pagingfix.Setup(ctx, env.Client, "http://127.0.0.1:9", 1, 30)
	if err != nil {
		t.Fatal(err)
	}
	if f.OpsgenieKey == "" || f.AlertmanagerKey == "" || f.OpsgenieKey == f.AlertmanagerKey {
		t.Errorf("want an Opsgenie and an Alertmanager key, got %q and %q", f.OpsgenieKey, f.AlertmanagerKey)
	}
	pol, err := env.Client.EscalationPolicy.Get(ctx, f.PolicyID)
	if err != nil {
		t.Fatal(err)
	}
	steps, err := env.Client.EscalationStep.Query().Where(escalationstep.PolicyID(f.PolicyID)).
		Order(ent.Asc(escalationstep.FieldPosition)).All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var kinds [][]escalation.TargetKind
	for _, s := range steps {
		var k []escalation.TargetKind
		for _, tg := range s.Targets {
			k = append(k, tg.Kind)
		}
		kinds = append(kinds, k)
	}
	wantKinds := [][]escalation.TargetKind{{escalation.TargetSchedule, escalation.TargetRoundRobin}, {escalation.TargetTeam}}
	if pol.Repeat != 1 || !slices.EqualFunc(kinds, wantKinds, slices.Equal) || steps[0].DelayMinutes != 1 || steps[1].DelayMinutes != 30 {
		t.Errorf("policy: want repeat 1, steps %v with delays 1 and 30; got repeat %d, steps %v", wantKinds, pol.Repeat, kinds)
	}
	if len(f.Rotation) < 3 {
		t.Errorf("want a rotation of at least 3 people, got %d", len(f.Rotation))
	}

	// The fixture's on-call people are the engine's, every 5 hours from
	// three days back to three ahead, and at the override's edges.
	store := schedule.New(env.Client, nil)
	now := time.Now()
	instants := []time.Time{now}
	for d := -72 * time.Hour; d <= 72*time.Hour; d += 5 * time.Hour {
		instants = append(instants, now.Add(d))
	}
	for _, d := range []time.Duration{-time.Hour - time.Second, -time.Hour, 7 * 24 * time.Hour} {
		instants = append(instants, now.Add(d).Truncate(time.Second))
	}
	rotations := map[int]bool{}
	for _, at := range instants {
		got, err := store.OnCallAt(ctx, f.ScheduleID, at)
		if err != nil {
			t.Fatal(err)
		}
		var want []int
		for _, r := range f.OnCallAt(at) {
			want = append(want, r.ID)
		}
		rotations[want[0]] = true
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("on call at %s: the schedule says %v, the fixture %v", at.Format(time.RFC3339), got, want)
		}
	}
	if len(rotations) != len(f.Rotation) {
		t.Errorf("over six days every one of the rotation's %d people should have had a turn; saw %d", len(f.Rotation), len(rotations))
	}

	// Now, step 0 pages those on call and the round robin's pick; step 1
	// the whole team.
	e := &pager.Engine{Client: env.Client, Schedules: store, Now: time.Now}
	preview, err := e.Preview(ctx, f.PolicyID)
	if err != nil {
		t.Fatal(err)
	}
	var first []string
	for _, u := range preview[0] {
		first = append(first, u.Name)
	}
	got, err := f.FirstStepRecipients(pagingfix.FirstStep{FiredAt: time.Now(), Paged: first})
	if err != nil || len(got) < 2 {
		t.Errorf("step 0 pages %v: want those on call and the round robin's pick (%v, %v)", first, got, err)
	}
	if len(preview[1]) != len(f.Responders) {
		t.Errorf("step 1 pages %d people, want the whole team of %d", len(preview[1]), len(f.Responders))
	}
	// And a step that left out someone on call, or paged two beside them,
	// is caught.
	on := f.OnCallAt(time.Now())
	if _, err := f.FirstStepRecipients(pagingfix.FirstStep{FiredAt: time.Now(), Paged: []string{on[0].Name}}); err == nil {
		t.Errorf("a first step paging only %s (not %s) passed", on[0].Name, on[1].Name)
	}
	var all []string
	for _, r := range f.Responders {
		all = append(all, r.Name)
	}
	if _, err := f.FirstStepRecipients(pagingfix.FirstStep{FiredAt: time.Now(), Paged: all}); err == nil {
		t.Errorf("a first step paging the whole team passed")
	}
}
