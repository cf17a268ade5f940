package incident

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/viewer"
)

// The roles of incident members.
const (
	roleCommander   = incidentmember.RoleCOMMANDER
	roleCommsLead   = incidentmember.RoleCOMMS_LEAD
	roleResponder   = incidentmember.RoleRESPONDER
	roleStakeholder = incidentmember.RoleSTAKEHOLDER
)

// AssignRole makes a responder the incident's commander or communications
// lead; each role has one holder, so assigning replaces the last one.
func (s *Incidents) AssignRole(ctx context.Context, by Actor, id, userID int, role incidentmember.Role) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if role != roleCommander && role != roleCommsLead {
		return nil, &InvalidError{Field: "role", Reason: "must be COMMANDER or COMMS_LEAD (add responders and stakeholders with their own actions)"}
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		u, err := responderUser(ctx, tx, "userID", userID)
		if err != nil {
			return nil, err
		}
		return inc, s.setRole(ctx, tx, inc, by, u, role, now)
	})
}

// setRole gives u a single-holder role, replacing whoever held it.
func (s *Incidents) setRole(ctx context.Context, tx *ent.Tx, inc *ent.Incident, by Actor, u *ent.User, role incidentmember.Role, now time.Time) error {
	old, err := tx.IncidentMember.Query().Where(incidentmember.IncidentID(inc.ID), incidentmember.RoleEQ(role)).WithUser().All(ctx)
	if err != nil {
		return err
	}
	data := map[string]any{"role": string(role), "user_id": u.ID, "user": u.Name}
	for _, m := range old {
		if m.UserID == u.ID {
			return &StateError{Reason: fmt.Sprintf("%s is already the %s", u.Name, roleWords[role])}
		}
		if m.Edges.User != nil {
			data["replaced"] = m.Edges.User.Name
		}
		if err := tx.IncidentMember.DeleteOne(m).Exec(ctx); err != nil {
			return err
		}
	}
	if err := addMember(ctx, tx, inc.ID, u.ID, role, by, now); err != nil {
		return err
	}
	return recordIncident(ctx, tx, inc.ID, by, KindRoleAssigned, timelineevent.VisibilityINTERNAL, now, data)
}

var roleWords = map[incidentmember.Role]string{
	roleCommander: "commander", roleCommsLead: "communications lead", roleResponder: "responder", roleStakeholder: "stakeholder",
}

func addMember(ctx context.Context, tx *ent.Tx, incidentID, userID int, role incidentmember.Role, by Actor, now time.Time) error {
	c := tx.IncidentMember.Create().SetIncidentID(incidentID).SetUserID(userID).SetRole(role).SetAddedAt(now)
	if by.UserID != 0 {
		c.SetAddedByID(by.UserID)
	}
	return c.Exec(ctx)
}

func isMember(ctx context.Context, tx *ent.Tx, incidentID, userID int, role incidentmember.Role) (bool, error) {
	return tx.IncidentMember.Query().
		Where(incidentmember.IncidentID(incidentID), incidentmember.UserID(userID), incidentmember.RoleEQ(role)).Exist(ctx)
}

// AddResponder asks a person to join the response and pages them, as
// Opsgenie does: an alert "Responder requested: <title>" on the incident's
// first affected service, whose escalation pages exactly that person
// (page_user_id), linked to the incident.
func (s *Incidents) AddResponder(ctx context.Context, by Actor, id, userID int) (*ent.Incident, error) {
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		u, err := responderUser(ctx, tx, "userID", userID)
		if err != nil {
			return nil, err
		}
		if in, err := isMember(ctx, tx, inc.ID, u.ID, roleResponder); err != nil {
			return nil, err
		} else if in {
			return nil, &StateError{Reason: u.Name + " is already a responder"}
		}
		svc, err := firstService(ctx, tx, inc)
		if err != nil {
			return nil, err
		}
		if err := addMember(ctx, tx, inc.ID, u.ID, roleResponder, by, now); err != nil {
			return nil, err
		}
		page, err := s.pageResponder(ctx, tx, inc, svc, u, by, now)
		if err != nil {
			return nil, err
		}
		data := map[string]any{"user_id": u.ID, "user": u.Name, "alert_id": page.ID}
		return inc, recordIncident(ctx, tx, inc.ID, by, KindResponderAdded, timelineevent.VisibilityINTERNAL, now, data)
	})
}

// pageResponder opens the alert that pages u, due for escalation now; the
// paging engine is woken once the transaction commits.
func (s *Incidents) pageResponder(ctx context.Context, tx *ent.Tx, inc *ent.Incident, svc *ent.Service, u *ent.User, by Actor, now time.Time) (*ent.Alert, error) {
	msg := truncate("Responder requested: "+inc.Title, MaxMessage-1)
	desc := fmt.Sprintf("%s asks %s to join incident %q (%s).", by.Name, u.Name, inc.Title, inc.Severity)
	if by.Name == "" {
		desc = fmt.Sprintf("%s is asked to join incident %q (%s).", u.Name, inc.Title, inc.Severity)
	}
	// The alert is written as the system: a responder may add a person to
	// an incident without being able to open alerts on every service.
	a, err := tx.Alert.Create().SetServiceID(svc.ID).SetAlias(fmt.Sprintf("incident-%d-responder-%d-%d", inc.ID, u.ID, now.UnixMilli())).
		SetMessage(msg).SetDescription(desc).SetSource("Tocsin incident").SetPriority(priorityOf(inc.Severity)).
		SetIncidentID(inc.ID).SetPageUserID(u.ID).SetFirstOccurredAt(now).SetLastOccurredAt(now).
		SetCreatedAt(now).SetUpdatedAt(now).SetEscalationDueAt(now).Save(viewer.System(ctx))
	if err != nil {
		return nil, err
	}
	if err := record(viewer.System(ctx), tx, a, by, KindCreated, now, nil); err != nil {
		return nil, err
	}
	s.Alerts.afterCommit(tx, func() { s.Alerts.Pager.Opened(context.WithoutCancel(ctx), a.ID, now) })
	return a, nil
}

// AddStakeholder makes a person (of any role) follow the incident: they
// hear of its stakeholder updates.
func (s *Incidents) AddStakeholder(ctx context.Context, by Actor, id, userID int) (*ent.Incident, error) {
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		u, err := tx.User.Get(viewer.System(ctx), userID)
		if ent.IsNotFound(err) {
			return nil, &InvalidError{Field: "userID", Reason: "no such user"}
		}
		if err != nil {
			return nil, err
		}
		if in, err := isMember(ctx, tx, inc.ID, u.ID, roleStakeholder); err != nil {
			return nil, err
		} else if in {
			return nil, &StateError{Reason: u.Name + " already follows this incident"}
		}
		if err := addMember(ctx, tx, inc.ID, u.ID, roleStakeholder, by, now); err != nil {
			return nil, err
		}
		data := map[string]any{"user_id": u.ID, "user": u.Name}
		return inc, recordIncident(ctx, tx, inc.ID, by, KindStakeholderAdded, timelineevent.VisibilityINTERNAL, now, data)
	})
}

// RemoveStakeholder stops a person following the incident.
func (s *Incidents) RemoveStakeholder(ctx context.Context, by Actor, id, userID int) (*ent.Incident, error) {
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		m, err := tx.IncidentMember.Query().Where(incidentmember.IncidentID(inc.ID), incidentmember.UserID(userID),
			incidentmember.RoleEQ(roleStakeholder)).WithUser().Only(ctx)
		if ent.IsNotFound(err) {
			return nil, &InvalidError{Field: "userID", Reason: "is not a stakeholder of this incident"}
		}
		if err != nil {
			return nil, err
		}
		if err := tx.IncidentMember.DeleteOne(m).Exec(ctx); err != nil {
			return nil, err
		}
		data := map[string]any{"user_id": userID}
		if m.Edges.User != nil {
			data["user"] = m.Edges.User.Name
		}
		return inc, recordIncident(ctx, tx, inc.ID, by, KindStakeholderRemoved, timelineevent.VisibilityINTERNAL, now, data)
	})
}
