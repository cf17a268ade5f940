package stakeholder

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/severitylevel"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/ent/statusupdate"
)

// StatusInWords says an incident status in plain language.
func StatusInWords(s incident.Status) string {
	switch s {
	case incident.StatusINVESTIGATING:
		return "Investigating: the team is looking into it"
	case incident.StatusIDENTIFIED:
		return "Identified: the cause is known and a fix is on its way"
	case incident.StatusMONITORING:
		return "Fix deployed, monitoring"
	case incident.StatusRESOLVED:
		return "Resolved"
	}
	return string(s)
}

// statusShort is the first words of StatusInWords, for subjects.
func statusShort(s incident.Status) string {
	w, _, _ := strings.Cut(StatusInWords(s), ":")
	return w
}

const timeLayout = "Mon 2 Jan 15:04 MST"

// about is what a message says about one incident.
type about struct {
	inc      *ent.Incident
	services []string
	severity string // "SEV2: Major impact" or "SEV2"
}

// describe loads what every message about the incident says.
func (s *Stakeholders) describe(sys context.Context, incidentID int) (*about, error) {
	inc, err := s.Client.Incident.Query().Where(incident.ID(incidentID)).
		WithServices(func(q *ent.ServiceQuery) { q.Order(service.ByName()) }).Only(sys)
	if err != nil {
		return nil, notCommitted(err, "incident", incidentID)
	}
	a := &about{inc: inc, severity: string(inc.Severity)}
	for _, svc := range inc.Edges.Services {
		a.services = append(a.services, svc.Name)
	}
	lvl, err := s.Client.SeverityLevel.Query().Where(severitylevel.LevelEQ(severitylevel.Level(inc.Severity))).Only(sys)
	if err == nil && lvl.Description != "" {
		a.severity += ": " + lvl.Description
	} else if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	return a, nil
}

// link is the incident's page in the SPA.
func (s *Stakeholders) link(incidentID int) string {
	return fmt.Sprintf("%s/incidents/%d", s.BaseURL, incidentID)
}

// preferencesLink is where people change how they hear of incidents.
func (s *Stakeholders) preferencesLink() string { return s.BaseURL + "/profile#notifications" }

// summary is the block every email shows for an incident.
func (s *Stakeholders) summary(a *about, loc *time.Location) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %s\n", a.inc.Title)
	fmt.Fprintf(&b, "  Status: %s\n", StatusInWords(a.inc.Status))
	fmt.Fprintf(&b, "  Severity: %s\n", a.severity)
	if len(a.services) > 0 {
		fmt.Fprintf(&b, "  Affected services: %s\n", strings.Join(a.services, ", "))
	}
	fmt.Fprintf(&b, "  Since: %s\n", a.inc.CreatedAt.In(loc).Format(timeLayout))
	switch {
	case a.inc.Status == incident.StatusRESOLVED:
	case a.inc.NextUpdateDueAt != nil:
		fmt.Fprintf(&b, "  Next update due at: %s\n", a.inc.NextUpdateDueAt.In(loc).Format(timeLayout))
	default:
		b.WriteString("  Next update due at: none scheduled; you will hear of each update\n")
	}
	fmt.Fprintf(&b, "  Follow it live: %s\n", s.link(a.inc.ID))
	return b.String()
}

// why says why the person hears of the incident.
func (s *Stakeholders) why(sys context.Context, userID int, a *about) (string, error) {
	subs, err := s.Client.StakeholderSubscription.Query().
		Where(stakeholdersubscription.UserID(userID)).WithService().All(sys)
	if err != nil {
		return "", err
	}
	var names []string
	following := false
	for _, sub := range subs {
		if sub.IncidentID != nil && *sub.IncidentID == a.inc.ID {
			following = true
		}
		if svc := sub.Edges.Service; svc != nil && contains(a.services, svc.Name) {
			names = append(names, svc.Name)
		}
	}
	switch {
	case len(names) > 0:
		return "You get this because you follow " + strings.Join(names, ", ") + ".", nil
	case following:
		return "You get this because you follow this incident.", nil
	}
	member, err := s.Client.IncidentMember.Query().Where(incidentmember.IncidentID(a.inc.ID),
		incidentmember.UserID(userID), incidentmember.RoleEQ(incidentmember.RoleSTAKEHOLDER)).Exist(sys)
	if err != nil {
		return "", err
	}
	if member {
		return "You get this because a responder added you to this incident as a stakeholder.", nil
	}
	return "You get this because you follow this incident.", nil
}

// footer ends every email.
func (s *Stakeholders) footer(why string) string {
	return "\n" + why + "\nChange how and how often you hear about incidents, or stop following them: " +
		s.preferencesLink() + "\n"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// incidentStatus reads a status update's status as the incident's.
func incidentStatus(s statusupdate.Status) incident.Status { return incident.Status(s) }
