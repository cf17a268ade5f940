package statuspage

import "time"

// Status is a component's state as a status page shows it.
type Status string

// The statuses, from best to worst. Maintenance ranks below every incident
// status: an incident during maintenance is still shown as the incident.
const (
	Operational   Status = "operational"
	Maintenance   Status = "maintenance"
	Degraded      Status = "degraded"
	PartialOutage Status = "partial_outage"
	MajorOutage   Status = "major_outage"
)

// Label is the status in words, as readers see it.
func (s Status) Label() string {
	switch s {
	case Maintenance:
		return "Under maintenance"
	case Degraded:
		return "Degraded performance"
	case PartialOutage:
		return "Partial outage"
	case MajorOutage:
		return "Major outage"
	}
	return "Operational"
}

func (s Status) rank() int {
	switch s {
	case Maintenance:
		return 1
	case Degraded:
		return 2
	case PartialOutage:
		return 3
	case MajorOutage:
		return 4
	}
	return 0
}

// Worse reports whether s is worse than t.
func (s Status) Worse(t Status) bool { return s.rank() > t.rank() }

// ForSeverity is the status an open incident of severity sev ("SEV1" …
// "SEV4") gives the components it affects.
func ForSeverity(sev string) Status {
	switch sev {
	case "SEV1":
		return MajorOutage
	case "SEV2":
		return PartialOutage
	}
	return Degraded
}

// Incident is what the rules need of an incident.
type Incident struct {
	ID         int
	Title      string
	Severity   string // SEV1 … SEV4
	Status     string // INVESTIGATING … RESOLVED
	CreatedAt  time.Time
	ResolvedAt *time.Time
	ServiceIDs []int
}

// Open reports whether the incident is not resolved.
func (i Incident) Open() bool { return i.Status != "RESOLVED" }

// Affects reports whether the incident lists the service.
func (i Incident) Affects(serviceID int) bool {
	for _, id := range i.ServiceIDs {
		if id == serviceID {
			return true
		}
	}
	return false
}

// Window is a maintenance window [Start, End) of a service.
type Window struct {
	ID        int
	ServiceID int
	Start     time.Time
	End       time.Time
	Reason    string
}

// Covers reports whether the window covers t.
func (w Window) Covers(t time.Time) bool { return !t.Before(w.Start) && t.Before(w.End) }

// ComponentStatus is the current status of the component of a service:
// the worst open incident affecting it, else maintenance when a window
// covers now, else operational. serviceID 0 is a component without a
// service, which is always operational.
func ComponentStatus(serviceID int, incidents []Incident, windows []Window, now time.Time) Status {
	if serviceID == 0 {
		return Operational
	}
	s := Operational
	for _, in := range incidents {
		if in.Open() && in.Affects(serviceID) {
			if st := ForSeverity(in.Severity); st.Worse(s) {
				s = st
			}
		}
	}
	if s != Operational {
		return s
	}
	for _, w := range windows {
		if w.ServiceID == serviceID && w.Covers(now) {
			return Maintenance
		}
	}
	return Operational
}

// Overall is the page's headline: the worst of its components' statuses.
func Overall(statuses []Status) Status {
	s := Operational
	for _, t := range statuses {
		if t.Worse(s) {
			s = t
		}
	}
	return s
}

// Headline is the sentence at the top of a page for the overall status.
func Headline(s Status) string {
	switch s {
	case Maintenance:
		return "Scheduled maintenance in progress"
	case Degraded:
		return "Some systems are degraded"
	case PartialOutage:
		return "Partial system outage"
	case MajorOutage:
		return "Major system outage"
	}
	return "All systems operational"
}
