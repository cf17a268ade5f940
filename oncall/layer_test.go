package oncall

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestLayers: the top layer wins where it has someone, lower layers fill
// the rest; how a layer's first turn is anchored to its Start.
func TestLayers(t *testing.T) {
	monday := "2025-01-06T00:00-05:00"
	bottom := Layer{Name: "bottom", Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: mustTime("2025-01-01T00:00-05:00")}
	office := Layer{Name: "office", Participants: []UserID{2}, Every: 1, Unit: Weeks, Start: mustTime("2025-01-01T00:00-05:00"),
		Restrictions: Windows(At(9, 0), At(17, 0), Weekdays()...)}
	lunch := Layer{Name: "lunch", Participants: []UserID{3}, Every: 1, Unit: Days,
		Start: mustTime("2025-01-06T12:00-05:00"), End: mustTime("2025-01-06T13:00-05:00")}
	tests := []struct {
		name     string
		layers   []Layer
		from, to string
		want     []string
	}{{
		name:   "a restricted top layer over an unrestricted bottom",
		layers: []Layer{bottom, office},
		from:   monday, to: "2025-01-07T00:00-05:00",
		want: []string{
			"2025-01-06T00:00-05:00 2025-01-06T09:00-05:00 [1]",
			"2025-01-06T09:00-05:00 2025-01-06T17:00-05:00 [2]",
			"2025-01-06T17:00-05:00 2025-01-07T00:00-05:00 [1]",
		},
	}, {
		name:   "the order decides: the bottom layer under the restricted one never shows",
		layers: []Layer{office, bottom},
		from:   monday, to: "2025-01-07T00:00-05:00",
		want: []string{"2025-01-06T00:00-05:00 2025-01-07T00:00-05:00 [1]"},
	}, {
		name:   "three layers; a layer with an End gives way to the ones below",
		layers: []Layer{bottom, office, lunch},
		from:   monday, to: "2025-01-07T00:00-05:00",
		want: []string{
			"2025-01-06T00:00-05:00 2025-01-06T09:00-05:00 [1]",
			"2025-01-06T09:00-05:00 2025-01-06T12:00-05:00 [2]",
			"2025-01-06T12:00-05:00 2025-01-06T13:00-05:00 [3]",
			"2025-01-06T13:00-05:00 2025-01-06T17:00-05:00 [2]",
			"2025-01-06T17:00-05:00 2025-01-07T00:00-05:00 [1]",
		},
	}, {
		name:   "a weekend with only the bottom layer is one shift",
		layers: []Layer{bottom, office},
		from:   "2025-01-04T00:00-05:00", to: monday,
		want: []string{"2025-01-04T00:00-05:00 2025-01-06T00:00-05:00 [1]"},
	}, {
		name:   "an invalid layer puts nobody on call",
		layers: []Layer{bottom, {Participants: []UserID{9}, Every: 0, Unit: Days, Start: mustTime(monday)}},
		from:   monday, to: "2025-01-06T12:00-05:00",
		want: []string{"2025-01-06T00:00-05:00 2025-01-06T12:00-05:00 [1]"},
	}, {
		name: "before its Start a layer has nobody; the first turn runs from Start to the next handoff",
		layers: []Layer{{Participants: []UserID{1, 2}, Every: 1, Unit: Weeks, HandoffDay: time.Monday, Handoff: At(9, 0),
			Start: mustTime("2025-01-08T14:00-05:00")}},
		from: monday, to: "2025-01-21T00:00-05:00",
		want: []string{
			"2025-01-08T14:00-05:00 2025-01-13T09:00-05:00 [1]",
			"2025-01-13T09:00-05:00 2025-01-20T09:00-05:00 [2]",
			"2025-01-20T09:00-05:00 2025-01-21T00:00-05:00 [1]",
		},
	}, {
		name: "two-day turns count from the last handoff time before Start",
		layers: []Layer{{Participants: []UserID{1, 2}, Every: 2, Unit: Days, Handoff: At(9, 0),
			Start: mustTime("2025-01-08T14:00-05:00")}},
		from: monday, to: "2025-01-13T00:00-05:00",
		want: []string{
			"2025-01-08T14:00-05:00 2025-01-10T09:00-05:00 [1]",
			"2025-01-10T09:00-05:00 2025-01-12T09:00-05:00 [2]",
			"2025-01-12T09:00-05:00 2025-01-13T00:00-05:00 [1]",
		},
	}, {
		name: "a Start before that day's handoff time starts the turn of the day before",
		layers: []Layer{{Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: At(9, 0),
			Start: mustTime("2025-01-06T08:00-05:00")}},
		from: monday, to: "2025-01-07T12:00-05:00",
		want: []string{
			"2025-01-06T08:00-05:00 2025-01-06T09:00-05:00 [1]",
			"2025-01-06T09:00-05:00 2025-01-07T09:00-05:00 [2]",
			"2025-01-07T09:00-05:00 2025-01-07T12:00-05:00 [1]",
		},
	}, {
		name: "turns of the same user in a row are one shift",
		layers: []Layer{{Participants: []UserID{1, 1, 2}, Every: 1, Unit: Days, Handoff: At(9, 0),
			Start: mustTime("2025-01-06T09:00-05:00")}},
		from: monday, to: "2025-01-09T12:00-05:00",
		want: []string{
			"2025-01-06T09:00-05:00 2025-01-08T09:00-05:00 [1]",
			"2025-01-08T09:00-05:00 2025-01-09T09:00-05:00 [2]",
			"2025-01-09T09:00-05:00 2025-01-09T12:00-05:00 [1]",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Schedule{Location: zone(t, "America/New_York"), Layers: tt.layers}
			got := fmtShifts(Shifts(s, mustTime(tt.from), mustTime(tt.to)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Shifts:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
		})
	}
}

// TestUserShifts lists one user's time on call across schedules, sorted, each
// span whole even where others join them.
func TestUserShifts(t *testing.T) {
	ny := zone(t, "America/New_York")
	a := Schedule{ID: 10, Location: ny,
		Layers:    []Layer{{Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: At(9, 0), Start: mustTime("2025-01-06T09:00-05:00")}},
		Overrides: []Override{{Kind: Add, On: 3, Start: mustTime("2025-01-06T12:00-05:00"), End: mustTime("2025-01-06T13:00-05:00")}},
	}
	b := Schedule{ID: 20, Location: ny,
		Layers: []Layer{{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: mustTime("2025-01-01T00:00-05:00"),
			Restrictions: Windows(At(9, 0), At(17, 0), Weekdays()...)}},
	}
	want := []string{
		"2025-01-06T09:00-05:00 2025-01-07T09:00-05:00 [1] schedule 10",
		"2025-01-06T09:00-05:00 2025-01-06T17:00-05:00 [1] schedule 20",
		"2025-01-07T09:00-05:00 2025-01-07T17:00-05:00 [1] schedule 20",
	}
	got := fmtShifts(UserShifts([]Schedule{a, b}, 1, mustTime("2025-01-06T00:00-05:00"), mustTime("2025-01-08T00:00-05:00")))
	if !slices.Equal(got, want) {
		t.Errorf("UserShifts:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	if got := UserShifts([]Schedule{a, b}, 4, mustTime("2025-01-06T00:00-05:00"), mustTime("2025-01-08T00:00-05:00")); len(got) != 0 {
		t.Errorf("UserShifts of a user on no schedule = %v, want none", fmtShifts(got))
	}
}
