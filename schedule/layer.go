package schedule

import (
	"context"
	"strconv"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/oncall"
)

// LayerInput is a layer as the API sends it (GraphQL ScheduleLayerInput).
type LayerInput struct {
	Name string
	// Position orders the layers, bottom first; nil puts a new layer on top
	// and leaves an existing one where it is.
	Position       *int
	ParticipantIDs []int
	ShiftLength    int
	ShiftUnit      schedulelayer.ShiftUnit
	StartAt        time.Time
	EndAt          *time.Time
	// HandoffTime is "HH:MM" (default 09:00); HandoffDay is for weekly turns
	// (default Monday).
	HandoffTime  *string
	HandoffDay   *Weekday
	Restrictions []Restriction
}

// layerFields names oncall.Layer's fields as LayerInput's.
var layerFields = map[string]string{
	"Participants": "participantIDs", "Every": "shiftLength", "Unit": "shiftUnit", "Start": "startAt",
	"End": "endAt", "Handoff": "handoffTime", "HandoffDay": "handoffDay", "Restrictions": "restrictions",
}

// check validates in against oncall's rules and the team, and returns the
// values to store.
func (in LayerInput) check(ctx context.Context, c *ent.Client, scheduleID int) (oncall.Layer, error) {
	if in.Name == "" {
		return oncall.Layer{}, invalid("name", "must not be empty")
	}
	l := oncall.Layer{Name: in.Name, Every: in.ShiftLength, Start: in.StartAt, Handoff: oncall.At(9, 0), HandoffDay: time.Monday}
	if l.Unit = unitOf(in.ShiftUnit); l.Unit == 0 {
		return l, invalid("shiftUnit", "must be HOURS, DAYS or WEEKS")
	}
	if in.EndAt != nil {
		l.End = *in.EndAt
	}
	if in.HandoffTime != nil {
		h, err := parseClock("handoffTime", *in.HandoffTime)
		if err != nil {
			return l, err
		}
		l.Handoff = h
	}
	if in.HandoffDay != nil {
		d, ok := in.HandoffDay.Time()
		if !ok {
			return l, invalid("handoffDay", "%q is not a weekday", *in.HandoffDay)
		}
		l.HandoffDay = d
	}
	for i, r := range in.Restrictions {
		w, err := r.window(fieldIndex("restrictions", i))
		if err != nil {
			return l, err
		}
		l.Restrictions = append(l.Restrictions, w)
	}
	members, err := teamMembers(ctx, c, scheduleID)
	if err != nil {
		return l, err
	}
	for i, id := range in.ParticipantIDs {
		if !members[id] {
			return l, invalid(fieldIndex("participantIDs", i), "user %d is not a member of the schedule's team", id)
		}
		l.Participants = append(l.Participants, oncall.UserID(id))
	}
	return l, firstInvalid(l.Validate(), layerFields)
}

// CreateLayer adds a layer to a schedule, on top unless in.Position says.
func (s *Schedules) CreateLayer(ctx context.Context, scheduleID int, in LayerInput) (*ent.ScheduleLayer, error) {
	var row *ent.ScheduleLayer
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		// Reading the schedule first answers NOT_FOUND for a wrong id.
		if _, err := c.Schedule.Get(ctx, scheduleID); err != nil {
			return err
		}
		l, bad := in.check(ctx, c, scheduleID)
		pos := 0
		if in.Position != nil {
			pos = *in.Position
		} else if top, err := c.ScheduleLayer.Query().Where(schedulelayer.ScheduleID(scheduleID)).
			Aggregate(ent.Max(schedulelayer.FieldPosition)).Int(ctx); err == nil {
			pos = top + 1
		}
		var err error
		row, err = c.ScheduleLayer.Create().SetScheduleID(scheduleID).SetPosition(pos).
			SetName(in.Name).SetParticipantIds(in.ParticipantIDs).SetShiftLength(in.ShiftLength).SetShiftUnit(in.ShiftUnit).
			SetStartAt(in.StartAt).SetNillableEndAt(in.EndAt).SetHandoffTime(l.Handoff.String()).
			SetHandoffDay(int(l.HandoffDay)).SetRestrictions(l.Restrictions).Save(ctx)
		return writtenThenChecked(err, bad)
	})
	return row, err
}

// UpdateLayer replaces a layer's settings with in.
func (s *Schedules) UpdateLayer(ctx context.Context, id int, in LayerInput) (*ent.ScheduleLayer, error) {
	var row *ent.ScheduleLayer
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		old, err := c.ScheduleLayer.Get(ctx, id)
		if err != nil {
			return err
		}
		l, bad := in.check(ctx, c, old.ScheduleID)
		u := c.ScheduleLayer.UpdateOne(old).
			SetName(in.Name).SetParticipantIds(in.ParticipantIDs).SetShiftLength(in.ShiftLength).SetShiftUnit(in.ShiftUnit).
			SetStartAt(in.StartAt).SetHandoffTime(l.Handoff.String()).
			SetHandoffDay(int(l.HandoffDay)).SetRestrictions(l.Restrictions)
		if in.Position != nil {
			u.SetPosition(*in.Position)
		}
		if in.EndAt != nil {
			u.SetEndAt(*in.EndAt)
		} else {
			u.ClearEndAt()
		}
		row, err = u.Save(ctx)
		return writtenThenChecked(err, bad)
	})
	return row, err
}

// DeleteLayer removes a layer.
func (s *Schedules) DeleteLayer(ctx context.Context, id int) error {
	return s.client(ctx).ScheduleLayer.DeleteOneID(id).Exec(ctx)
}

// Layers returns a schedule's layers, bottom first.
func (s *Schedules) Layers(ctx context.Context, scheduleID int) ([]*ent.ScheduleLayer, error) {
	return s.client(ctx).ScheduleLayer.Query().Where(schedulelayer.ScheduleID(scheduleID)).
		Order(ent.Asc(schedulelayer.FieldPosition), ent.Asc(schedulelayer.FieldID)).All(ctx)
}

func fieldIndex(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}
