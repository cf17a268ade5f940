package incident

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/timelineevent"
)

// LinkAlerts adds alerts to an incident; their services become affected
// services. Alerts already in this incident are left as they are; an alert
// in another incident is refused.
func (s *Incidents) LinkAlerts(ctx context.Context, by Actor, id int, alertIDs []int) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if err := checkIDs("alertIDs", "alert", alertIDs); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		alerts, err := linkable(ctx, tx, inc.ID, "alertIDs", alertIDs)
		if err != nil {
			return nil, err
		}
		return inc, s.link(ctx, tx, inc, by, alerts, now)
	})
}

// AddServices marks more services as affected by the incident (those
// already affected are left as they are); its timeline names the new ones.
func (s *Incidents) AddServices(ctx context.Context, by Actor, id int, serviceIDs []int) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if err := checkIDs("serviceIDs", "service", serviceIDs); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		ids := unique(append([]int(nil), serviceIDs...))
		if n, err := tx.Service.Query().Where(service.IDIn(ids...)).Count(ctx); err != nil {
			return nil, err
		} else if n != len(ids) {
			return nil, &InvalidError{Field: "serviceIDs", Reason: "names a service that does not exist"}
		}
		return inc, s.affect(ctx, tx, inc, by, ids, now)
	})
}

// affect is the one home of services becoming affected after the
// declaration (AddServices, linked alerts): it adds those of serviceIDs
// not affected yet, records the stakeholder-visible SERVICES_ADDED event
// naming them (data service_ids, services), and once the transaction
// commits tells the Announcer of that event. Nothing new: nothing happens.
func (s *Incidents) affect(ctx context.Context, tx *ent.Tx, inc *ent.Incident, by Actor, serviceIDs []int, now time.Time) error {
	have, err := inc.QueryServices().IDs(ctx)
	if err != nil {
		return err
	}
	svcs, err := tx.Service.Query().Where(service.IDIn(serviceIDs...), service.IDNotIn(have...)).
		Order(ent.Asc(service.FieldID)).All(ctx)
	if err != nil || len(svcs) == 0 {
		return err
	}
	add := make([]int, len(svcs))
	names := make([]string, len(svcs))
	for i, svc := range svcs {
		add[i], names[i] = svc.ID, svc.Name
	}
	if err := tx.Incident.UpdateOne(inc).AddServiceIDs(add...).Exec(ctx); err != nil {
		return err
	}
	data := map[string]any{"service_ids": add, "services": names}
	ev, err := incidentEvent(ctx, tx, inc.ID, by, KindServicesAdded, timelineevent.VisibilitySTAKEHOLDER, now, data)
	if err != nil {
		return err
	}
	s.Alerts.afterCommit(tx, func() { s.Announcer.ServicesAffected(context.WithoutCancel(ctx), ev.ID) })
	return nil
}

// RemoveServices marks services as no longer affected (a mistaken add, or
// a suspicion that proved wrong); its timeline names them. A service with
// an alert linked to the incident stays: the alert says it is affected
// (serviceIDs names it). Services not affected are ignored.
func (s *Incidents) RemoveServices(ctx context.Context, by Actor, id int, serviceIDs []int) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if err := checkIDs("serviceIDs", "service", serviceIDs); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		svcs, err := inc.QueryServices().Where(service.IDIn(unique(append([]int(nil), serviceIDs...))...)).
			Order(ent.Asc(service.FieldID)).All(ctx)
		if err != nil || len(svcs) == 0 {
			return inc, err
		}
		ids := make([]int, len(svcs))
		names := make([]string, len(svcs))
		for i, svc := range svcs {
			ids[i], names[i] = svc.ID, svc.Name
		}
		linked, err := tx.Alert.Query().Where(alert.IncidentID(inc.ID), alert.ServiceIDIn(ids...), alert.PageUserIDIsNil()).
			WithService().First(ctx)
		if err != nil && !ent.IsNotFound(err) {
			return nil, err
		}
		if linked != nil {
			return nil, &InvalidError{Field: "serviceIDs", Reason: fmt.Sprintf("%s has alert #%d linked to this incident", linked.Edges.Service.Name, TinyID(linked.ID))}
		}
		if err := tx.Incident.UpdateOne(inc).RemoveServiceIDs(ids...).Exec(ctx); err != nil {
			return nil, err
		}
		data := map[string]any{"service_ids": ids, "services": names}
		return inc, recordIncident(ctx, tx, inc.ID, by, KindServicesRemoved, timelineevent.VisibilitySTAKEHOLDER, now, data)
	})
}

// linkable loads the alerts to link to incident id (0: a new one) and
// checks that each exists and belongs to no other incident; those already
// in the incident are dropped.
func linkable(ctx context.Context, tx *ent.Tx, id int, field string, ids []int) ([]*ent.Alert, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	ids = unique(append([]int(nil), ids...))
	alerts, err := tx.Alert.Query().Where(alert.IDIn(ids...)).Order(ent.Asc(alert.FieldID)).ForUpdate().All(ctx)
	if err != nil {
		return nil, err
	}
	if len(alerts) != len(ids) {
		return nil, &InvalidError{Field: field, Reason: "names an alert that does not exist"}
	}
	out := alerts[:0]
	for _, a := range alerts {
		switch {
		case a.IncidentID == nil:
			out = append(out, a)
		case *a.IncidentID != id:
			return nil, &InvalidError{Field: field, Reason: fmt.Sprintf("alert %d already belongs to incident %d", a.ID, *a.IncidentID)}
		}
	}
	return out, nil
}

// link puts alerts into the incident, writes one event per alert that
// both timelines show, and makes their services affected (affect: the
// SERVICES_ADDED event and its announcement; none when declaring, whose
// services already include the alerts').
func (s *Incidents) link(ctx context.Context, tx *ent.Tx, inc *ent.Incident, by Actor, alerts []*ent.Alert, now time.Time) error {
	if len(alerts) == 0 {
		return nil
	}
	var services []int
	for _, a := range alerts {
		a, err := tx.Alert.UpdateOne(a).SetIncidentID(inc.ID).Save(ctx)
		if err != nil {
			return err
		}
		services = append(services, a.ServiceID)
		// The alert's story so far (created, pages, acknowledgements) joins
		// the incident's timeline, as its later events will.
		if err := tx.TimelineEvent.Update().Where(timelineevent.AlertID(a.ID), timelineevent.IncidentIDIsNil()).
			SetIncidentID(inc.ID).Exec(ctx); err != nil {
			return err
		}
		data := map[string]any{"incident_id": inc.ID, "incident": inc.Title, "alert_id": a.ID, "message": a.Message}
		if err := record(ctx, tx, a, by, KindAlertLinked, now, data); err != nil {
			return err
		}
	}
	return s.affect(ctx, tx, inc, by, unique(services), now)
}

// firstService is the incident's first affected service (lowest id): the
// one a responder's page goes through.
func firstService(ctx context.Context, tx *ent.Tx, inc *ent.Incident) (*ent.Service, error) {
	svc, err := tx.Service.Query().Where(service.HasIncidentsWith(entincident.ID(inc.ID))).Order(ent.Asc(service.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, &InvalidError{Field: "incidentID", Reason: "the incident has no affected service to page through; link an alert or declare it with a service"}
	}
	return svc, err
}
