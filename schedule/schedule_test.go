package schedule_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

func at(day, hour, minute int) time.Time { return time.Date(2026, 3, day, hour, minute, 0, 0, berlin) }

func (w *world) onCall(t *testing.T, when time.Time) []int {
	t.Helper()
	ids, err := w.s.OnCallAt(w.stakeCtx, w.sched.ID, when)
	if err != nil {
		t.Fatalf("OnCallAt(%v): %v", when, err)
	}
	return ids
}

func TestStoredRotationHandsOffAtLocalNineAcrossDST(t *testing.T) {
	w := newWorld(t)
	if _, err := w.s.CreateLayer(w.annCtx, w.sched.ID, w.dailyRotation()); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		when time.Time
		want int
	}{
		{at(1, 10, 0), w.ann.ID},
		{at(2, 8, 59), w.ann.ID},
		{at(2, 9, 0), w.bob.ID},
		{at(29, 8, 30), w.bob.ID}, // day 28 is bob's; Berlin springs forward at 02:00 on the 29th
		{at(29, 9, 0), w.ann.ID},
	} {
		if got := w.onCall(t, c.when); !slices.Equal(got, []int{c.want}) {
			t.Errorf("on call at %v: want [%d], got %v", c.when, c.want, got)
		}
	}
	shifts, err := w.s.Shifts(w.stakeCtx, w.sched.ID, at(28, 9, 0), at(30, 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(shifts) != 2 || shifts[0].End.Sub(shifts[0].Start) != 23*time.Hour || shifts[1].End.Sub(shifts[1].Start) != 24*time.Hour {
		t.Fatalf("want 2 shifts, the one over the DST night 23 h long and the next 24 h, got %+v", shifts)
	}
}

func TestLaterOverrideWinsWhereOverridesOverlap(t *testing.T) {
	w := newWorld(t)
	if _, err := w.s.CreateLayer(w.annCtx, w.sched.ID, w.dailyRotation()); err != nil {
		t.Fatal(err)
	}
	// Day 3 is ann's. First bob replaces ann 10–12, then ann replaces bob 11–12.
	for _, o := range []schedule.OverrideInput{
		{Kind: scheduleoverride.KindREPLACE, StartsAt: at(3, 10, 0), EndsAt: at(3, 12, 0), UserOnID: &w.bob.ID, UserOffID: &w.ann.ID},
		{Kind: scheduleoverride.KindREPLACE, StartsAt: at(3, 11, 0), EndsAt: at(3, 12, 0), UserOnID: &w.ann.ID, UserOffID: &w.bob.ID},
	} {
		if _, err := w.s.CreateOverride(w.bobCtx, w.sched.ID, o); err != nil {
			t.Fatal(err)
		}
	}
	for when, want := range map[time.Time]int{at(3, 9, 30): w.ann.ID, at(3, 10, 30): w.bob.ID, at(3, 11, 30): w.ann.ID, at(3, 12, 0): w.ann.ID} {
		if got := w.onCall(t, when); !slices.Equal(got, []int{want}) {
			t.Errorf("on call at %v: want [%d], got %v", when, want, got)
		}
	}
}

// TestOverrideAppliesFromItsFirstInstant asks who is on call at the very
// instant an override starts and ends: PostgreSQL keeps microseconds, and a
// query window of one nanosecond used to round to nothing there.
func TestOverrideAppliesFromItsFirstInstant(t *testing.T) {
	w := newWorld(t)
	if _, err := w.s.CreateLayer(w.annCtx, w.sched.ID, w.dailyRotation()); err != nil {
		t.Fatal(err)
	}
	from, to := at(3, 10, 0), at(3, 12, 0)
	if _, err := w.s.CreateOverride(w.bobCtx, w.sched.ID, schedule.OverrideInput{
		Kind: scheduleoverride.KindREPLACE, StartsAt: from, EndsAt: to, UserOnID: &w.bob.ID, UserOffID: &w.ann.ID}); err != nil {
		t.Fatal(err)
	}
	for when, want := range map[time.Time]int{from: w.bob.ID, to.Add(-time.Nanosecond): w.bob.ID, to: w.ann.ID, from.Add(-time.Nanosecond): w.ann.ID} {
		if got := w.onCall(t, when); !slices.Equal(got, []int{want}) {
			t.Errorf("on call at %v: want [%d], got %v", when.Format(time.RFC3339Nano), want, got)
		}
	}
}

func TestBadInputNamesTheFieldAndChangesNothing(t *testing.T) {
	w := newWorld(t)
	bad := "25:00"
	cases := []struct {
		field string
		edit  func(*schedule.LayerInput)
	}{
		{"shiftLength", func(l *schedule.LayerInput) { l.ShiftLength = 0 }},
		{"shiftLength", func(l *schedule.LayerInput) { l.ShiftLength = -2 }},
		{"endAt", func(l *schedule.LayerInput) { e := l.StartAt.Add(-time.Hour); l.EndAt = &e }},
		{"participantIDs[1]", func(l *schedule.LayerInput) { l.ParticipantIDs = []int{w.ann.ID, w.outsider.ID} }},
		{"participantIDs", func(l *schedule.LayerInput) { l.ParticipantIDs = nil }},
		{"handoffTime", func(l *schedule.LayerInput) { l.HandoffTime = &bad }},
		{"restrictions[0].start", func(l *schedule.LayerInput) {
			l.Restrictions = []schedule.Restriction{{Day: "MONDAY", Start: "9am", End: "17:00"}}
		}},
		{"restrictions[0].day", func(l *schedule.LayerInput) {
			l.Restrictions = []schedule.Restriction{{Day: "FUNDAY", Start: "09:00", End: "17:00"}}
		}},
	}
	for _, c := range cases {
		in := w.dailyRotation()
		c.edit(&in)
		_, err := w.s.CreateLayer(w.annCtx, w.sched.ID, in)
		var inv *rule.InvalidError
		if !errors.As(err, &inv) || inv.Field != c.field {
			t.Errorf("want an InvalidError on %s, got %v", c.field, err)
		}
	}
	_, err := w.s.CreateOverride(w.annCtx, w.sched.ID, schedule.OverrideInput{
		Kind: scheduleoverride.KindADD, StartsAt: at(3, 12, 0), EndsAt: at(3, 11, 0), UserOnID: &w.bob.ID})
	var inv *rule.InvalidError
	if !errors.As(err, &inv) || inv.Field != "endsAt" {
		t.Errorf("override ending before it starts: want an InvalidError on endsAt, got %v", err)
	}
	_, err = w.s.CreateOverride(w.annCtx, w.sched.ID, schedule.OverrideInput{
		Kind: scheduleoverride.KindADD, StartsAt: at(3, 10, 0), EndsAt: at(3, 11, 0), UserOnID: &w.outsider.ID})
	if !errors.As(err, &inv) || inv.Field != "userOnID" {
		t.Errorf("override putting an outsider on call: want an InvalidError on userOnID, got %v", err)
	}
	_, err = env.Client.Schedule.Create().SetName("Nowhere").SetTimeZone("Mars/Olympus").SetTeamID(w.sched.TeamID).Save(w.annCtx)
	var verr *ent.ValidationError
	if !errors.As(err, &verr) || verr.Name != "time_zone" {
		t.Errorf("unknown time zone: want a validation error on time_zone, got %v", err)
	}
	sys := viewer.System(context.Background())
	if n := env.Client.ScheduleLayer.Query().CountX(sys) + env.Client.ScheduleOverride.Query().CountX(sys); n != 0 {
		t.Fatalf("bad input wrote %d rows", n)
	}
}

func TestOnlyTheTeamsRespondersAndAdminsManageItsSchedules(t *testing.T) {
	w := newWorld(t)
	for name, ctx := range map[string]context.Context{"stakeholder": w.stakeCtx, "responder of another team": w.outCtx} {
		if _, err := w.s.CreateLayer(ctx, w.sched.ID, w.dailyRotation()); !errors.Is(err, privacy.Deny) {
			t.Errorf("%s creating a layer: want privacy.Deny, got %v", name, err)
		}
		if _, err := env.Client.Schedule.UpdateOneID(w.sched.ID).SetName("Mine").Save(ctx); !errors.Is(err, privacy.Deny) {
			t.Errorf("%s renaming the schedule: want privacy.Deny, got %v", name, err)
		}
		if err := w.s.DeleteSchedule(ctx, w.sched.ID); !errors.Is(err, privacy.Deny) {
			t.Errorf("%s deleting the schedule: want privacy.Deny, got %v", name, err)
		}
	}
	if _, err := env.Client.Schedule.Create().SetName("Foreign").SetTimeZone("UTC").SetTeamID(w.sched.TeamID).Save(w.outCtx); !errors.Is(err, privacy.Deny) {
		t.Errorf("a responder creating a schedule for another team: want privacy.Deny, got %v", err)
	}
	l, err := w.s.CreateLayer(w.bobCtx, w.sched.ID, w.dailyRotation())
	if err != nil {
		t.Fatalf("a responder of the team creating a layer: %v", err)
	}
	if _, err := w.s.UpdateLayer(w.adminCtx, l.ID, w.dailyRotation()); err != nil {
		t.Fatalf("an admin updating a layer: %v", err)
	}
	if err := w.s.DeleteLayer(w.outCtx, l.ID); !errors.Is(err, privacy.Deny) {
		t.Errorf("a responder of another team deleting a layer: want privacy.Deny, got %v", err)
	}
	if got := w.onCall(t, at(1, 10, 0)); !slices.Equal(got, []int{w.ann.ID}) {
		t.Errorf("a stakeholder reads who is on call: want [%d], got %v", w.ann.ID, got)
	}
	if err := w.s.DeleteSchedule(w.annCtx, w.sched.ID); err != nil {
		t.Fatalf("a responder of the team deleting the schedule with its layer: %v", err)
	}
}
