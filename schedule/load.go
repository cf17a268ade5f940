package schedule

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/schedule"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/oncall"
)

// Load reads schedule id as an oncall.Schedule: its zone, layers bottom
// first, and the overrides that overlap [from, to) in creation order (a zero
// to means no end).
func (s *Schedules) Load(ctx context.Context, id int, from, to time.Time) (oncall.Schedule, error) {
	row, err := s.client(ctx).Schedule.Get(ctx, id)
	if err != nil {
		return oncall.Schedule{}, err
	}
	return s.load(ctx, row, from, to)
}

// LoadAll reads schedules as Load does, in the given order.
func (s *Schedules) LoadAll(ctx context.Context, rows []*ent.Schedule, from, to time.Time) ([]oncall.Schedule, error) {
	out := make([]oncall.Schedule, 0, len(rows))
	for _, r := range rows {
		o, err := s.load(ctx, r, from, to)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

func (s *Schedules) load(ctx context.Context, row *ent.Schedule, from, to time.Time) (oncall.Schedule, error) {
	loc, err := oncall.LoadZone(row.TimeZone)
	if err != nil {
		return oncall.Schedule{}, fmt.Errorf("schedule %d: %w", row.ID, err)
	}
	c := s.client(ctx)
	layers, err := c.ScheduleLayer.Query().Where(schedulelayer.ScheduleID(row.ID)).
		Order(ent.Asc(schedulelayer.FieldPosition), ent.Asc(schedulelayer.FieldID)).All(ctx)
	if err != nil {
		return oncall.Schedule{}, err
	}
	// PostgreSQL keeps microseconds and rounds a parameter's nanoseconds, so
	// [from, to) is widened to whole microseconds here (the sweep clips to
	// the exact instants): OnCallAt's [t, t+1ns) would otherwise round to
	// an empty window and miss an override that starts at t.
	q := c.ScheduleOverride.Query().Where(scheduleoverride.ScheduleID(row.ID),
		scheduleoverride.EndsAtGT(from.Truncate(time.Microsecond)))
	if !to.IsZero() {
		q.Where(scheduleoverride.StartsAtLT(ceilMicrosecond(to)))
	}
	overrides, err := q.Order(ent.Asc(scheduleoverride.FieldID)).All(ctx)
	if err != nil {
		return oncall.Schedule{}, err
	}
	out := oncall.Schedule{ID: oncall.ScheduleID(row.ID), Name: row.Name, Location: loc}
	for _, l := range layers {
		out.Layers = append(out.Layers, LayerOf(l))
	}
	for _, o := range overrides {
		out.Overrides = append(out.Overrides, overrideOf(o))
	}
	return out, nil
}

// Location returns the schedule's zone.
func Location(row *ent.Schedule) (*time.Location, error) { return oncall.LoadZone(row.TimeZone) }

// LayerOf converts a layer row. A row that cannot be read (a hand-edited
// handoff time) gives a layer that oncall treats as invalid: nobody.
func LayerOf(l *ent.ScheduleLayer) oncall.Layer {
	out := oncall.Layer{
		Name:       l.Name,
		Every:      l.ShiftLength,
		Unit:       unitOf(l.ShiftUnit),
		Start:      l.StartAt,
		HandoffDay: time.Weekday(l.HandoffDay),
	}
	for _, id := range l.ParticipantIds {
		out.Participants = append(out.Participants, oncall.UserID(id))
	}
	if l.EndAt != nil {
		out.End = *l.EndAt
	}
	if c, err := parseClock("handoffTime", l.HandoffTime); err == nil {
		out.Handoff = c
	} else {
		out.Handoff = oncall.Clock{Hour: -1}
	}
	out.Restrictions = l.Restrictions
	return out
}

// Restrictions shows a layer's restriction windows as the API does.
func Restrictions(l *ent.ScheduleLayer) []Restriction {
	out := make([]Restriction, 0, len(l.Restrictions))
	for _, w := range l.Restrictions {
		out = append(out, restrictionOf(w))
	}
	return out
}

// HandoffDay is a layer's handoff weekday as the API names it.
func HandoffDay(l *ent.ScheduleLayer) Weekday { return WeekdayOf(time.Weekday(l.HandoffDay)) }

func unitOf(u schedulelayer.ShiftUnit) oncall.Unit {
	switch u {
	case schedulelayer.ShiftUnitHOURS:
		return oncall.Hours
	case schedulelayer.ShiftUnitDAYS:
		return oncall.Days
	case schedulelayer.ShiftUnitWEEKS:
		return oncall.Weeks
	}
	return 0
}

func overrideOf(o *ent.ScheduleOverride) oncall.Override {
	out := oncall.Override{Start: o.StartsAt, End: o.EndsAt}
	switch o.Kind {
	case scheduleoverride.KindREPLACE:
		out.Kind = oncall.Replace
	case scheduleoverride.KindADD:
		out.Kind = oncall.Add
	case scheduleoverride.KindREMOVE:
		out.Kind = oncall.Remove
	}
	if o.UserOnID != nil {
		out.On = oncall.UserID(*o.UserOnID)
	}
	if o.UserOffID != nil {
		out.Off = oncall.UserID(*o.UserOffID)
	}
	return out
}

// firstInvalid turns oncall's validation errors into the API's: the first
// *oncall.InvalidError, its field renamed by names (or kept).
func firstInvalid(err error, names map[string]string) error {
	var inv *oncall.InvalidError
	if err == nil || !errors.As(err, &inv) {
		return err
	}
	// "Restrictions[0].Length": rename the head, lower-case the rest.
	head, rest := inv.Field, ""
	if i := strings.IndexAny(head, ".["); i >= 0 {
		head, rest = head[:i], head[i:]
	}
	if n, ok := names[head]; ok {
		head = n
	}
	if i := strings.LastIndex(rest, "."); i >= 0 && i+1 < len(rest) {
		rest = rest[:i+1] + strings.ToLower(rest[i+1:i+2]) + rest[i+2:]
	}
	return invalid(head+rest, "%s", inv.Reason)
}

// teamMembers is the set of user ids on the schedule's team.
func teamMembers(ctx context.Context, c *ent.Client, scheduleID int) (map[int]bool, error) {
	ids, err := c.Schedule.Query().Where(schedule.ID(scheduleID)).QueryTeam().QueryMembers().IDs(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[int]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m, nil
}

// ceilMicrosecond rounds t up to PostgreSQL's resolution.
func ceilMicrosecond(t time.Time) time.Time {
	if d := t.Truncate(time.Microsecond); !d.Equal(t) {
		return d.Add(time.Microsecond)
	}
	return t
}
