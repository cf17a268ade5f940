package oncall

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestTurnsFollowTheWallClockAcrossDST pins the DST rules of the package doc
// on the real changes of 2025.
func TestTurnsFollowTheWallClockAcrossDST(t *testing.T) {
	daily := func(handoff Clock, start string) Layer {
		return Layer{Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: handoff, Start: mustTime(start)}
	}
	tests := []struct {
		name     string
		zone     string
		layer    Layer
		from, to string
		want     []string
	}{{
		name:  "US spring-forward: a 02:30 handoff moves to 03:00 EDT",
		zone:  "America/New_York",
		layer: daily(At(2, 30), "2025-03-07T02:30-05:00"),
		from:  "2025-03-08T00:00-05:00", to: "2025-03-10T12:00-04:00",
		want: []string{
			"2025-03-08T00:00-05:00 2025-03-08T02:30-05:00 [1]",
			"2025-03-08T02:30-05:00 2025-03-09T03:00-04:00 [2]",
			"2025-03-09T03:00-04:00 2025-03-10T02:30-04:00 [1]",
			"2025-03-10T02:30-04:00 2025-03-10T12:00-04:00 [2]",
		},
	}, {
		name:  "US fall-back: a 01:30 handoff takes the first 01:30; that turn lasts 25 hours",
		zone:  "America/New_York",
		layer: daily(At(1, 30), "2025-10-31T01:30-04:00"),
		from:  "2025-11-01T00:00-04:00", to: "2025-11-03T12:00-05:00",
		want: []string{
			"2025-11-01T00:00-04:00 2025-11-01T01:30-04:00 [1]",
			"2025-11-01T01:30-04:00 2025-11-02T01:30-04:00 [2]",
			"2025-11-02T01:30-04:00 2025-11-03T01:30-05:00 [1]",
			"2025-11-03T01:30-05:00 2025-11-03T12:00-05:00 [2]",
		},
	}, {
		name:  "Berlin weekly handoff across spring-forward lasts 167 hours",
		zone:  "Europe/Berlin",
		layer: Layer{Participants: []UserID{1, 2, 3}, Every: 1, Unit: Weeks, HandoffDay: time.Monday, Handoff: At(9, 0), Start: mustTime("2025-03-24T09:00+01:00")},
		from:  "2025-03-24T09:00+01:00", to: "2025-04-07T09:00+02:00",
		want: []string{
			"2025-03-24T09:00+01:00 2025-03-31T09:00+02:00 [1]",
			"2025-03-31T09:00+02:00 2025-04-07T09:00+02:00 [2]",
		},
	}, {
		name:  "Berlin weekly handoff across fall-back lasts 169 hours",
		zone:  "Europe/Berlin",
		layer: Layer{Participants: []UserID{1, 2, 3}, Every: 1, Unit: Weeks, HandoffDay: time.Monday, Handoff: At(9, 0), Start: mustTime("2025-10-20T09:00+02:00")},
		from:  "2025-10-20T09:00+02:00", to: "2025-10-28T00:00+01:00",
		want: []string{
			"2025-10-20T09:00+02:00 2025-10-27T09:00+01:00 [1]",
			"2025-10-27T09:00+01:00 2025-10-28T00:00+01:00 [2]",
		},
	}, {
		name:  "Berlin weekly handoff on Sunday 02:30 falls in the gap and moves to 03:00",
		zone:  "Europe/Berlin",
		layer: Layer{Participants: []UserID{1, 2}, Every: 1, Unit: Weeks, HandoffDay: time.Sunday, Handoff: At(2, 30), Start: mustTime("2025-03-23T02:30+01:00")},
		from:  "2025-03-23T02:30+01:00", to: "2025-04-06T12:00+02:00",
		want: []string{
			"2025-03-23T02:30+01:00 2025-03-30T03:00+02:00 [1]",
			"2025-03-30T03:00+02:00 2025-04-06T02:30+02:00 [2]",
			"2025-04-06T02:30+02:00 2025-04-06T12:00+02:00 [1]",
		},
	}, {
		name:  "Chatham spring-forward at 02:45: a 03:00 handoff moves to 03:45",
		zone:  "Pacific/Chatham",
		layer: daily(At(3, 0), "2025-09-26T03:00+12:45"),
		from:  "2025-09-26T03:00+12:45", to: "2025-09-29T12:00+13:45",
		want: []string{
			"2025-09-26T03:00+12:45 2025-09-27T03:00+12:45 [1]",
			"2025-09-27T03:00+12:45 2025-09-28T03:45+13:45 [2]",
			"2025-09-28T03:45+13:45 2025-09-29T03:00+13:45 [1]",
			"2025-09-29T03:00+13:45 2025-09-29T12:00+13:45 [2]",
		},
	}, {
		name:  "Chatham spring-forward: a 02:45 handoff does not exist either and moves to 03:45",
		zone:  "Pacific/Chatham",
		layer: daily(At(2, 45), "2025-09-27T02:45+12:45"),
		from:  "2025-09-27T02:45+12:45", to: "2025-09-28T12:00+13:45",
		want: []string{
			"2025-09-27T02:45+12:45 2025-09-28T03:45+13:45 [1]",
			"2025-09-28T03:45+13:45 2025-09-28T12:00+13:45 [2]",
		},
	}, {
		name:  "Chatham fall-back at 03:45: a 03:00 handoff takes the first 03:00",
		zone:  "Pacific/Chatham",
		layer: daily(At(3, 0), "2025-04-04T03:00+13:45"),
		from:  "2025-04-04T03:00+13:45", to: "2025-04-07T12:00+12:45",
		want: []string{
			"2025-04-04T03:00+13:45 2025-04-05T03:00+13:45 [1]",
			"2025-04-05T03:00+13:45 2025-04-06T03:00+13:45 [2]",
			"2025-04-06T03:00+13:45 2025-04-07T03:00+12:45 [1]",
			"2025-04-07T03:00+12:45 2025-04-07T12:00+12:45 [2]",
		},
	}, {
		name:  "Sydney April fall-back: a 02:30 handoff takes the first 02:30",
		zone:  "Australia/Sydney",
		layer: daily(At(2, 30), "2025-04-04T02:30+11:00"),
		from:  "2025-04-04T02:30+11:00", to: "2025-04-07T12:00+10:00",
		want: []string{
			"2025-04-04T02:30+11:00 2025-04-05T02:30+11:00 [1]",
			"2025-04-05T02:30+11:00 2025-04-06T02:30+11:00 [2]",
			"2025-04-06T02:30+11:00 2025-04-07T02:30+10:00 [1]",
			"2025-04-07T02:30+10:00 2025-04-07T12:00+10:00 [2]",
		},
	}, {
		name:  "Sydney October spring-forward: a 02:30 handoff moves to 03:00",
		zone:  "Australia/Sydney",
		layer: daily(At(2, 30), "2025-10-03T02:30+10:00"),
		from:  "2025-10-03T02:30+10:00", to: "2025-10-06T12:00+11:00",
		want: []string{
			"2025-10-03T02:30+10:00 2025-10-04T02:30+10:00 [1]",
			"2025-10-04T02:30+10:00 2025-10-05T03:00+11:00 [2]",
			"2025-10-05T03:00+11:00 2025-10-06T02:30+11:00 [1]",
			"2025-10-06T02:30+11:00 2025-10-06T12:00+11:00 [2]",
		},
	}, {
		name:  "Kolkata's half-hour offset: weekly Monday 09:00 handoffs",
		zone:  "Asia/Kolkata",
		layer: Layer{Participants: []UserID{1, 2}, Every: 1, Unit: Weeks, HandoffDay: time.Monday, Handoff: At(9, 0), Start: mustTime("2025-06-04T12:00+05:30")},
		from:  "2025-06-04T12:00+05:30", to: "2025-06-17T00:00+05:30",
		want: []string{
			"2025-06-04T12:00+05:30 2025-06-09T09:00+05:30 [1]",
			"2025-06-09T09:00+05:30 2025-06-16T09:00+05:30 [2]",
			"2025-06-16T09:00+05:30 2025-06-17T00:00+05:30 [1]",
		},
	}, {
		name:  "12-hour turns keep 08:00 and 20:00: the spring-forward night turn lasts 11 hours",
		zone:  "America/New_York",
		layer: Layer{Participants: []UserID{1, 2}, Every: 12, Unit: Hours, Start: mustTime("2025-03-08T08:00-05:00")},
		from:  "2025-03-08T08:00-05:00", to: "2025-03-09T20:00-04:00",
		want: []string{
			"2025-03-08T08:00-05:00 2025-03-08T20:00-05:00 [1]",
			"2025-03-08T20:00-05:00 2025-03-09T08:00-04:00 [2]",
			"2025-03-09T08:00-04:00 2025-03-09T20:00-04:00 [1]",
		},
	}, {
		name:  "hourly turns: the turn inside the spring-forward gap has no time but is counted",
		zone:  "America/New_York",
		layer: Layer{Participants: []UserID{1, 2, 3}, Every: 1, Unit: Hours, Start: mustTime("2025-03-09T00:00-05:00")},
		from:  "2025-03-09T00:00-05:00", to: "2025-03-09T05:00-04:00",
		want: []string{
			"2025-03-09T00:00-05:00 2025-03-09T01:00-05:00 [1]",
			"2025-03-09T01:00-05:00 2025-03-09T03:00-04:00 [2]",
			"2025-03-09T03:00-04:00 2025-03-09T04:00-04:00 [1]",
			"2025-03-09T04:00-04:00 2025-03-09T05:00-04:00 [2]",
		},
	}, {
		name:  "hourly turns: the fall-back repeated hour belongs to the 01:00 turn",
		zone:  "America/New_York",
		layer: Layer{Participants: []UserID{1, 2, 3}, Every: 1, Unit: Hours, Start: mustTime("2025-11-02T00:00-04:00")},
		from:  "2025-11-02T00:00-04:00", to: "2025-11-02T04:00-05:00",
		want: []string{
			"2025-11-02T00:00-04:00 2025-11-02T01:00-04:00 [1]",
			"2025-11-02T01:00-04:00 2025-11-02T02:00-05:00 [2]",
			"2025-11-02T02:00-05:00 2025-11-02T03:00-05:00 [3]",
			"2025-11-02T03:00-05:00 2025-11-02T04:00-05:00 [1]",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fmtShifts(LayerShifts(tt.layer, zone(t, tt.zone), mustTime(tt.from), mustTime(tt.to)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("LayerShifts:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
		})
	}
}

// TestDailyTurnLasts23Or25HoursOnDSTDays checks the lengths, not only the ends.
func TestDailyTurnLasts23Or25HoursOnDSTDays(t *testing.T) {
	ny := zone(t, "America/New_York")
	l := Layer{Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: At(9, 0), Start: mustTime("2025-01-01T09:00-05:00")}
	for _, tt := range []struct {
		from string
		want time.Duration
	}{
		{"2025-03-08T09:00-05:00", 23 * time.Hour},
		{"2025-03-09T09:00-04:00", 24 * time.Hour},
		{"2025-11-01T09:00-04:00", 25 * time.Hour},
		{"2025-11-02T09:00-05:00", 24 * time.Hour},
	} {
		from := mustTime(tt.from)
		shifts := LayerShifts(l, ny, from, from.Add(48*time.Hour))
		if len(shifts) == 0 || !shifts[0].Start.Equal(from) {
			t.Fatalf("turn at %s: got %v", tt.from, fmtShifts(shifts))
		}
		if got := shifts[0].End.Sub(shifts[0].Start); got != tt.want {
			t.Errorf("turn from %s lasts %v, want %v", tt.from, got, tt.want)
		}
	}
}

// TestOnCallAtAroundTheGap asks at the instants either side of the moved handoff.
func TestOnCallAtAroundTheGap(t *testing.T) {
	s := Schedule{Location: zone(t, "America/New_York"), Layers: []Layer{{
		Participants: []UserID{1, 2}, Every: 1, Unit: Days, Handoff: At(2, 30), Start: mustTime("2025-03-08T02:30-05:00"),
	}}}
	for _, tt := range []struct {
		at   string
		want []UserID
	}{
		{"2025-03-09T01:59:59-05:00", []UserID{1}}, // the last second before the gap
		{"2025-03-09T06:59:59Z", []UserID{1}},
		{"2025-03-09T07:00:00Z", []UserID{2}},
		{"2025-03-09T03:00-04:00", []UserID{2}},
	} {
		if got := OnCallAt(s, mustTime(tt.at)); !slices.Equal(got, tt.want) {
			t.Errorf("OnCallAt(%s) = %v, want %v", tt.at, got, tt.want)
		}
	}
}
