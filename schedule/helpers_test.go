package schedule_test

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "schedule", &env)) }

// announcements records cover announcements instead of queueing them.
type announcements struct {
	mu  sync.Mutex
	ids []int
}

func (a *announcements) EnqueueCoverAnnouncement(_ context.Context, id int) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ids = append(a.ids, id)
	return nil
}

func (a *announcements) list() []int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]int(nil), a.ids...)
}

// world is a team "Ops" with responders ann and bob, a responder outsider
// on another team, a stakeholder, an admin, and a schedule in Berlin.
type world struct {
	s                                          *schedule.Schedules
	ann, bob, outsider, stake, admin           *ent.User
	sched                                      *ent.Schedule
	now                                        time.Time
	announced                                  *announcements
	annCtx, bobCtx, outCtx, stakeCtx, adminCtx context.Context
}

func newWorld(t *testing.T) *world {
	t.Helper()
	env.Truncate(t)
	sys := viewer.System(context.Background())
	w := &world{announced: &announcements{}}
	w.now = time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)
	w.s = &schedule.Schedules{Client: env.Client, Announcer: w.announced, Now: func() time.Time { return w.now }}
	mk := func(email, name string, role viewer.Role) *ent.User {
		return env.Client.User.Create().SetEmail(email).SetName(name).SetRole(role).SaveX(sys)
	}
	w.ann = mk("ann@x.io", "Ann", viewer.RoleResponder)
	w.bob = mk("bob@x.io", "Bob", viewer.RoleResponder)
	w.outsider = mk("out@x.io", "Otto", viewer.RoleResponder)
	w.stake = mk("stake@x.io", "Stella", viewer.RoleStakeholder)
	w.admin = mk("admin@x.io", "Ada", viewer.RoleAdmin)
	ops := env.Client.Team.Create().SetName("Ops").AddMembers(w.ann, w.bob).SaveX(sys)
	env.Client.Team.Create().SetName("Other").AddMembers(w.outsider).SaveX(sys)
	w.annCtx = viewer.ForUser(context.Background(), w.ann.ID, viewer.RoleResponder)
	w.bobCtx = viewer.ForUser(context.Background(), w.bob.ID, viewer.RoleResponder)
	w.outCtx = viewer.ForUser(context.Background(), w.outsider.ID, viewer.RoleResponder)
	w.stakeCtx = viewer.ForUser(context.Background(), w.stake.ID, viewer.RoleStakeholder)
	w.adminCtx = viewer.ForUser(context.Background(), w.admin.ID, viewer.RoleAdmin)
	w.sched = env.Client.Schedule.Create().SetName("Ops primary").SetTimeZone("Europe/Berlin").SetTeamID(ops.ID).SaveX(w.annCtx)
	return w
}

// dailyRotation is ann then bob, daily at 09:00 Berlin, from 2026-03-01 09:00.
func (w *world) dailyRotation() schedule.LayerInput {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	return schedule.LayerInput{
		Name: "Primary", ParticipantIDs: []int{w.ann.ID, w.bob.ID},
		ShiftLength: 1, ShiftUnit: schedulelayer.ShiftUnitDAYS,
		StartAt: time.Date(2026, 3, 1, 9, 0, 0, 0, berlin),
	}
}
