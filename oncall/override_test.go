package oncall

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestOverrides applies overrides to a layer that always has user 1, on
// Monday 2025-01-06 in New York, and asks at whole hours of that day.
func TestOverrides(t *testing.T) {
	ny := zone(t, "America/New_York")
	day := mustTime("2025-01-06T00:00-05:00")
	h := func(n int) time.Time { return day.Add(time.Duration(n) * time.Hour) }
	o := func(k OverrideKind, off, on UserID, from, to int) Override {
		return Override{Kind: k, Off: off, On: on, Start: h(from), End: h(to)}
	}
	tests := []struct {
		name      string
		overrides []Override
		want      map[int][]UserID // hour → users
	}{{
		name:      "replace puts On in place of Off for [Start, End)",
		overrides: []Override{o(Replace, 1, 2, 10, 12)},
		want:      map[int][]UserID{9: {1}, 10: {2}, 11: {2}, 12: {1}},
	}, {
		name:      "replace changes nothing where Off is not on call",
		overrides: []Override{o(Replace, 3, 2, 10, 12)},
		want:      map[int][]UserID{10: {1}},
	}, {
		name:      "add puts On beside whoever is on call",
		overrides: []Override{o(Add, 0, 2, 10, 12)},
		want:      map[int][]UserID{9: {1}, 10: {1, 2}, 12: {1}},
	}, {
		name:      "add of someone already on call changes nothing",
		overrides: []Override{o(Add, 0, 1, 10, 12)},
		want:      map[int][]UserID{10: {1}},
	}, {
		name:      "remove leaves nobody on call",
		overrides: []Override{o(Remove, 1, 0, 10, 12)},
		want:      map[int][]UserID{9: {1}, 10: nil, 12: {1}},
	}, {
		name:      "overlapping replaces: the later sees the earlier's result and wins",
		overrides: []Override{o(Replace, 1, 2, 10, 14), o(Replace, 2, 3, 12, 16)},
		want:      map[int][]UserID{11: {2}, 13: {3}, 15: {1}},
	}, {
		name:      "the same replaces in the other order: the later one, 1→2, wins",
		overrides: []Override{o(Replace, 2, 3, 12, 16), o(Replace, 1, 2, 10, 14)},
		want:      map[int][]UserID{11: {2}, 13: {2}, 15: {1}},
	}, {
		name:      "add then remove of the same user: removed",
		overrides: []Override{o(Add, 0, 2, 10, 12), o(Remove, 2, 0, 10, 12)},
		want:      map[int][]UserID{10: {1}},
	}, {
		name:      "remove then add of the same user: added",
		overrides: []Override{o(Remove, 2, 0, 10, 12), o(Add, 0, 2, 10, 12)},
		want:      map[int][]UserID{10: {1, 2}},
	}, {
		name:      "remove the layer's user, then add a stand-in",
		overrides: []Override{o(Remove, 1, 0, 10, 12), o(Add, 0, 2, 11, 13)},
		want:      map[int][]UserID{10: nil, 11: {2}, 12: {1, 2}, 13: {1}},
	}, {
		name:      "an invalid override is ignored",
		overrides: []Override{o(Replace, 1, 2, 12, 10), o(Add, 0, 0, 10, 12)},
		want:      map[int][]UserID{10: {1}, 11: {1}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Schedule{Location: ny, Overrides: tt.overrides, Layers: []Layer{{
				Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: mustTime("2025-01-01T00:00-05:00"),
			}}}
			for hour, want := range tt.want {
				if got := OnCallAt(s, h(hour)); !slices.Equal(got, want) {
					t.Errorf("at %02d:00 got %v, want %v", hour, got, want)
				}
			}
		})
	}
}

// TestShiftsWithOverridesAreMergedAndLeaveGaps: shifts split where overrides
// start and end, the gap a Remove leaves has no shift, and an override that
// changes nothing does not split a shift.
func TestShiftsWithOverridesAreMergedAndLeaveGaps(t *testing.T) {
	ny := zone(t, "America/New_York")
	day := mustTime("2025-01-06T00:00-05:00")
	h := func(n int) time.Time { return day.Add(time.Duration(n) * time.Hour) }
	s := Schedule{ID: 7, Location: ny,
		Layers: []Layer{{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: mustTime("2025-01-01T00:00-05:00")}},
		Overrides: []Override{
			{Kind: Replace, Off: 1, On: 2, Start: h(10), End: h(12)},
			{Kind: Remove, Off: 1, Start: h(20), End: h(22)},
			{Kind: Add, On: 1, Start: h(4), End: h(6)},
		},
	}
	want := []string{
		"2025-01-06T00:00-05:00 2025-01-06T10:00-05:00 [1] schedule 7",
		"2025-01-06T10:00-05:00 2025-01-06T12:00-05:00 [2] schedule 7",
		"2025-01-06T12:00-05:00 2025-01-06T20:00-05:00 [1] schedule 7",
		"2025-01-06T22:00-05:00 2025-01-07T00:00-05:00 [1] schedule 7",
	}
	if got := fmtShifts(Shifts(s, h(0), h(24))); !slices.Equal(got, want) {
		t.Errorf("Shifts:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}
