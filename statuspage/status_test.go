package statuspage

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

func TestComponentStatusIsTheWorstOpenIncidentElseMaintenance(t *testing.T) {
	resolved := t0.Add(-time.Hour)
	open := func(sev string, services ...int) Incident {
		return Incident{Severity: sev, Status: "INVESTIGATING", CreatedAt: t0.Add(-2 * time.Hour), ServiceIDs: services}
	}
	now := Window{ServiceID: 1, Start: t0.Add(-time.Hour), End: t0.Add(time.Hour)}
	later := Window{ServiceID: 1, Start: t0.Add(time.Hour), End: t0.Add(2 * time.Hour)}
	for _, tc := range []struct {
		name      string
		service   int
		incidents []Incident
		windows   []Window
		want      Status
	}{
		{"nothing", 1, nil, nil, Operational},
		{"SEV1", 1, []Incident{open("SEV1", 1)}, nil, MajorOutage},
		{"SEV2", 1, []Incident{open("SEV2", 1)}, nil, PartialOutage},
		{"SEV3", 1, []Incident{open("SEV3", 1)}, nil, Degraded},
		{"SEV4", 1, []Incident{open("SEV4", 1)}, nil, Degraded},
		{"worst of several", 1, []Incident{open("SEV3", 1), open("SEV1", 2, 1), open("SEV2", 1)}, nil, MajorOutage},
		{"another service's incident", 1, []Incident{open("SEV1", 2)}, nil, Operational},
		{"resolved incident", 1, []Incident{{Severity: "SEV1", Status: "RESOLVED", ResolvedAt: &resolved, ServiceIDs: []int{1}}}, nil, Operational},
		{"monitoring is still open", 1, []Incident{{Severity: "SEV2", Status: "MONITORING", ServiceIDs: []int{1}}}, nil, PartialOutage},
		{"maintenance now", 1, nil, []Window{now}, Maintenance},
		{"maintenance later", 1, nil, []Window{later}, Operational},
		{"maintenance ended at now", 1, nil, []Window{{ServiceID: 1, Start: t0.Add(-time.Hour), End: t0}}, Operational},
		{"incident outranks maintenance", 1, []Incident{open("SEV4", 1)}, []Window{now}, Degraded},
		{"no service", 0, []Incident{open("SEV1", 1)}, []Window{now}, Operational},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ComponentStatus(tc.service, tc.incidents, tc.windows, t0); got != tc.want {
				t.Errorf("want %s, got %s", tc.want, got)
			}
		})
	}
}

func TestOverallAndHeadline(t *testing.T) {
	for _, tc := range []struct {
		in   []Status
		want string
	}{
		{nil, "All systems operational"},
		{[]Status{Operational, Maintenance}, "Scheduled maintenance in progress"},
		{[]Status{Maintenance, Degraded}, "Some systems are degraded"},
		{[]Status{PartialOutage, Degraded}, "Partial system outage"},
		{[]Status{PartialOutage, MajorOutage, Operational}, "Major system outage"},
	} {
		if got := Headline(Overall(tc.in)); got != tc.want {
			t.Errorf("%v: want %q, got %q", tc.in, tc.want, got)
		}
	}
}
