package pager

import (
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/escalation"
)

// urgencyOf is how loudly a's pages go out: by its priority and its
// service's cut (escalation.UrgencyOf), except that a request to join an
// incident (page_user_id) is always high urgency, as in PagerDuty: someone
// asked for this person by name, now, whatever the incident's severity.
// a must carry its service edge.
func urgencyOf(a *ent.Alert) escalation.Urgency {
	if a.PageUserID != nil {
		return escalation.High
	}
	return escalation.UrgencyOf(string(a.Priority), string(a.Edges.Service.HighUrgencyUpTo))
}
