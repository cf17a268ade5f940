package stakeholder

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/predicate"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// HandleDigest sends one person their digest of one period (deliver).
func (s *Stakeholders) HandleDigest(ctx context.Context, t *asynq.Task) error {
	var d DigestPeriod
	if err := decode(t, &d); err != nil {
		return err
	}
	if d.Digest == "" { // queued before the payload named it
		d.Digest = stakeholderpreference.DigestHOURLY
		if d.End.Sub(d.Start) > time.Hour {
			d.Digest = stakeholderpreference.DigestDAILY
		}
	}
	start := d.Start
	m, err := plan(viewer.System(ctx), s.Client, d.UserID, digestEvent(d.Digest), int(d.End.Unix()), &start, d.End.Add(digestSettle))
	if err != nil {
		return err
	}
	return s.deliver(ctx, m)
}

// digest writes the digest m is for: every incident declared, every
// incident that came to affect a service u follows and every stakeholder
// update posted in the period, on what u follows now; nil when the period
// was quiet.
func (s *Stakeholders) digest(sys context.Context, m *ent.StakeholderMessage, u *ent.User) (*message, error) {
	d := DigestPeriod{UserID: u.ID, Start: *m.PeriodStart, End: time.Unix(int64(m.EventID), 0)}
	follows, err := s.follows(sys, u.ID)
	if err != nil {
		return nil, err
	}
	declared, err := s.Client.Incident.Query().Where(follows.incident(false),
		incident.CreatedAtGTE(d.Start), incident.CreatedAtLT(d.End)).Order(incident.ByCreatedAt()).IDs(sys)
	if err != nil {
		return nil, err
	}
	updates, err := s.Client.StatusUpdate.Query().Where(
		statusupdate.AudienceIn(statusupdate.AudienceSTAKEHOLDER, statusupdate.AudiencePUBLIC),
		statusupdate.CreatedAtGTE(d.Start), statusupdate.CreatedAtLT(d.End),
		statusupdate.HasIncidentWith(follows.incident(true)),
		statusupdate.Or(statusupdate.AuthorIDIsNil(), statusupdate.AuthorIDNEQ(u.ID)),
	).Order(statusupdate.ByCreatedAt(), statusupdate.ByID()).All(sys)
	if err != nil {
		return nil, err
	}
	newly, affecting, err := s.newlyAffecting(sys, follows, d)
	if err != nil {
		return nil, err
	}
	// One section per incident, in the order they first appear.
	var order []int
	byIncident := map[int][]*ent.StatusUpdate{}
	isNew := map[int]bool{}
	for _, id := range declared {
		order, isNew[id] = append(order, id), true
		byIncident[id] = nil
	}
	nowAffects := 0 // incidents declared before the period that came to affect a followed service in it
	for _, id := range newly {
		if !isNew[id] { // a new one's summary names all its services
			order = append(order, id)
			byIncident[id] = nil
			nowAffects++
		}
	}
	for _, up := range updates {
		if _, ok := byIncident[up.IncidentID]; !ok {
			order = append(order, up.IncidentID)
		}
		byIncident[up.IncidentID] = append(byIncident[up.IncidentID], up)
	}
	if len(order) == 0 {
		return nil, nil
	}
	loc := location(u.TimeZone)
	var b strings.Builder
	fmt.Fprintf(&b, "Hello %s,\n\nHere is what happened on the incidents you follow between %s and %s.\n",
		u.Name, d.Start.In(loc).Format(timeLayout), d.End.In(loc).Format(timeLayout))
	for _, id := range order {
		a, err := s.describe(sys, id)
		if err != nil {
			return nil, err
		}
		b.WriteString("\n")
		switch {
		case isNew[id]:
			b.WriteString("New incident:\n")
		case len(affecting[id]) > 0:
			fmt.Fprintf(&b, "Now affects %s, which you follow:\n", strings.Join(affecting[id], ", "))
		}
		b.WriteString(s.summary(a, loc))
		for _, up := range byIncident[id] {
			fmt.Fprintf(&b, "\n  %s, %s:\n  %s\n", up.CreatedAt.In(loc).Format(timeLayout),
				StatusInWords(incidentStatus(up.Status)), indent(up.Message))
		}
	}
	b.WriteString(s.footer("You get this digest because you follow these incidents or their services."))
	subject := fmt.Sprintf("Incident digest: %d update(s) on %d incident(s)", len(updates), len(order))
	switch {
	case len(declared) > 0 && nowAffects > 0:
		subject = fmt.Sprintf("Incident digest: %d new incident(s), %d now affect your services, %d update(s)",
			len(declared), nowAffects, len(updates))
	case len(declared) > 0:
		subject = fmt.Sprintf("Incident digest: %d new incident(s), %d update(s)", len(declared), len(updates))
	case nowAffects > 0 && len(updates) > 0:
		subject = fmt.Sprintf("Incident digest: %d incident(s) now affect your services, %d update(s)", nowAffects, len(updates))
	case nowAffects > 0:
		subject = fmt.Sprintf("Incident digest: %d incident(s) now affect your services", nowAffects)
	}
	return &message{subject: subject, text: b.String(), key: fmt.Sprintf("tocsin-stakeholder-digest-%d-%d", u.ID, d.End.Unix()),
		page: notify.Page{IncidentID: order[0], Message: subject, Urgency: notify.UrgencyLow, Link: s.BaseURL + "/"}}, nil
}

// followed is what one person follows.
type followed struct {
	user      int
	services  []int
	incidents []int
}

func (s *Stakeholders) follows(sys context.Context, userID int) (*followed, error) {
	subs, err := s.Client.StakeholderSubscription.Query().Where(stakeholdersubscription.UserID(userID)).All(sys)
	if err != nil {
		return nil, err
	}
	f := &followed{user: userID}
	for _, sub := range subs {
		if sub.ServiceID != nil {
			f.services = append(f.services, *sub.ServiceID)
		}
		if sub.IncidentID != nil {
			f.incidents = append(f.incidents, *sub.IncidentID)
		}
	}
	return f, nil
}

// incident matches the incidents the person follows (members: also those
// they were added to as a stakeholder).
func (f *followed) incident(members bool) predicate.Incident {
	or := []predicate.Incident{incident.IDIn(f.incidents...), incident.HasServicesWith(service.IDIn(f.services...))}
	if members {
		or = append(or, incident.HasMembersWith(incidentmember.UserID(f.user), incidentmember.RoleEQ(incidentmember.RoleSTAKEHOLDER)))
	}
	return incident.Or(or...)
}
