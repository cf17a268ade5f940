package incident

import (
	"context"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/tocsin/tocsin/ent"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/viewer"
)

// Overdue is an incident whose stakeholder update is late, and who is
// reminded: the comms lead, else the commander (nil when it has neither).
type Overdue struct {
	Incident *ent.Incident
	DueAt    time.Time
	To       *ent.User
}

// ClaimOverdue finds incidents whose next stakeholder update was due
// before now and that were not reminded in this overdue period (one
// cadence long, counted from the due time), writes an UPDATE_OVERDUE event
// (INTERNAL) for each and returns them, for the caller to remind after the
// commit. Workers running at once skip each other's incidents (SKIP
// LOCKED), so each period is claimed once.
func ClaimOverdue(ctx context.Context, client *ent.Client, now time.Time) ([]Overdue, error) {
	ctx = viewer.System(ctx)
	tx, err := client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }()
	late, err := tx.Incident.Query().
		Where(entincident.StatusNEQ(entincident.StatusRESOLVED), entincident.NextUpdateDueAtLT(now)).
		Order(ent.Asc(entincident.FieldNextUpdateDueAt)).Limit(100).
		ForUpdate(sql.WithLockAction(sql.SkipLocked)).All(ctx)
	if err != nil {
		return nil, err
	}
	var out []Overdue
	for _, inc := range late {
		due := *inc.NextUpdateDueAt
		cad, err := Cadence(ctx, tx.Client(), inc.Severity)
		if err != nil {
			return nil, err
		}
		period := 0
		if cad > 0 {
			period = int(now.Sub(due) / cad)
		}
		dueKey := due.UTC().Format(time.RFC3339Nano)
		last, err := tx.TimelineEvent.Query().
			Where(timelineevent.IncidentID(inc.ID), timelineevent.Kind(KindUpdateOverdue)).
			Order(ent.Desc(timelineevent.FieldID)).First(ctx)
		if err != nil && !ent.IsNotFound(err) {
			return nil, err
		}
		if last != nil && last.Data["due_at"] == dueKey && last.Data["period"] == float64(period) {
			continue
		}
		to, err := remindee(ctx, tx, inc.ID)
		if err != nil {
			return nil, err
		}
		data := map[string]any{"due_at": dueKey, "period": period}
		if to != nil {
			data["reminded"], data["user_id"] = to.Name, to.ID
		}
		if err := recordIncident(ctx, tx, inc.ID, SystemActor("Tocsin"), KindUpdateOverdue, timelineevent.VisibilityINTERNAL, now, data); err != nil {
			return nil, err
		}
		out = append(out, Overdue{Incident: inc, DueAt: due, To: to})
	}
	return out, tx.Commit()
}

// remindee is the incident's comms lead, else its commander.
func remindee(ctx context.Context, tx *ent.Tx, incidentID int) (*ent.User, error) {
	for _, role := range []incidentmember.Role{roleCommsLead, roleCommander} {
		u, err := tx.IncidentMember.Query().Where(incidentmember.IncidentID(incidentID), incidentmember.RoleEQ(role)).QueryUser().First(ctx)
		if err == nil {
			return u, nil
		}
		if !ent.IsNotFound(err) {
			return nil, err
		}
	}
	return nil, nil
}
