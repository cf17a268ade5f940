package oncall

import (
	"slices"
	"testing"
	"time"
)

func TestValidateNamesTheField(t *testing.T) {
	ny := zone(t, "America/New_York")
	start := mustTime("2025-01-06T09:00-05:00")
	good := Layer{Participants: []UserID{1}, Every: 1, Unit: Days, Start: start}
	with := func(f func(*Layer)) Layer { l := good; f(&l); return l }
	tests := []struct {
		name string
		v    interface{ Validate() error }
		want []string
	}{
		{"a good schedule", Schedule{Location: ny, Layers: []Layer{good},
			Overrides: []Override{{Kind: Add, On: 2, Start: start, End: start.Add(time.Hour)}}}, nil},
		{"no zone", Schedule{Layers: []Layer{good}}, []string{"Location"}},
		{"the machine's zone", Schedule{Location: time.Local}, []string{"Location"}},
		{"zero shift length", with(func(l *Layer) { l.Every = 0 }), []string{"Every"}},
		{"negative shift length", with(func(l *Layer) { l.Every = -2 }), []string{"Every"}},
		{"absurd shift length", with(func(l *Layer) { l.Every, l.Unit = 1<<40, Weeks }), []string{"Every"}},
		{"no unit", with(func(l *Layer) { l.Unit = 0 }), []string{"Unit"}},
		{"no participants", with(func(l *Layer) { l.Participants = nil }), []string{"Participants"}},
		{"no start", with(func(l *Layer) { l.Start = time.Time{} }), []string{"Start"}},
		{"end before start", with(func(l *Layer) { l.End = start.Add(-time.Hour) }), []string{"End"}},
		{"end at start", with(func(l *Layer) { l.End = start }), []string{"End"}},
		{"handoff 24:00", with(func(l *Layer) { l.Handoff = At(24, 0) }), []string{"Handoff"}},
		{"handoff day 7", with(func(l *Layer) { l.HandoffDay = 7 }), []string{"HandoffDay"}},
		{"empty restriction window", with(func(l *Layer) { l.Restrictions = []Window{{Day: time.Monday, Start: At(9, 0)}} }),
			[]string{"Restrictions[0].Length"}},
		{"restriction longer than a week", with(func(l *Layer) {
			l.Restrictions = []Window{{Day: time.Monday, Length: 7*24*time.Hour + time.Minute}}
		}), []string{"Restrictions[0].Length"}},
		{"restriction of seconds", with(func(l *Layer) { l.Restrictions = []Window{{Day: time.Monday, Length: 90 * time.Second}} }),
			[]string{"Restrictions[0].Length"}},
		{"restriction starting at 09:60", with(func(l *Layer) {
			l.Restrictions = []Window{{Day: time.Monday, Length: time.Hour}, {Day: 8, Start: At(9, 60), Length: time.Hour}}
		}), []string{"Restrictions[1].Day", "Restrictions[1].Start"}},
		{"override ending before it starts", Override{Kind: Add, On: 2, Start: start, End: start.Add(-time.Minute)}, []string{"End"}},
		{"override without kind", Override{On: 2, Start: start, End: start.Add(time.Hour)}, []string{"Kind"}},
		{"replace without users", Override{Kind: Replace, Start: start, End: start.Add(time.Hour)}, []string{"On", "Off"}},
		{"remove without user", Override{Kind: Remove, Start: start, End: start.Add(time.Hour)}, []string{"Off"}},
		{"paths inside a schedule", Schedule{Location: ny,
			Layers:    []Layer{good, with(func(l *Layer) { l.Every = 0; l.Restrictions = []Window{{}} })},
			Overrides: []Override{{Kind: Add, On: 2, Start: start, End: start}},
		}, []string{"Layers[1].Every", "Layers[1].Restrictions[0].Length", "Overrides[0].End"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := invalidFields(tt.v.Validate()); !slices.Equal(got, tt.want) {
				t.Errorf("Validate() names %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoadZone(t *testing.T) {
	if loc, err := LoadZone("Pacific/Chatham"); err != nil || loc.String() != "Pacific/Chatham" {
		t.Errorf("LoadZone(Pacific/Chatham) = %v, %v", loc, err)
	}
	for _, name := range []string{"Mars/Olympus_Mons", "", "Local"} {
		_, err := LoadZone(name)
		if got := invalidFields(err); !slices.Equal(got, []string{"Location"}) {
			t.Errorf("LoadZone(%q) error names %q, want [Location]", name, got)
		}
	}
}
