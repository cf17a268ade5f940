package oncall

import (
	"slices"
	"testing"
	"time"
)

func TestNextHandoff(t *testing.T) {
	ny := zone(t, "America/New_York")
	jan := mustTime("2025-01-01T00:00-05:00")
	one := Layer{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: jan}
	tests := []struct {
		name   string
		s      Schedule
		at     string
		want   string // "" for no change ever
		wantOK bool
	}{{
		name: "the next handoff, moved by the spring-forward gap",
		s: Schedule{Layers: []Layer{{Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: At(2, 30),
			Start: mustTime("2025-03-07T02:30-05:00")}}},
		at: "2025-03-08T12:00-05:00", want: "2025-03-09T03:00-04:00", wantOK: true,
	}, {
		name: "at a handoff instant, the one after it",
		s: Schedule{Layers: []Layer{{Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: At(9, 0),
			Start: mustTime("2025-01-06T09:00-05:00")}}},
		at: "2025-01-07T09:00-05:00", want: "2025-01-08T09:00-05:00", wantOK: true,
	}, {
		name: "one participant forever never changes",
		s:    Schedule{Layers: []Layer{one}},
		at:   "2025-01-06T00:00-05:00",
	}, {
		name: "a rotation of one person listed thrice never changes",
		s: Schedule{Layers: []Layer{{Participants: []UserID{1, 1, 1}, Every: 1, Unit: Days, Handoff: At(9, 0),
			Start: jan}}},
		at: "2025-01-06T00:00-05:00",
	}, {
		name: "before a layer starts: its Start",
		s:    Schedule{Layers: []Layer{{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: mustTime("2025-02-01T00:00-05:00")}}},
		at:   "2025-01-06T00:00-05:00", want: "2025-02-01T00:00-05:00", wantOK: true,
	}, {
		name: "a layer's End",
		s:    Schedule{Layers: []Layer{{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: jan, End: mustTime("2025-06-01T00:00-04:00")}}},
		at:   "2025-01-06T00:00-05:00", want: "2025-06-01T00:00-04:00", wantOK: true,
	}, {
		name: "after the last End nothing changes again",
		s:    Schedule{Layers: []Layer{{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: jan, End: mustTime("2025-06-01T00:00-04:00")}}},
		at:   "2025-07-01T00:00-04:00",
	}, {
		name: "a restriction window closing",
		s: Schedule{Layers: []Layer{{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: jan,
			Restrictions: Windows(At(9, 0), At(17, 0), Weekdays()...)}}},
		at: "2025-01-10T10:00-05:00", want: "2025-01-10T17:00-05:00", wantOK: true,
	}, {
		name: "a restriction window opening after a weekend",
		s: Schedule{Layers: []Layer{{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: jan,
			Restrictions: Windows(At(9, 0), At(17, 0), Weekdays()...)}}},
		at: "2025-01-10T17:00-05:00", want: "2025-01-13T09:00-05:00", wantOK: true,
	}, {
		name: "a future override",
		s: Schedule{Layers: []Layer{one}, Overrides: []Override{{Kind: Add, On: 2,
			Start: mustTime("2025-03-01T00:00-05:00"), End: mustTime("2025-03-02T00:00-05:00")}}},
		at: "2025-01-06T00:00-05:00", want: "2025-03-01T00:00-05:00", wantOK: true,
	}, {
		name: "an override that changes nobody is no handoff",
		s: Schedule{Layers: []Layer{one}, Overrides: []Override{{Kind: Replace, Off: 3, On: 2,
			Start: mustTime("2025-03-01T00:00-05:00"), End: mustTime("2025-03-02T00:00-05:00")}}},
		at: "2025-01-06T00:00-05:00",
	}, {
		name: "near the end of the handled years",
		s:    Schedule{Layers: []Layer{{Participants: []UserID{1, 2}, Every: 1, Unit: Days, Start: jan}}},
		at:   "2261-06-01T12:00-04:00", want: "2261-06-02T00:00-04:00", wantOK: true,
	}, {
		name: "a change far beyond one search chunk",
		s: Schedule{Layers: []Layer{{Participants: []UserID{1, 2}, Every: 26, Unit: Weeks, HandoffDay: time.Monday, Handoff: At(9, 0),
			Start: mustTime("2025-01-06T09:00-05:00")}}},
		at: "2025-01-06T09:00-05:00", want: "2025-07-07T09:00-04:00", wantOK: true,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.s.Location = ny
			got, ok := NextHandoff(tt.s, mustTime(tt.at))
			if ok != tt.wantOK || (ok && !got.Equal(mustTime(tt.want))) {
				t.Errorf("NextHandoff(%s) = %v, %v; want %s, %v", tt.at, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// TestNextHandoffLooksAFullPeriodAhead: a change 40 weeks away is found,
// and a rotation hidden at every instant by a layer above never hands off.
func TestNextHandoffLooksAFullPeriodAhead(t *testing.T) {
	start := mustTime("2025-01-06T09:00-05:00")
	slow := Layer{Participants: []UserID{1, 2}, Every: 40, Unit: Weeks, HandoffDay: time.Monday, Handoff: At(9, 0), Start: start}
	s := Schedule{Location: zone(t, "America/New_York"), Layers: []Layer{slow}}
	if got, ok := NextHandoff(s, start); !ok || !got.Equal(mustTime("2025-10-13T09:00-04:00")) {
		t.Errorf("NextHandoff = %v %v, want 2025-10-13T09:00-04:00", got, ok)
	}
	s.Layers = append(s.Layers, Layer{Participants: []UserID{3}, Every: 1, Unit: Weeks, Start: start,
		Restrictions: []Window{{Day: time.Sunday, Length: 7 * 24 * time.Hour}}})
	if got, ok := NextHandoff(s, start); ok {
		t.Errorf("NextHandoff = %v, want none: the top layer covers every instant", got)
	}
}

// TestNextHandoffNearTheEndOfTime: a long period near 2261 must not overflow
// the search horizon into "never".
func TestNextHandoffNearTheEndOfTime(t *testing.T) {
	s := Schedule{Location: zone(t, "America/New_York"), Layers: []Layer{{Participants: []UserID{1, 2, 3}, Every: 52, Unit: Weeks,
		Start: mustTime("2025-01-06T00:00-05:00")}}}
	at := mustTime("2261-01-01T00:00-05:00")
	got, ok := NextHandoff(s, at)
	if !ok || !got.After(at) || got.After(at.AddDate(1, 0, 1)) || slices.Equal(OnCallAt(s, got), OnCallAt(s, at)) {
		t.Errorf("NextHandoff(%v) = %v %v; want the next yearly handoff", at, got, ok)
	}
}

// TestNextHandoffSeesPastAWindowHiddenInAGap: the only window of the week
// lies in the spring-forward gap on 2025-03-09, so it first opens a week later.
func TestNextHandoffSeesPastAWindowHiddenInAGap(t *testing.T) {
	s := Schedule{Location: zone(t, "America/New_York"), Layers: []Layer{{Participants: []UserID{1}, Every: 1, Unit: Weeks,
		Start:        mustTime("2025-01-01T00:00-05:00"),
		Restrictions: []Window{{Day: time.Sunday, Start: At(2, 15), Length: 30 * time.Minute}}}}}
	got, ok := NextHandoff(s, mustTime("2025-03-02T03:00-05:00"))
	if want := mustTime("2025-03-16T02:15-04:00"); !ok || !got.Equal(want) {
		t.Errorf("NextHandoff = %v %v, want %v", got, ok, want)
	}
}
