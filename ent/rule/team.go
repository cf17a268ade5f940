package rule

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/coverrequest"
	"github.com/tocsin/tocsin/ent/maintenancewindow"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/schedule"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/team"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/viewer"
)

// A responder manages the schedules of the teams they belong to, with their
// layers, overrides and cover requests, and the maintenance windows of
// their teams' services; admins manage all (AllowIfAdmin).
// Each rule finds the teams a mutation touches (the new row's, and the
// existing rows' for updates and deletes) and allows it only if the viewer
// is a responder on every one of them.

// AllowScheduleOfOwnTeam lets team responders manage their team's schedules.
func AllowScheduleOfOwnTeam() privacy.MutationRule {
	return privacy.ScheduleMutationRuleFunc(func(ctx context.Context, m *ent.ScheduleMutation) error {
		v, sys := responder(ctx)
		if v == nil {
			return privacy.Skip
		}
		var teams []int
		if id, ok := m.TeamID(); ok {
			teams = append(teams, id)
		}
		if !m.Op().Is(ent.OpCreate) {
			ids, err := m.IDs(sys)
			if err != nil {
				return err
			}
			more, err := m.Client().Schedule.Query().Where(schedule.IDIn(ids...)).
				Unique(true).Select(schedule.FieldTeamID).Ints(sys)
			if err != nil {
				return err
			}
			teams = append(teams, more...)
		}
		return allowIfMemberOfAll(sys, m.Client(), v.UserID, teams)
	})
}

// AllowLayerOfOwnTeam lets team responders manage their schedules' layers.
func AllowLayerOfOwnTeam() privacy.MutationRule {
	return privacy.ScheduleLayerMutationRuleFunc(func(ctx context.Context, m *ent.ScheduleLayerMutation) error {
		return allowScheduleChild(ctx, m.Client(), m.Op(), m.ScheduleID, func(sys context.Context) ([]int, error) {
			ids, err := m.IDs(sys)
			if err != nil {
				return nil, err
			}
			return m.Client().ScheduleLayer.Query().Where(schedulelayer.IDIn(ids...)).
				Unique(true).Select(schedulelayer.FieldScheduleID).Ints(sys)
		})
	})
}

// AllowOverrideOfOwnTeam lets team responders manage their schedules' overrides.
func AllowOverrideOfOwnTeam() privacy.MutationRule {
	return privacy.ScheduleOverrideMutationRuleFunc(func(ctx context.Context, m *ent.ScheduleOverrideMutation) error {
		return allowScheduleChild(ctx, m.Client(), m.Op(), m.ScheduleID, func(sys context.Context) ([]int, error) {
			ids, err := m.IDs(sys)
			if err != nil {
				return nil, err
			}
			return m.Client().ScheduleOverride.Query().Where(scheduleoverride.IDIn(ids...)).
				Unique(true).Select(scheduleoverride.FieldScheduleID).Ints(sys)
		})
	})
}

// AllowCoverRequestOfOwnTeam lets team responders manage their schedules'
// cover requests.
func AllowCoverRequestOfOwnTeam() privacy.MutationRule {
	return privacy.CoverRequestMutationRuleFunc(func(ctx context.Context, m *ent.CoverRequestMutation) error {
		return allowScheduleChild(ctx, m.Client(), m.Op(), m.ScheduleID, func(sys context.Context) ([]int, error) {
			ids, err := m.IDs(sys)
			if err != nil {
				return nil, err
			}
			return m.Client().CoverRequest.Query().Where(coverrequest.IDIn(ids...)).
				Unique(true).Select(coverrequest.FieldScheduleID).Ints(sys)
		})
	})
}

// AllowMaintenanceOfOwnTeam lets team responders plan and end maintenance
// windows of their teams' services: a window silences a service's paging,
// so a responder of another team must not be able to plan one.
func AllowMaintenanceOfOwnTeam() privacy.MutationRule {
	return privacy.MaintenanceWindowMutationRuleFunc(func(ctx context.Context, m *ent.MaintenanceWindowMutation) error {
		existing := func(sys context.Context) ([]int, error) {
			ids, err := m.IDs(sys)
			if err != nil {
				return nil, err
			}
			return m.Client().MaintenanceWindow.Query().Where(maintenancewindow.IDIn(ids...)).
				Unique(true).Select(maintenancewindow.FieldServiceID).Ints(sys)
		}
		return allowChild(ctx, m.Client(), m.Op(), m.ServiceID, existing, func(sys context.Context, services []int) ([]int, error) {
			return m.Client().Service.Query().Where(service.IDIn(services...)).
				Unique(true).Select(service.FieldTeamID).Ints(sys)
		})
	})
}

// allowScheduleChild allows a mutation of rows that belong to schedules
// (newSchedule: the schedule set on the mutation; existing: the schedules
// of the rows changed) when the viewer is a responder on all their teams.
func allowScheduleChild(ctx context.Context, c *ent.Client, op ent.Op, newSchedule func() (int, bool),
	existing func(sys context.Context) ([]int, error)) error {
	return allowChild(ctx, c, op, newSchedule, existing, func(sys context.Context, schedules []int) ([]int, error) {
		return c.Schedule.Query().Where(schedule.IDIn(schedules...)).
			Unique(true).Select(schedule.FieldTeamID).Ints(sys)
	})
}

// allowChild allows a mutation of rows that belong to parents owned by
// teams (newParent: the parent set on the mutation; existing: the parents
// of the rows changed; teamsOf: the parents' teams) when the viewer is a
// responder on all those teams.
func allowChild(ctx context.Context, c *ent.Client, op ent.Op, newParent func() (int, bool),
	existing func(sys context.Context) ([]int, error), teamsOf func(sys context.Context, parents []int) ([]int, error)) error {
	v, sys := responder(ctx)
	if v == nil {
		return privacy.Skip
	}
	var parents []int
	if id, ok := newParent(); ok {
		parents = append(parents, id)
	}
	if !op.Is(ent.OpCreate) {
		more, err := existing(sys)
		if err != nil {
			return err
		}
		parents = append(parents, more...)
	}
	if len(parents) == 0 && !op.Is(ent.OpCreate) {
		return privacy.Allow // a bulk change that matches no row changes nothing
	}
	teams, err := teamsOf(sys, parents)
	if err != nil {
		return err
	}
	return allowIfMemberOfAll(sys, c, v.UserID, teams)
}

// responder returns the viewer if it is a signed-in responder (admins are
// allowed before these rules run), and a system context for lookups.
func responder(ctx context.Context) (*viewer.Viewer, context.Context) {
	v := viewer.FromContext(ctx)
	if v == nil || v.System || v.UserID == 0 || v.Role != viewer.RoleResponder {
		return nil, nil
	}
	return v, viewer.System(ctx)
}

// allowIfMemberOfAll allows when user is a member of every team in teams
// (and teams is not empty: a mutation that touches no team is not theirs).
func allowIfMemberOfAll(sys context.Context, c *ent.Client, userID int, teams []int) error {
	if len(teams) == 0 {
		return privacy.Skip
	}
	n, err := c.Team.Query().Where(team.IDIn(teams...), team.HasMembersWith(user.ID(userID))).Count(sys)
	if err != nil {
		return err
	}
	distinct := map[int]bool{}
	for _, t := range teams {
		distinct[t] = true
	}
	if n == len(distinct) {
		return privacy.Allow
	}
	return privacy.Skip
}

// AllowOwnCalendarFeedMutation lets responders create and revoke feeds that
// read as themselves.
func AllowOwnCalendarFeedMutation() privacy.MutationRule {
	return privacy.CalendarFeedMutationRuleFunc(func(ctx context.Context, m *ent.CalendarFeedMutation) error {
		v, sys := responder(ctx)
		if v == nil {
			return privacy.Skip
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			if uid, ok := m.UserID(); ok && uid == v.UserID {
				return privacy.Allow
			}
		case m.Op().Is(ent.OpUpdateOne):
			if id, ok := m.ID(); ok {
				f, err := m.Client().CalendarFeed.Get(sys, id)
				if err == nil && f.UserID == v.UserID {
					return privacy.Allow
				}
			}
		}
		return privacy.Skip
	})
}
