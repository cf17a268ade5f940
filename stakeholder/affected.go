package stakeholder

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/stakeholdermessage"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/ent/user"
	incidents "github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
)

// An incident under way can come to affect more services (a responder
// adds them, or links an alert of another service): its SERVICES_ADDED
// timeline event is the AFFECTED event, told to the people who follow an
// added service and did not follow the incident before — one message
// each, nobody twice, and nobody once the incident is resolved.

// affected is one SERVICES_ADDED event as a stakeholder hears of it.
type affected struct {
	ev  *ent.TimelineEvent
	inc *ent.Incident
	// added are the services the event added that the incident still
	// affects (one removed since is no news).
	added []int
}

// loadAffected reads the SERVICES_ADDED event id and its incident.
func (s *Stakeholders) loadAffected(sys context.Context, id int) (*affected, error) {
	ev, err := s.Client.TimelineEvent.Get(sys, id)
	if err != nil {
		return nil, notCommitted(err, "timeline event", id)
	}
	if ev.Kind != incidents.KindServicesAdded || ev.IncidentID == nil {
		return nil, fmt.Errorf("timeline event %d is %s, not an incident's %s: %w", id, ev.Kind, incidents.KindServicesAdded, asynq.SkipRetry)
	}
	inc, err := s.Client.Incident.Query().Where(incident.ID(*ev.IncidentID)).WithServices().Only(sys)
	if err != nil {
		return nil, notCommitted(err, "incident", *ev.IncidentID)
	}
	a := &affected{ev: ev, inc: inc}
	for _, id := range serviceIDsOf(ev) {
		if slices.ContainsFunc(inc.Edges.Services, func(svc *ent.Service) bool { return svc.ID == id }) {
			a.added = append(a.added, id)
		}
	}
	return a, nil
}

// newcomers are the people told of a: those subscribed to an added
// service, but not to the incident, nor to a service it affected before
// (those heard of it already), nor added to it as a stakeholder, nor told
// of its declaration (a declaration fanned out late names the added
// services too); disabled users never. Resolved: nobody.
func (s *Stakeholders) newcomers(sys context.Context, a *affected) ([]int, error) {
	if a.inc.Status == incident.StatusRESOLVED || len(a.added) == 0 {
		return nil, nil
	}
	// Before this event the incident affected what it affects now but for
	// what this event and later ones added.
	later, err := s.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(a.inc.ID),
		timelineevent.Kind(incidents.KindServicesAdded), timelineevent.IDGT(a.ev.ID)).All(sys)
	if err != nil {
		return nil, err
	}
	since := slices.Clone(a.added)
	for _, ev := range later {
		since = append(since, serviceIDsOf(ev)...)
	}
	var before []int
	for _, svc := range a.inc.Edges.Services {
		if !slices.Contains(since, svc.ID) {
			before = append(before, svc.ID)
		}
	}
	subscribers, err := s.Client.StakeholderSubscription.Query().
		Where(stakeholdersubscription.ServiceIDIn(a.added...)).
		Unique(true).Select(stakeholdersubscription.FieldUserID).Ints(sys)
	if err != nil || len(subscribers) == 0 {
		return nil, err
	}
	following, err := s.Client.StakeholderSubscription.Query().
		Where(stakeholdersubscription.UserIDIn(subscribers...), stakeholdersubscription.Or(
			stakeholdersubscription.IncidentID(a.inc.ID),
			stakeholdersubscription.ServiceIDIn(before...),
		)).Unique(true).Select(stakeholdersubscription.FieldUserID).Ints(sys)
	if err != nil {
		return nil, err
	}
	members, err := s.Client.IncidentMember.Query().
		Where(incidentmember.IncidentID(a.inc.ID), incidentmember.RoleEQ(incidentmember.RoleSTAKEHOLDER),
			incidentmember.UserIDIn(subscribers...)).
		Unique(true).Select(incidentmember.FieldUserID).Ints(sys)
	if err != nil {
		return nil, err
	}
	told, err := s.Client.StakeholderMessage.Query().
		Where(stakeholdermessage.EventEQ(stakeholdermessage.EventDECLARED), stakeholdermessage.EventID(a.inc.ID),
			stakeholdermessage.UserIDIn(subscribers...)).
		Select(stakeholdermessage.FieldUserID).Ints(sys)
	if err != nil {
		return nil, err
	}
	known := append(append(following, members...), told...)
	return s.Client.User.Query().Where(user.IDIn(subscribers...), user.IDNotIn(known...), user.Disabled(false)).
		Order(user.ByID()).IDs(sys)
}

// composeAffected writes the message of an AFFECTED event for u: "Incident
// ‹title› (SEV2, investigating) now affects Checkout"; nil when there is
// nothing to tell any more (resolved, or the services removed again).
func (s *Stakeholders) composeAffected(sys context.Context, e Event, u *ent.User) (*message, error) {
	af, err := s.loadAffected(sys, e.ID)
	if err != nil {
		return nil, err
	}
	if af.inc.Status == incident.StatusRESOLVED || len(af.added) == 0 {
		return nil, nil
	}
	names, err := s.serviceNames(sys, af.added)
	if err != nil {
		return nil, err
	}
	a, err := s.describe(sys, af.inc.ID)
	if err != nil {
		return nil, err
	}
	why, err := s.why(sys, u.ID, a)
	if err != nil {
		return nil, err
	}
	now := strings.Join(names, ", ")
	subject := fmt.Sprintf("Incident %s (%s, %s) now affects %s", a.inc.Title, a.inc.Severity,
		strings.ToLower(statusShort(a.inc.Status)), now)
	var b strings.Builder
	fmt.Fprintf(&b, "Hello %s,\n\nAn incident already under way now affects %s as well:\n\n", u.Name, now)
	b.WriteString(s.summary(a, location(u.TimeZone)))
	if a.inc.Summary != "" {
		fmt.Fprintf(&b, "\nWhat we know:\n%s\n", a.inc.Summary)
	}
	b.WriteString(s.footer(why))
	return &message{subject: subject, text: b.String(),
		key: fmt.Sprintf("tocsin-stakeholder-%s-%d-%d", e.Kind, e.ID, u.ID),
		page: notify.Page{
			IncidentID: a.inc.ID, Priority: string(a.inc.Severity), Service: now, Urgency: notify.UrgencyLow,
			Link: s.link(a.inc.ID), Message: subject, Description: a.inc.Summary,
		}}, nil
}

// newlyAffecting are the digest's "now affects a service you follow"
// items: for each incident f follows that came to affect one of f's
// services in [start, end) (by a SERVICES_ADDED event), the names of those
// services, and the incidents in the order they came to.
func (s *Stakeholders) newlyAffecting(sys context.Context, f *followed, d DigestPeriod) (order []int, names map[int][]string, err error) {
	if len(f.services) == 0 {
		return nil, nil, nil
	}
	// Timeline events have no index by time: look among the events of the
	// followed incidents that changed since the period began (adding
	// services updates the incident).
	incs, err := s.Client.Incident.Query().Where(f.incident(false), incident.UpdatedAtGTE(d.Start)).IDs(sys)
	if err != nil || len(incs) == 0 {
		return nil, nil, err
	}
	evs, err := s.Client.TimelineEvent.Query().Where(timelineevent.IncidentIDIn(incs...),
		timelineevent.Kind(incidents.KindServicesAdded), timelineevent.CreatedAtGTE(d.Start), timelineevent.CreatedAtLT(d.End)).
		Order(timelineevent.ByCreatedAt(), timelineevent.ByID()).All(sys)
	if err != nil {
		return nil, nil, err
	}
	names = map[int][]string{}
	for _, ev := range evs {
		var mine []int
		for _, id := range serviceIDsOf(ev) {
			if slices.Contains(f.services, id) {
				mine = append(mine, id)
			}
		}
		if len(mine) == 0 || ev.IncidentID == nil {
			continue
		}
		n, err := s.serviceNames(sys, mine)
		if err != nil {
			return nil, nil, err
		}
		id := *ev.IncidentID
		if _, ok := names[id]; !ok {
			order = append(order, id)
		}
		names[id] = append(names[id], n...)
	}
	return order, names, nil
}

// serviceNames are the names of the services, by name.
func (s *Stakeholders) serviceNames(sys context.Context, ids []int) ([]string, error) {
	return s.Client.Service.Query().Where(service.IDIn(ids...)).Order(service.ByName()).
		Select(service.FieldName).Strings(sys)
}

// serviceIDsOf reads a SERVICES_ADDED event's service_ids (JSON numbers
// once read back from PostgreSQL).
func serviceIDsOf(ev *ent.TimelineEvent) []int {
	var out []int
	switch ids := ev.Data["service_ids"].(type) {
	case []any:
		for _, v := range ids {
			if f, ok := v.(float64); ok {
				out = append(out, int(f))
			}
		}
	case []int:
		out = append(out, ids...)
	}
	return out
}
