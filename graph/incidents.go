package graph

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/graph/model"
	"github.com/tocsin/tocsin/incident"
)

func (r *Resolver) now() time.Time {
	if r.Incidents != nil && r.Incidents.Now != nil {
		return r.Incidents.Now()
	}
	return time.Now()
}

// memberUser is the holder of a single-holder role, or nil.
func (r *Resolver) memberUser(ctx context.Context, obj *ent.Incident, role incidentmember.Role) (*ent.User, error) {
	u, err := obj.QueryMembers().Where(incidentmember.RoleEQ(role)).QueryUser().First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return u, err
}

// incidentChange runs one incident change as the viewer.
func (r *Resolver) incidentChange(ctx context.Context, do func(by incident.Actor) (*ent.Incident, error)) (*ent.Incident, error) {
	by, err := r.actor(ctx)
	if err != nil {
		return nil, err
	}
	return do(by)
}

func (r *Resolver) declareIncident(ctx context.Context, in model.DeclareIncidentInput) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) {
		d := incident.Declaration{Title: in.Title, Summary: deref(in.Summary), ServiceIDs: in.ServiceIDs, AlertIDs: in.AlertIDs}
		if in.Severity != nil {
			d.Severity = *in.Severity
		}
		if in.CommanderID != nil {
			d.CommanderID = *in.CommanderID
		}
		return r.Incidents.Declare(ctx, by, d)
	})
}

func (r *Resolver) linkAlerts(ctx context.Context, id int, alertIDs []int) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) { return r.Incidents.LinkAlerts(ctx, by, id, alertIDs) })
}

func (r *Resolver) addIncidentServices(ctx context.Context, id int, serviceIDs []int) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) {
		return r.Incidents.AddServices(ctx, by, id, serviceIDs)
	})
}

func (r *Resolver) unlinkAlerts(ctx context.Context, id int, alertIDs []int) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) {
		return r.Incidents.UnlinkAlerts(ctx, by, id, alertIDs)
	})
}

func (r *Resolver) removeIncidentServices(ctx context.Context, id int, serviceIDs []int) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) {
		return r.Incidents.RemoveServices(ctx, by, id, serviceIDs)
	})
}

func (r *Resolver) setIncidentSeverity(ctx context.Context, id int, sev entincident.Severity) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) { return r.Incidents.SetSeverity(ctx, by, id, sev) })
}

func (r *Resolver) setIncidentStatus(ctx context.Context, id int, st entincident.Status) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) { return r.Incidents.SetStatus(ctx, by, id, st) })
}

func (r *Resolver) assignIncidentRole(ctx context.Context, id, userID int, role incidentmember.Role) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) {
		return r.Incidents.AssignRole(ctx, by, id, userID, role)
	})
}

// memberChange names the membership mutations that take (incident, user).
type memberChange int

const (
	memberResponder memberChange = iota
	memberFollow
	memberUnfollow
)

func (r *Resolver) incidentMember(ctx context.Context, id, userID int, change memberChange) (*ent.Incident, error) {
	do := map[memberChange]func(context.Context, incident.Actor, int, int) (*ent.Incident, error){
		memberResponder: r.Incidents.AddResponder, memberFollow: r.Incidents.AddStakeholder, memberUnfollow: r.Incidents.RemoveStakeholder,
	}[change]
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) { return do(ctx, by, id, userID) })
}

func (r *Resolver) addIncidentNote(ctx context.Context, id int, note string) (*ent.Incident, error) {
	return r.incidentChange(ctx, func(by incident.Actor) (*ent.Incident, error) { return r.Incidents.AddNote(ctx, by, id, note) })
}

func (r *Resolver) postStatusUpdate(ctx context.Context, id int, msg string, st entincident.Status, aud statusupdate.Audience) (*ent.StatusUpdate, error) {
	by, err := r.actor(ctx)
	if err != nil {
		return nil, err
	}
	return r.Incidents.PostStatusUpdate(ctx, by, id, incident.Update{Message: msg, Status: st, Audience: aud})
}

func (r *Resolver) updateSeverityLevel(ctx context.Context, level entincident.Severity, desc *string, cadence *int) (*ent.SeverityLevel, error) {
	return incident.UpdateSeverityLevel(ctx, r.Client, level, incident.SeverityChange{Description: desc, CadenceMinutes: cadence})
}
