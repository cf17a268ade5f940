package incident

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/viewer"
)

// Incidents runs the incident lifecycle: declare, link alerts, severity,
// status, roles, responders (paged through the alert lifecycle and its
// Pager), stakeholders, notes and status updates. Each change writes its
// incident timeline event in the same transaction; responders and admins
// change, stakeholders only read (the entities' privacy policies).
type Incidents struct {
	Alerts    *Alerts
	Announcer Announcer
	Now       func() time.Time
}

// NewIncidents returns Incidents on the alert lifecycle, on its clock (also
// when that is replaced later) and with a silent announcer.
func NewIncidents(alerts *Alerts) *Incidents {
	return &Incidents{Alerts: alerts, Announcer: SilentAnnouncer{}, Now: func() time.Time { return alerts.Now() }}
}

// Limits on incident fields.
const (
	MaxTitle         = 500
	MaxSummary       = 15000
	MaxUpdateMessage = 10000
	MaxLinked        = 100
)

// Declaration is a new incident.
type Declaration struct {
	Title, Summary string
	// Severity defaults to SEV3.
	Severity entincident.Severity
	// ServiceIDs are the affected services; the linked alerts' services
	// are added to them.
	ServiceIDs []int
	// AlertIDs are open or acknowledged alerts the incident starts from.
	AlertIDs []int
	// CommanderID leads the response; 0: whoever declares.
	CommanderID int
}

func (d *Declaration) validate() error {
	d.Title = strings.TrimSpace(d.Title)
	if d.Title == "" {
		return &InvalidError{Field: "title", Reason: "is required"}
	}
	if err := tooLong("title", d.Title, MaxTitle); err != nil {
		return err
	}
	if err := tooLong("summary", d.Summary, MaxSummary); err != nil {
		return err
	}
	if d.Severity == "" {
		d.Severity = entincident.SeveritySEV3
	}
	if err := checkSeverity("severity", d.Severity); err != nil {
		return err
	}
	if len(d.AlertIDs) > 0 { // optional: from scratch
		return checkIDs("alertIDs", "alert", d.AlertIDs)
	}
	return nil
}

func checkSeverity(field string, s entincident.Severity) error {
	if entincident.SeverityValidator(s) != nil {
		return &InvalidError{Field: field, Reason: fmt.Sprintf("%q is not one of SEV1, SEV2, SEV3, SEV4", s)}
	}
	return nil
}

// Declare opens an incident from alerts or from scratch. The commander
// (the declarer unless one is named) is its first member, and an update
// is due one cadence from now.
func (s *Incidents) Declare(ctx context.Context, by Actor, d Declaration) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if err := d.validate(); err != nil {
		return nil, err
	}
	commander := d.CommanderID
	if commander == 0 {
		commander = by.UserID
	}
	var out *ent.Incident
	err := s.Alerts.inTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		now := s.Now()
		alerts, err := linkable(ctx, tx, 0, "alertIDs", d.AlertIDs)
		if err != nil {
			return err
		}
		services := append([]int(nil), d.ServiceIDs...)
		for _, a := range alerts {
			services = append(services, a.ServiceID)
		}
		services = unique(services)
		if n, err := tx.Service.Query().Where(service.IDIn(services...)).Count(ctx); err != nil {
			return err
		} else if n != len(services) {
			return &InvalidError{Field: "serviceIDs", Reason: "names a service that does not exist"}
		}
		var lead *ent.User
		if commander != 0 {
			if lead, err = responderUser(ctx, tx, "commanderID", commander); err != nil {
				return err
			}
		}
		inc, err := tx.Incident.Create().SetTitle(d.Title).SetSummary(d.Summary).SetSeverity(d.Severity).
			AddServiceIDs(services...).SetCreatedAt(now).SetUpdatedAt(now).Save(ctx)
		if err != nil {
			return err
		}
		if due, err := nextUpdateDue(ctx, tx, inc, now); err != nil {
			return err
		} else if due != nil {
			if inc, err = tx.Incident.UpdateOne(inc).SetNextUpdateDueAt(*due).Save(ctx); err != nil {
				return err
			}
		}
		data := map[string]any{"title": inc.Title, "severity": string(inc.Severity), "status": string(inc.Status)}
		if err := recordIncident(ctx, tx, inc.ID, by, KindIncidentDeclared, timelineevent.VisibilitySTAKEHOLDER, now, data); err != nil {
			return err
		}
		if lead != nil {
			if err := s.setRole(ctx, tx, inc, by, lead, roleCommander, now); err != nil {
				return err
			}
		}
		if err := s.link(ctx, tx, inc, by, alerts, now); err != nil {
			return err
		}
		out = inc
		s.Alerts.afterCommit(tx, func() { s.Announcer.IncidentDeclared(context.WithoutCancel(ctx), inc.ID) })
		return nil
	})
	return out, err
}

// change locks the incident (touching it runs its privacy policy, so a
// caller who may not change incidents learns nothing more) and applies one
// step in a transaction.
func (s *Incidents) change(ctx context.Context, id int, step func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error)) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	var out *ent.Incident
	err := s.Alerts.inTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		now := s.Now()
		inc, err := tx.Incident.UpdateOneID(id).SetUpdatedAt(now).Save(ctx)
		if err != nil {
			return err
		}
		out, err = step(ctx, tx, inc, now)
		return err
	})
	return out, err
}

// recordIncident writes one event on an incident's timeline.
func recordIncident(ctx context.Context, tx *ent.Tx, incidentID int, by Actor, kind string, vis timelineevent.Visibility, at time.Time, data map[string]any) error {
	_, err := incidentEvent(ctx, tx, incidentID, by, kind, vis, at, data)
	return err
}

// incidentEvent writes one event on an incident's timeline and returns it
// (for a caller that announces it after commit).
func incidentEvent(ctx context.Context, tx *ent.Tx, incidentID int, by Actor, kind string, vis timelineevent.Visibility, at time.Time, data map[string]any) (*ent.TimelineEvent, error) {
	if data == nil {
		data = map[string]any{}
	}
	c := tx.TimelineEvent.Create().SetIncidentID(incidentID).SetKind(kind).SetActorType(by.Type).SetActorName(by.Name).
		SetVisibility(vis).SetData(data).SetCreatedAt(at)
	if by.UserID != 0 {
		c.SetActorID(by.UserID)
	}
	return c.Save(ctx)
}

// SetSeverity changes the severity; the next update is due by the new
// severity's cadence, counted from the last stakeholder update.
func (s *Incidents) SetSeverity(ctx context.Context, by Actor, id int, sev entincident.Severity) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if err := checkSeverity("severity", sev); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		if inc.Severity == sev {
			return nil, &StateError{Reason: "Incident is already " + string(sev)}
		}
		was := inc.Severity
		inc.Severity = sev
		due, err := nextUpdateDue(ctx, tx, inc, inc.CreatedAt)
		if err != nil {
			return nil, err
		}
		u := tx.Incident.UpdateOne(inc).SetSeverity(sev)
		if due != nil {
			u.SetNextUpdateDueAt(*due)
		} else {
			u.ClearNextUpdateDueAt()
		}
		if inc, err = u.Save(ctx); err != nil {
			return nil, err
		}
		data := map[string]any{"from": string(was), "to": string(sev)}
		return inc, recordIncident(ctx, tx, inc.ID, by, KindSeverityChanged, timelineevent.VisibilitySTAKEHOLDER, now, data)
	})
}

// SetStatus moves the incident through INVESTIGATING, IDENTIFIED,
// MONITORING and RESOLVED. Resolving sets resolved_at and ends the update
// cadence; a resolved incident reopens as INVESTIGATING only.
func (s *Incidents) SetStatus(ctx context.Context, by Actor, id int, st entincident.Status) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if entincident.StatusValidator(st) != nil {
		return nil, &InvalidError{Field: "status", Reason: fmt.Sprintf("%q is not one of INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED", st)}
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		if inc.Status == st {
			return nil, &StateError{Reason: "Incident is already " + statusWords[st]}
		}
		was := inc.Status
		inc, err := s.moveStatus(ctx, tx, inc, st, now)
		if err != nil {
			return nil, err
		}
		data := map[string]any{"from": string(was), "to": string(st)}
		return inc, recordIncident(ctx, tx, inc.ID, by, KindStatusChanged, timelineevent.VisibilitySTAKEHOLDER, now, data)
	})
}

// statusWords are the statuses as people say them.
var statusWords = map[entincident.Status]string{
	entincident.StatusINVESTIGATING: "investigating",
	entincident.StatusIDENTIFIED:    "identified",
	entincident.StatusMONITORING:    "monitoring",
	entincident.StatusRESOLVED:      "resolved",
}

// moveStatus applies a status change (or keeps the status) with its
// consequences for resolved_at and next_update_due_at.
func (s *Incidents) moveStatus(ctx context.Context, tx *ent.Tx, inc *ent.Incident, st entincident.Status, now time.Time) (*ent.Incident, error) {
	if inc.Status == entincident.StatusRESOLVED && st != entincident.StatusRESOLVED && st != entincident.StatusINVESTIGATING {
		return nil, &InvalidError{Field: "status", Reason: "a resolved incident reopens as INVESTIGATING"}
	}
	u := tx.Incident.UpdateOne(inc).SetStatus(st)
	switch {
	case st == entincident.StatusRESOLVED:
		if inc.Status != entincident.StatusRESOLVED {
			u.SetResolvedAt(now)
		}
		u.ClearNextUpdateDueAt()
	case inc.Status == entincident.StatusRESOLVED:
		// Reopened: stakeholders are owed an update one cadence from now.
		u.ClearResolvedAt()
		cad, err := Cadence(ctx, tx.Client(), inc.Severity)
		if err != nil {
			return nil, err
		}
		if cad > 0 {
			u.SetNextUpdateDueAt(now.Add(cad))
		} else {
			u.ClearNextUpdateDueAt()
		}
	}
	return u.Save(ctx)
}

// AddNote adds an internal note to the incident's timeline.
func (s *Incidents) AddNote(ctx context.Context, by Actor, id int, note string) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if strings.TrimSpace(note) == "" {
		return nil, &InvalidError{Field: "note", Reason: "is required"}
	}
	if err := checkNote(note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		return inc, recordIncident(ctx, tx, inc.ID, by, KindNoteAdded, timelineevent.VisibilityINTERNAL, now, map[string]any{"note": note})
	})
}

// responderUser is an active user who may respond (admins and responders;
// stakeholders are never paged or put in charge).
func responderUser(ctx context.Context, tx *ent.Tx, field string, id int) (*ent.User, error) {
	u, err := tx.User.Get(viewer.System(ctx), id)
	if ent.IsNotFound(err) {
		return nil, &InvalidError{Field: field, Reason: "no such user"}
	}
	if err != nil {
		return nil, err
	}
	if u.Disabled {
		return nil, &InvalidError{Field: field, Reason: u.Name + " is disabled"}
	}
	if !u.Role.CanRespond() {
		return nil, &InvalidError{Field: field, Reason: u.Name + " is a stakeholder and cannot respond"}
	}
	return u, nil
}

func unique(ids []int) []int {
	seen := map[int]bool{}
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// priorityOf is the priority of an incident's responder page.
func priorityOf(sev entincident.Severity) alert.Priority {
	return map[entincident.Severity]alert.Priority{
		entincident.SeveritySEV1: alert.PriorityP1, entincident.SeveritySEV2: alert.PriorityP2,
		entincident.SeveritySEV3: alert.PriorityP3, entincident.SeveritySEV4: alert.PriorityP4,
	}[sev]
}
