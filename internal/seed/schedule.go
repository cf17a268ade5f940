package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	entschedule "github.com/tocsin/tocsin/ent/schedule"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/schedule"
)

// DemoSchedule is the demo on-call schedule of team Platform: its members
// take turns of one week, handing off on Mondays at 09:00 Berlin time.
const DemoSchedule = "Platform primary"

func ensureSchedule(ctx context.Context, c *ent.Client, platform *ent.Team, now time.Time, members ...*ent.User) error {
	exists, err := c.Schedule.Query().Where(entschedule.Name(DemoSchedule)).Exist(ctx)
	if err != nil || exists {
		return err
	}
	s, err := c.Schedule.Create().SetName(DemoSchedule).SetTimeZone("Europe/Berlin").SetTeam(platform).
		SetDescription("Who is paged for the platform's services, day and night.").Save(ctx)
	if err != nil {
		return fmt.Errorf("schedule %s: %w", DemoSchedule, err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err
	}
	ids := make([]int, len(members))
	for i, m := range members {
		ids[i] = m.ID
	}
	day := now.In(berlin)
	start := time.Date(day.Year(), day.Month(), day.Day()-int(day.Weekday()+6)%7, 9, 0, 0, 0, berlin) // this week's Monday
	handoff, monday := "09:00", schedule.WeekdayOf(time.Monday)
	_, err = schedule.New(c, nil).CreateLayer(ctx, s.ID, schedule.LayerInput{
		Name: "Weekly", ParticipantIDs: ids, ShiftLength: 1, ShiftUnit: schedulelayer.ShiftUnitWEEKS,
		StartAt: start, HandoffTime: &handoff, HandoffDay: &monday,
	})
	if err != nil {
		return fmt.Errorf("schedule %s: layer: %w", DemoSchedule, err)
	}
	return nil
}
