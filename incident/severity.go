package incident

import (
	"context"
	"fmt"

	"github.com/tocsin/tocsin/ent"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/severitylevel"
	"github.com/tocsin/tocsin/viewer"
)

// MaxCadenceMinutes bounds a severity's update cadence (a week).
const MaxCadenceMinutes = 7 * 24 * 60

// SeverityChange edits a severity level; nil fields stay as they are.
type SeverityChange struct {
	Description    *string
	CadenceMinutes *int
}

// UpdateSeverityLevel changes what a severity means and its update
// cadence (admins only). A missing row is created from the defaults.
// Open incidents keep their due time until their next update or severity
// change.
func UpdateSeverityLevel(ctx context.Context, c *ent.Client, level entincident.Severity, ch SeverityChange) (*ent.SeverityLevel, error) {
	if v := viewer.FromContext(ctx); v == nil {
		return nil, viewer.ErrUnauthenticated
	} else if !v.System && !v.IsAdmin() {
		return nil, privacy.Denyf("%s may not change severity levels", v.Role)
	}
	if err := checkSeverity("level", level); err != nil {
		return nil, err
	}
	if ch.Description != nil {
		if err := tooLong("description", *ch.Description, 1000); err != nil {
			return nil, err
		}
	}
	if m := ch.CadenceMinutes; m != nil && (*m < 0 || *m > MaxCadenceMinutes) {
		return nil, &InvalidError{Field: "updateCadenceMinutes", Reason: fmt.Sprintf("must be between 0 (no cadence) and %d", MaxCadenceMinutes)}
	}
	lvl, err := c.SeverityLevel.Query().Where(severitylevel.LevelEQ(severitylevel.Level(level))).Only(ctx)
	if ent.IsNotFound(err) {
		create := c.SeverityLevel.Create().SetLevel(severitylevel.Level(level)).
			SetUpdateCadenceMinutes(int(DefaultCadence[level].Minutes()))
		if ch.Description != nil {
			create.SetDescription(*ch.Description)
		}
		if ch.CadenceMinutes != nil {
			create.SetUpdateCadenceMinutes(*ch.CadenceMinutes)
		}
		return create.Save(ctx)
	}
	if err != nil {
		return nil, err
	}
	u := lvl.Update()
	if ch.Description != nil {
		u.SetDescription(*ch.Description)
	}
	if ch.CadenceMinutes != nil {
		u.SetUpdateCadenceMinutes(*ch.CadenceMinutes)
	}
	return u.Save(ctx)
}
