package incident

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/severitylevel"
	"github.com/tocsin/tocsin/ent/statusupdate"
)

// DefaultCadence is how often an incident of each severity owes
// stakeholders an update when its severity_levels row is missing (the
// migration seeds the same values; an admin may change them).
var DefaultCadence = map[entincident.Severity]time.Duration{
	entincident.SeveritySEV1: 30 * time.Minute,
	entincident.SeveritySEV2: 60 * time.Minute,
	entincident.SeveritySEV3: 120 * time.Minute,
	entincident.SeveritySEV4: 0,
}

// Cadence is the update cadence of a severity; 0 means none is owed.
func Cadence(ctx context.Context, c *ent.Client, sev entincident.Severity) (time.Duration, error) {
	lvl, err := c.SeverityLevel.Query().Where(severitylevel.LevelEQ(severitylevel.Level(sev))).Only(ctx)
	if ent.IsNotFound(err) {
		return DefaultCadence[sev], nil
	}
	if err != nil {
		return 0, err
	}
	return time.Duration(lvl.UpdateCadenceMinutes) * time.Minute, nil
}

// nextUpdateDue is when the incident owes its next stakeholder update:
// one cadence after the last stakeholder or public update (or after since,
// when there was none); nil when resolved or the severity has no cadence.
func nextUpdateDue(ctx context.Context, tx *ent.Tx, inc *ent.Incident, since time.Time) (*time.Time, error) {
	if inc.Status == entincident.StatusRESOLVED {
		return nil, nil
	}
	cad, err := Cadence(ctx, tx.Client(), inc.Severity)
	if err != nil || cad == 0 {
		return nil, err
	}
	last, err := tx.StatusUpdate.Query().
		Where(statusupdate.IncidentID(inc.ID), statusupdate.AudienceIn(statusupdate.AudienceSTAKEHOLDER, statusupdate.AudiencePUBLIC)).
		Order(ent.Desc(statusupdate.FieldCreatedAt)).First(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	if last != nil && last.CreatedAt.After(since) {
		since = last.CreatedAt
	}
	due := since.Add(cad)
	return &due, nil
}
