package incident

import (
	"context"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/ent/timelineevent"
)

// Update is a status update to post.
type Update struct {
	Message string
	// Status is the incident's status from now on (it may stay the same).
	Status entincident.Status
	// Audience: INTERNAL (responders), STAKEHOLDER, or PUBLIC (the status page too).
	Audience statusupdate.Audience
}

func (u *Update) validate() error {
	u.Message = strings.TrimSpace(u.Message)
	if u.Message == "" {
		return &InvalidError{Field: "message", Reason: "is required"}
	}
	if err := tooLong("message", u.Message, MaxUpdateMessage); err != nil {
		return err
	}
	if entincident.StatusValidator(u.Status) != nil {
		return &InvalidError{Field: "status", Reason: "must be one of INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED"}
	}
	if statusupdate.AudienceValidator(u.Audience) != nil {
		return &InvalidError{Field: "audience", Reason: "must be one of INTERNAL, STAKEHOLDER, PUBLIC"}
	}
	return nil
}

// PostStatusUpdate posts an update and sets the incident's status with
// it. A STAKEHOLDER or PUBLIC update restarts the cadence: the next one is
// due one cadence from now (none once resolved). The timeline event has
// the update's audience as its visibility; the Announcer hears of it
// after the commit.
func (s *Incidents) PostStatusUpdate(ctx context.Context, by Actor, id int, up Update) (*ent.StatusUpdate, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if err := up.validate(); err != nil {
		return nil, err
	}
	var out *ent.StatusUpdate
	_, err := s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		was := inc.Status
		inc, err := s.moveStatus(ctx, tx, inc, up.Status, now)
		if err != nil {
			return nil, err
		}
		if was != inc.Status {
			// Stakeholders see every status change, even one posted with an internal update.
			data := map[string]any{"from": string(was), "to": string(inc.Status)}
			if err := recordIncident(ctx, tx, inc.ID, by, KindStatusChanged, timelineevent.VisibilitySTAKEHOLDER, now, data); err != nil {
				return nil, err
			}
		}
		c := tx.StatusUpdate.Create().SetIncidentID(inc.ID).SetMessage(up.Message).
			SetStatus(statusupdate.Status(up.Status)).SetAudience(up.Audience).SetAuthorName(by.Name).SetCreatedAt(now)
		if by.UserID != 0 {
			c.SetAuthorID(by.UserID)
		}
		if out, err = c.Save(ctx); err != nil {
			return nil, err
		}
		if up.Audience != statusupdate.AudienceINTERNAL {
			due, err := nextUpdateDue(ctx, tx, inc, now)
			if err != nil {
				return nil, err
			}
			u := tx.Incident.UpdateOne(inc)
			if due != nil {
				u.SetNextUpdateDueAt(*due)
			} else {
				u.ClearNextUpdateDueAt()
			}
			if inc, err = u.Save(ctx); err != nil {
				return nil, err
			}
		}
		data := map[string]any{"update_id": out.ID, "message": up.Message, "status": string(up.Status), "audience": string(up.Audience)}
		if err := recordIncident(ctx, tx, inc.ID, by, KindStatusUpdate, timelineevent.Visibility(up.Audience), now, data); err != nil {
			return nil, err
		}
		update := out.ID
		s.Alerts.afterCommit(tx, func() { s.Announcer.StatusUpdatePosted(context.WithoutCancel(ctx), update) })
		return inc, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
