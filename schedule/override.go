package schedule

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/oncall"
	"github.com/tocsin/tocsin/viewer"
)

// OverrideInput is an override as the API sends it (GraphQL
// ScheduleOverrideInput): REPLACE puts UserOnID in place of UserOffID, ADD
// puts UserOnID beside whoever is on call, REMOVE takes UserOffID off.
type OverrideInput struct {
	Kind      scheduleoverride.Kind
	StartsAt  time.Time
	EndsAt    time.Time
	UserOnID  *int
	UserOffID *int
	Note      *string
}

// overrideFields names oncall.Override's fields as OverrideInput's.
var overrideFields = map[string]string{
	"Kind": "kind", "Start": "startsAt", "End": "endsAt", "On": "userOnID", "Off": "userOffID",
}

func (in OverrideInput) check(ctx context.Context, c *ent.Client, scheduleID int) error {
	o := oncall.Override{Start: in.StartsAt, End: in.EndsAt}
	switch in.Kind {
	case scheduleoverride.KindREPLACE:
		o.Kind = oncall.Replace
	case scheduleoverride.KindADD:
		o.Kind = oncall.Add
	case scheduleoverride.KindREMOVE:
		o.Kind = oncall.Remove
	}
	if in.UserOnID != nil {
		o.On = oncall.UserID(*in.UserOnID)
	}
	if in.UserOffID != nil {
		o.Off = oncall.UserID(*in.UserOffID)
	}
	if err := firstInvalid(o.Validate(), overrideFields); err != nil {
		return err
	}
	if o.Kind == oncall.Remove && in.UserOnID != nil {
		return invalid("userOnID", "a REMOVE override puts nobody on call")
	}
	if o.Kind == oncall.Add && in.UserOffID != nil {
		return invalid("userOffID", "an ADD override takes nobody off call")
	}
	if in.UserOnID != nil {
		members, err := teamMembers(ctx, c, scheduleID)
		if err != nil {
			return err
		}
		if !members[*in.UserOnID] {
			return invalid("userOnID", "user %d is not a member of the schedule's team", *in.UserOnID)
		}
	}
	return nil
}

// CreateOverride adds an override to a schedule. It applies after (wins
// over) every override created before it.
func (s *Schedules) CreateOverride(ctx context.Context, scheduleID int, in OverrideInput) (*ent.ScheduleOverride, error) {
	var row *ent.ScheduleOverride
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		if _, err := c.Schedule.Get(ctx, scheduleID); err != nil {
			return err
		}
		bad := in.check(ctx, c, scheduleID)
		create := c.ScheduleOverride.Create().SetScheduleID(scheduleID).SetKind(in.Kind).
			SetStartsAt(in.StartsAt).SetEndsAt(in.EndsAt).
			SetNillableUserOnID(in.UserOnID).SetNillableUserOffID(in.UserOffID).SetNillableNote(in.Note)
		if v := viewer.FromContext(ctx); v != nil && v.UserID != 0 {
			create.SetCreatedByID(v.UserID)
		}
		var err error
		row, err = create.Save(ctx)
		return writtenThenChecked(err, bad)
	})
	return row, err
}

// DeleteOverride removes an override.
func (s *Schedules) DeleteOverride(ctx context.Context, id int) error {
	return s.client(ctx).ScheduleOverride.DeleteOneID(id).Exec(ctx)
}

// Overrides returns a schedule's overrides that overlap [from, to), in the
// order they apply.
func (s *Schedules) Overrides(ctx context.Context, scheduleID int, from, to time.Time) ([]*ent.ScheduleOverride, error) {
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	return s.client(ctx).ScheduleOverride.Query().
		Where(scheduleoverride.ScheduleID(scheduleID), scheduleoverride.EndsAtGT(from), scheduleoverride.StartsAtLT(to)).
		Order(ent.Asc(scheduleoverride.FieldID)).All(ctx)
}
