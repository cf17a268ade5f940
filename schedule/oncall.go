package schedule

import (
	"context"
	"slices"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/schedule"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/team"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/oncall"
)

// OnCall is who is on call in a schedule at an instant, until when, and who
// comes next (GraphQL OnCall).
type OnCall struct {
	Schedule *ent.Schedule
	// UserIDs are on call now, sorted; empty if nobody.
	UserIDs []int
	// Until is the next handoff (nil if nothing ever changes); NextUserIDs
	// are on call from then.
	Until       *time.Time
	NextUserIDs []int
}

// OnCallAt returns who is on call in schedule id at t.
func (s *Schedules) OnCallAt(ctx context.Context, id int, t time.Time) ([]int, error) {
	sched, err := s.Load(ctx, id, t, t.Add(time.Nanosecond))
	if err != nil {
		return nil, err
	}
	return userIDs(oncall.OnCallAt(sched, t)), nil
}

// OnCallNow answers OnCall for each schedule at the store's clock.
func (s *Schedules) OnCallNow(ctx context.Context, rows []*ent.Schedule) ([]*OnCall, error) {
	now := s.now()
	scheds, err := s.LoadAll(ctx, rows, now, time.Time{})
	if err != nil {
		return nil, err
	}
	out := make([]*OnCall, 0, len(rows))
	for i, sched := range scheds {
		oc := &OnCall{Schedule: rows[i], UserIDs: userIDs(oncall.OnCallAt(sched, now))}
		if next, ok := oncall.NextHandoff(sched, now); ok {
			oc.Until = &next
			oc.NextUserIDs = userIDs(oncall.OnCallAt(sched, next))
		}
		out = append(out, oc)
	}
	return out, nil
}

// TeamOnCall answers OnCall for each of a team's schedules, by name.
func (s *Schedules) TeamOnCall(ctx context.Context, teamID int) ([]*OnCall, error) {
	rows, err := s.client(ctx).Schedule.Query().Where(schedule.TeamID(teamID)).Order(ent.Asc(schedule.FieldName)).All(ctx)
	if err != nil {
		return nil, err
	}
	return s.OnCallNow(ctx, rows)
}

// ServiceOnCall answers OnCall for the schedules that would be paged for a
// service: for now, those of the team that owns it (escalation policies
// will choose later).
func (s *Schedules) ServiceOnCall(ctx context.Context, serviceID int) ([]*OnCall, error) {
	rows, err := s.client(ctx).Service.Query().Where(service.ID(serviceID)).QueryTeam().QuerySchedules().
		Order(ent.Asc(schedule.FieldName)).All(ctx)
	if err != nil {
		return nil, err
	}
	return s.OnCallNow(ctx, rows)
}

// UserOnCall answers OnCall for the schedules in which the user is on call now.
func (s *Schedules) UserOnCall(ctx context.Context, userID int) ([]*OnCall, error) {
	rows, err := s.userSchedules(ctx, userID)
	if err != nil {
		return nil, err
	}
	all, err := s.OnCallNow(ctx, rows)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(oc *OnCall) bool { return !slices.Contains(oc.UserIDs, userID) }), nil
}

// Shifts is the final schedule (layers merged, overrides applied) during
// [from, to).
func (s *Schedules) Shifts(ctx context.Context, id int, from, to time.Time) ([]oncall.Shift, error) {
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	sched, err := s.Load(ctx, id, from, to)
	if err != nil {
		return nil, err
	}
	return oncall.Shifts(sched, from, to), nil
}

// LayerShifts is one layer alone during [from, to), in its schedule's zone.
func (s *Schedules) LayerShifts(ctx context.Context, l *ent.ScheduleLayer, from, to time.Time) ([]oncall.Shift, error) {
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	row, err := s.client(ctx).Schedule.Get(ctx, l.ScheduleID)
	if err != nil {
		return nil, err
	}
	loc, err := Location(row)
	if err != nil {
		return nil, err
	}
	shifts := oncall.LayerShifts(LayerOf(l), loc, from, to)
	for i := range shifts {
		shifts[i].Schedule = oncall.ScheduleID(row.ID)
	}
	return shifts, nil
}

// UserShifts is when the user is on call during [from, to) in any schedule
// of their teams.
func (s *Schedules) UserShifts(ctx context.Context, userID int, from, to time.Time) ([]oncall.Shift, error) {
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	rows, err := s.userSchedules(ctx, userID)
	if err != nil {
		return nil, err
	}
	scheds, err := s.LoadAll(ctx, rows, from, to)
	if err != nil {
		return nil, err
	}
	return oncall.UserShifts(scheds, oncall.UserID(userID), from, to), nil
}

// userSchedules are the schedules of the user's teams, by name: only team
// members can be participants or put on call by an override.
func (s *Schedules) userSchedules(ctx context.Context, userID int) ([]*ent.Schedule, error) {
	return s.client(ctx).Schedule.Query().
		Where(schedule.HasTeamWith(team.HasMembersWith(user.ID(userID)))).
		Order(ent.Asc(schedule.FieldName)).All(ctx)
}

func userIDs(us []oncall.UserID) []int {
	out := make([]int, len(us))
	for i, u := range us {
		out[i] = int(u)
	}
	return out
}
