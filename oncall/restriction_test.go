package oncall

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRestrictions: a restricted layer has nobody outside its windows; the
// windows follow the wall clock and never have holes across DST changes.
func TestRestrictions(t *testing.T) {
	always := func(ws ...Window) Layer {
		return Layer{Participants: []UserID{1}, Every: 1, Unit: Weeks, Start: mustTime("2025-01-01T00:00-05:00"), Restrictions: ws}
	}
	tests := []struct {
		name     string
		layer    Layer
		from, to string
		want     []string
	}{{
		name:  "nights 22:00–06:00 cross midnight",
		layer: always(Windows(At(22, 0), At(6, 0), EveryDay()...)...),
		from:  "2025-01-06T00:00-05:00", to: "2025-01-07T00:00-05:00",
		want: []string{
			"2025-01-06T00:00-05:00 2025-01-06T06:00-05:00 [1]",
			"2025-01-06T22:00-05:00 2025-01-07T00:00-05:00 [1]",
		},
	}, {
		name:  "a weekend window crosses the end of the week",
		layer: always(Window{Day: time.Saturday, Start: At(18, 0), Length: 36 * time.Hour}),
		from:  "2025-01-03T00:00-05:00", to: "2025-01-07T00:00-05:00",
		want: []string{"2025-01-04T18:00-05:00 2025-01-06T06:00-05:00 [1]"},
	}, {
		name:  "a window over the spring-forward gap: 01:00–03:00 lasts one hour",
		layer: always(Window{Day: time.Sunday, Start: At(1, 0), Length: 2 * time.Hour}),
		from:  "2025-03-08T00:00-05:00", to: "2025-03-10T00:00-04:00",
		want: []string{"2025-03-09T01:00-05:00 2025-03-09T03:00-04:00 [1]"},
	}, {
		name:  "a window opening inside the gap opens when it ends",
		layer: always(Window{Day: time.Sunday, Start: At(2, 15), Length: time.Hour}),
		from:  "2025-03-08T00:00-05:00", to: "2025-03-10T00:00-04:00",
		want: []string{"2025-03-09T03:00-04:00 2025-03-09T03:15-04:00 [1]"},
	}, {
		name:  "a window wholly inside the gap never opens",
		layer: always(Window{Day: time.Sunday, Start: At(2, 15), Length: 30 * time.Minute}),
		from:  "2025-03-08T00:00-05:00", to: "2025-03-10T00:00-04:00",
		want: []string{},
	}, {
		name:  "a window over the fall-back fold: 01:00–03:00 lasts three hours",
		layer: always(Window{Day: time.Sunday, Start: At(1, 0), Length: 2 * time.Hour}),
		from:  "2025-11-01T00:00-04:00", to: "2025-11-03T00:00-05:00",
		want: []string{"2025-11-02T01:00-04:00 2025-11-02T03:00-05:00 [1]"},
	}, {
		name:  "a window ending in the fold ends at the first occurrence",
		layer: always(Window{Day: time.Saturday, Start: At(22, 0), Length: 3*time.Hour + 30*time.Minute}),
		from:  "2025-11-01T00:00-04:00", to: "2025-11-03T00:00-05:00",
		want: []string{"2025-11-01T22:00-04:00 2025-11-02T01:30-04:00 [1]"},
	}, {
		name: "restricted time is uncovered and the rotation keeps turning through it",
		layer: Layer{
			Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: At(9, 0),
			Start: mustTime("2025-01-06T09:00-05:00"), Restrictions: Windows(At(9, 0), At(17, 0), Weekdays()...),
		},
		from: "2025-01-06T00:00-05:00", to: "2025-01-14T00:00-05:00",
		want: []string{
			"2025-01-06T09:00-05:00 2025-01-06T17:00-05:00 [1]",
			"2025-01-07T09:00-05:00 2025-01-07T17:00-05:00 [2]",
			"2025-01-08T09:00-05:00 2025-01-08T17:00-05:00 [1]",
			"2025-01-09T09:00-05:00 2025-01-09T17:00-05:00 [2]",
			"2025-01-10T09:00-05:00 2025-01-10T17:00-05:00 [1]",
			// Saturday (2) and Sunday (1) turned unseen.
			"2025-01-13T09:00-05:00 2025-01-13T17:00-05:00 [2]",
		},
	}, {
		name: "a handoff inside a window splits it",
		layer: Layer{
			Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: At(12, 0),
			Start: mustTime("2025-01-06T12:00-05:00"), Restrictions: Windows(At(9, 0), At(17, 0), time.Tuesday),
		},
		from: "2025-01-06T00:00-05:00", to: "2025-01-08T00:00-05:00",
		want: []string{
			"2025-01-07T09:00-05:00 2025-01-07T12:00-05:00 [1]",
			"2025-01-07T12:00-05:00 2025-01-07T17:00-05:00 [2]",
		},
	}, {
		name:  "overlapping windows are one",
		layer: always(Window{Day: time.Monday, Start: At(9, 0), Length: 4 * time.Hour}, Window{Day: time.Monday, Start: At(11, 0), Length: 4 * time.Hour}),
		from:  "2025-01-06T00:00-05:00", to: "2025-01-07T00:00-05:00",
		want: []string{"2025-01-06T09:00-05:00 2025-01-06T15:00-05:00 [1]"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fmtShifts(LayerShifts(tt.layer, zone(t, "America/New_York"), mustTime(tt.from), mustTime(tt.to)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("LayerShifts:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
		})
	}
}
