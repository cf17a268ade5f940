package oncall

import (
	"math/rand/v2"
	"testing"
	"time"
)

// benchSchedule is a busy schedule: three layers of 20 people (weekly,
// daily office hours, 12-hour nights), all restricted, and 50 overrides
// spread over 2025, in New York.
func benchSchedule(b *testing.B) Schedule {
	r := rand.New(rand.NewPCG(1, 2))
	people := func(first UserID) []UserID {
		ps := make([]UserID, 20)
		for i := range ps {
			ps[i] = first + UserID(i)
		}
		return ps
	}
	start := mustTime("2024-12-30T09:00-05:00")
	s := Schedule{ID: 1, Location: zone(b, "America/New_York"), Layers: []Layer{
		{Participants: people(100), Every: 1, Unit: Weeks, HandoffDay: time.Monday, Handoff: At(9, 0), Start: start,
			Restrictions: []Window{{Day: time.Monday, Start: At(9, 0), Length: 7*24*time.Hour - time.Hour}}},
		{Participants: people(200), Every: 1, Unit: Days, Handoff: At(9, 0), Start: start,
			Restrictions: Windows(At(9, 0), At(17, 0), Weekdays()...)},
		{Participants: people(300), Every: 12, Unit: Hours, Start: start,
			Restrictions: Windows(At(22, 0), At(6, 0), EveryDay()...)},
	}}
	jan := mustTime("2025-01-01T00:00-05:00")
	for range 50 {
		o := Override{Kind: OverrideKind(1 + r.IntN(3)), On: UserID(400 + r.IntN(10)), Off: UserID(100 + 100*r.IntN(3) + r.IntN(20))}
		o.Start = jan.Add(time.Duration(r.IntN(365*24)) * time.Hour)
		o.End = o.Start.Add(time.Duration(1+r.IntN(72)) * time.Hour)
		s.Overrides = append(s.Overrides, o)
	}
	if err := s.Validate(); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkShiftsYear is a year of the busy schedule's shifts; the target is
// under 5 ms.
func BenchmarkShiftsYear(b *testing.B) {
	s := benchSchedule(b)
	from, to := mustTime("2025-01-01T00:00-05:00"), mustTime("2026-01-01T00:00-05:00")
	var n int
	for b.Loop() {
		n = len(Shifts(s, from, to))
	}
	b.ReportMetric(float64(n), "shifts")
}

func BenchmarkOnCallAt(b *testing.B) {
	s := benchSchedule(b)
	t := mustTime("2025-07-09T10:30-04:00")
	for b.Loop() {
		OnCallAt(s, t)
	}
}

func BenchmarkNextHandoff(b *testing.B) {
	s := benchSchedule(b)
	t := mustTime("2025-07-09T10:30-04:00")
	for b.Loop() {
		NextHandoff(s, t)
	}
}
