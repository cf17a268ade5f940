package escalation_test

import (
	"testing"
	"time"

	"github.com/tocsin/tocsin/escalation"
)

func TestUrgencyFollowsPriority(t *testing.T) {
	for _, tc := range []struct {
		priority, highUpTo string
		want               escalation.Urgency
	}{
		{"P1", "", escalation.High}, {"P2", "", escalation.High}, {"P3", "", escalation.Low}, {"P5", "", escalation.Low},
		{"P3", "P3", escalation.High}, {"P2", "P1", escalation.Low}, {"", "", escalation.Low},
	} {
		if got := escalation.UrgencyOf(tc.priority, tc.highUpTo); got != tc.want {
			t.Errorf("%s with high up to %q: want %s, got %s", tc.priority, tc.highUpTo, tc.want, got)
		}
	}
}

func TestPlanOrdersPagesAndHoldsLowUrgencyInQuietHours(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	quiet := escalation.QuietHours{Start: 22 * time.Hour, End: 7 * time.Hour, Zone: berlin}
	fired := time.Date(2026, 11, 23, 23, 30, 0, 0, berlin) // inside the window
	rules := []escalation.Rule{{MethodID: 2, Delay: 2 * time.Minute}, {MethodID: 1}}

	high := escalation.Plan(5, rules, escalation.High, quiet, fired)
	if len(high) != 2 || high[0].MethodID != 1 || !high[0].At.Equal(fired) || !high[1].At.Equal(fired.Add(2*time.Minute)) {
		t.Fatalf("high urgency ignores quiet hours and pages in rule order of time: %+v", high)
	}
	low := escalation.Plan(5, rules, escalation.Low, quiet, fired)
	morning := time.Date(2026, 11, 24, 7, 0, 0, 0, berlin)
	if !low[0].At.Equal(morning) || !low[1].At.Equal(morning) {
		t.Fatalf("low urgency waits for 07:00: %+v", low)
	}
}

func TestQuietHoursAcrossMidnightAndDST(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	q := escalation.QuietHours{Start: 22 * time.Hour, End: 7 * time.Hour, Zone: ny}
	for _, tc := range []struct {
		name     string
		at, want time.Time
	}{
		{"before the window", time.Date(2026, 3, 7, 21, 59, 0, 0, ny), time.Date(2026, 3, 7, 21, 59, 0, 0, ny)},
		{"evening", time.Date(2026, 3, 7, 22, 0, 0, 0, ny), time.Date(2026, 3, 8, 7, 0, 0, 0, ny)},
		// 8 March 2026: clocks spring forward at 02:00; the window still ends at 07:00 local.
		{"night of the DST change", time.Date(2026, 3, 8, 3, 30, 0, 0, ny), time.Date(2026, 3, 8, 7, 0, 0, 0, ny)},
		{"at the end", time.Date(2026, 3, 8, 7, 0, 0, 0, ny), time.Date(2026, 3, 8, 7, 0, 0, 0, ny)},
	} {
		if got := q.After(tc.at); !got.Equal(tc.want) {
			t.Errorf("%s: want %v, got %v", tc.name, tc.want, got)
		}
	}
	if got := (escalation.QuietHours{Zone: ny}).After(t0); !got.Equal(t0) {
		t.Errorf("no window: want %v, got %v", t0, got)
	}
}

func TestDefaultRules(t *testing.T) {
	high := escalation.DefaultRules(escalation.High, []int{1}, []int{2}, []int{3})
	if len(high) != 2 || high[0] != (escalation.Rule{MethodID: 1}) || high[1] != (escalation.Rule{MethodID: 2, Delay: 2 * time.Minute}) {
		t.Fatalf("high urgency: push at once, SMS at 2 min: %+v", high)
	}
	if only := escalation.DefaultRules(escalation.High, nil, nil, []int{3}); len(only) != 1 || only[0].MethodID != 3 {
		t.Fatalf("high urgency without phone: email: %+v", only)
	}
	if low := escalation.DefaultRules(escalation.Low, []int{1}, []int{2}, []int{3}); len(low) != 1 || low[0].MethodID != 3 {
		t.Fatalf("low urgency: email: %+v", low)
	}
}
