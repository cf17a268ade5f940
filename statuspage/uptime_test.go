package statuspage

import (
	"strings"
	"testing"
	"time"
)

func TestUptimePerUTCDay(t *testing.T) {
	// now is 12:00 on the last day; days[89] is today, days[88] yesterday.
	yesterday := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	at := func(h, m int) time.Time {
		return yesterday.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	}
	ptr := func(t time.Time) *time.Time { return &t }
	long := t0.AddDate(-1, 0, 0)
	inc := func(sev string, from, to time.Time) Incident {
		return Incident{Title: sev + " thing", Severity: sev, Status: "RESOLVED", CreatedAt: from, ResolvedAt: ptr(to), ServiceIDs: []int{1}}
	}
	for _, tc := range []struct {
		name      string
		since     time.Time
		incidents []Incident
		windows   []Window
		day       int // index checked
		wantUp    float64
		wantWorst Status
		wantTitle string
	}{
		{"quiet day", long, nil, nil, 88, 1, Operational, "23 Nov 2026: 100.00% uptime — no incidents"},
		{"SEV1 for 144 minutes is 10% of the day", long, []Incident{inc("SEV1", at(1, 0), at(3, 24))}, nil, 88, 0.9, MajorOutage,
			"23 Nov 2026: 90.00% uptime, 2h24m0s down — SEV1 thing"},
		{"SEV2 counts", long, []Incident{inc("SEV2", at(0, 0), at(12, 0))}, nil, 88, 0.5, PartialOutage, ""},
		{"SEV3 colours but does not count", long, []Incident{inc("SEV3", at(0, 0), at(12, 0))}, nil, 88, 1, Degraded, ""},
		{"SEV4 colours but does not count", long, []Incident{inc("SEV4", at(0, 0), at(12, 0))}, nil, 88, 1, Degraded, ""},
		{"overlapping outages count once", long, []Incident{inc("SEV1", at(0, 0), at(6, 0)), inc("SEV2", at(3, 0), at(12, 0))}, nil, 88, 0.5, MajorOutage, ""},
		{"an incident over midnight splits", long, []Incident{inc("SEV1", at(18, 0), at(30, 0))}, nil, 88, 0.75, MajorOutage, ""},
		{"…and the next day gets the rest", long, []Incident{inc("SEV1", at(18, 0), at(30, 0))}, nil, 89, 0.5, MajorOutage, ""},
		{"an open incident runs to now", long, []Incident{{Title: "open", Severity: "SEV1", Status: "INVESTIGATING", CreatedAt: t0.Add(-6 * time.Hour), ServiceIDs: []int{1}}}, nil, 89, 0.5, MajorOutage, ""},
		{"maintenance does not count", long, nil, []Window{{ServiceID: 1, Start: at(2, 0), End: at(4, 0)}}, 88, 1, Maintenance,
			"23 Nov 2026: 100.00% uptime — scheduled maintenance"},
		{"an incident during maintenance still counts", long, []Incident{inc("SEV1", at(2, 0), at(8, 0))}, []Window{{ServiceID: 1, Start: at(2, 0), End: at(4, 0)}}, 88, 0.75, MajorOutage, ""},
		{"another service's incident", long, []Incident{{Severity: "SEV1", Status: "RESOLVED", CreatedAt: at(0, 0), ResolvedAt: ptr(at(12, 0)), ServiceIDs: []int{2}}}, nil, 88, 1, Operational, ""},
		{"service created at noon: half a day observed", at(12, 0), []Incident{inc("SEV1", at(12, 0), at(18, 0))}, nil, 88, 0.5, MajorOutage, ""},
		{"before the service: no data", at(12, 0), nil, nil, 87, 1, Operational, "22 Nov 2026: no data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := Uptime(1, tc.since, tc.incidents, tc.windows, t0)
			if len(h.Days) != HistoryDays {
				t.Fatalf("want %d days, got %d", HistoryDays, len(h.Days))
			}
			d := h.Days[tc.day]
			if diff := d.Uptime() - tc.wantUp; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("want uptime %v, got %v (observed %v, down %v)", tc.wantUp, d.Uptime(), d.Observed, d.Down)
			}
			if d.Worst != tc.wantWorst {
				t.Errorf("want worst %s, got %s", tc.wantWorst, d.Worst)
			}
			if tc.wantTitle != "" && d.Title() != tc.wantTitle {
				t.Errorf("want title %q, got %q", tc.wantTitle, d.Title())
			}
		})
	}
}

func TestHistoryPercentIsDownOverObservedTime(t *testing.T) {
	// The service exists since noon two days ago: 12h + 24h + 12h to now
	// = 48h observed; 4.8h down is 90%.
	since := t0.Add(-48 * time.Hour)
	from := t0.Add(-30 * time.Hour)
	to := from.Add(4*time.Hour + 48*time.Minute)
	h := Uptime(1, since, []Incident{{Severity: "SEV1", Status: "RESOLVED", CreatedAt: from, ResolvedAt: &to, ServiceIDs: []int{1}}}, nil, t0)
	if h.Percent() != "90.00%" {
		t.Errorf("want 90.00%%, got %s (%v)", h.Percent(), h.Uptime)
	}
	if !h.Days[0].NoData() || !h.Days[86].NoData() || h.Days[87].NoData() {
		t.Errorf("want no data only before the service existed")
	}
}

func TestPercentNeverRoundsDowntimeUpToAHundred(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want string
	}{{1, "100.00%"}, {0.99999, "99.99%"}, {0.5, "50.00%"}, {0, "0.00%"}} {
		if got := Percent(tc.f); got != tc.want {
			t.Errorf("%v: want %s, got %s", tc.f, tc.want, got)
		}
	}
}

func TestBuildGroupsAndOrdersComponentsAndKeepsOnlyTouchingIncidents(t *testing.T) {
	comps := []Component{
		{ID: 3, Name: "Checkout", Group: "Shop", Position: 2, ServiceID: 3, ServiceSince: t0.AddDate(-1, 0, 0)},
		{ID: 1, Name: "API", Group: "Platform", Position: 0, ServiceID: 1, ServiceSince: t0.AddDate(-1, 0, 0)},
		{ID: 2, Name: "Database", Group: "Platform", Position: 1, ServiceID: 2, ServiceSince: t0.AddDate(-1, 0, 0)},
		{ID: 4, Name: "Docs", Position: 3},
	}
	incidents := []Incident{
		{ID: 10, Title: "DB slow", Severity: "SEV3", Status: "IDENTIFIED", CreatedAt: t0.Add(-time.Hour), ServiceIDs: []int{2}},
		{ID: 11, Title: "Elsewhere", Severity: "SEV1", Status: "INVESTIGATING", CreatedAt: t0.Add(-time.Hour), ServiceIDs: []int{99}},
	}
	updates := map[int][]Update{10: {{ID: 1, Message: "first", CreatedAt: t0.Add(-50 * time.Minute)}, {ID: 2, Message: "second", CreatedAt: t0.Add(-10 * time.Minute)}}}
	windows := []Window{{ID: 5, ServiceID: 3, Start: t0.Add(time.Hour), End: t0.Add(2 * time.Hour)}, {ID: 6, ServiceID: 3, Start: t0.Add(-3 * time.Hour), End: t0.Add(-2 * time.Hour)}}
	var v View
	build(&v, comps, incidents, updates, windows, t0)
	var got []string
	for _, g := range v.Groups {
		var names []string
		for _, c := range g.Components {
			names = append(names, c.Name+"="+string(c.Status))
		}
		got = append(got, g.Name+":"+strings.Join(names, ","))
	}
	want := "Platform:API=operational,Database=degraded|Shop:Checkout=operational|:Docs=operational"
	if strings.Join(got, "|") != want {
		t.Errorf("want groups %s, got %s", want, strings.Join(got, "|"))
	}
	if v.Overall != Degraded || len(v.Active) != 1 || v.Active[0].ID != 10 || v.Active[0].Updates[0].Message != "second" {
		t.Errorf("want one active incident (10) with the newest update first and overall degraded, got %s %+v", v.Overall, v.Active)
	}
	if len(v.Maintenance) != 1 || v.Maintenance[0].ID != 5 || v.Maintenance[0].Ongoing {
		t.Errorf("want only the upcoming window 5, got %+v", v.Maintenance)
	}
}
