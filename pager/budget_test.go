package pager_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/internal/oneround"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/schedule"
)

// findingPhone is an SMS provider that can be asked what it took
// (notify.Finder), so that each SMS page takes the engine's second
// connection for a moment (the attempt committed before the send).
type findingPhone struct{ *phone }

func (findingPhone) Find(context.Context, notify.Page, time.Time, time.Time) (notify.Receipt, bool, error) {
	return notify.Receipt{}, false, nil
}

// More steps at once than the paging pool has connections, through a
// schedule with a rotation, a round robin and a team, with SMS pages that
// briefly need a second connection: every step fires and every page goes
// out. Before the budget (and before the schedule store used the step's
// transaction), each step held a connection while it waited for a second:
// with 4 connections and 40 steps, paging stopped for good.
func TestMoreStepsAtOnceThanConnectionsAllPage(t *testing.T) {
	w := newWorld(t)
	const conns, alerts = 4, 40
	db, err := sql.Open("postgres", oneround.DSN(env.DatabaseURL))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(conns)
	pool := ent.NewClient(ent.Driver(oneround.Driver(db)))
	eng := *w.eng
	eng.Client, eng.Schedules, eng.Budget = pool, schedule.New(pool, nil), pager.BudgetFor(db)
	eng.Schedules.Now = eng.Now
	eng.Channels["sms"] = findingPhone{w.phones["sms"]}
	w.alerts.Pager = &eng

	team := env.Client.Team.Create().SetName("Payments").SaveX(sys)
	var people []int
	for _, name := range []string{"ana", "bob", "cy", "dee"} {
		people = append(people, w.person(name, team, map[contactmethod.Kind]int{contactmethod.KindSMS: 0, contactmethod.KindPUSH: 0}).ID)
	}
	sch := env.Client.Schedule.Create().SetName("Primary").SetTimeZone("Europe/Berlin").SetTeam(team).SaveX(sys)
	if _, err := eng.Schedules.CreateLayer(sys, sch.ID, schedule.LayerInput{Name: "Daily", ParticipantIDs: people[:3],
		ShiftLength: 1, ShiftUnit: schedulelayer.ShiftUnitDAYS, StartAt: w.start.Add(-50 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	svc := w.service(team, 1,
		escalation.Step{Delay: time.Minute, Targets: []escalation.Target{{Kind: escalation.TargetSchedule, ID: sch.ID},
			{Kind: escalation.TargetRoundRobin, ID: team.ID}}},
		escalation.Step{Targets: []escalation.Target{{Kind: escalation.TargetTeam, ID: team.ID}}})
	ids := make([]int, alerts)
	for i := range ids {
		ids[i] = w.open(svc, "P1")
	}

	// Run every queued first step at once, as a worker's slots would.
	w.q.mu.Lock()
	var steps []queued
	for id, qt := range w.q.tasks {
		if qt.task.Type() == pager.TypeStep {
			steps = append(steps, qt)
			delete(w.q.tasks, id)
		}
	}
	w.q.mu.Unlock()
	if len(steps) != alerts {
		t.Fatalf("queued first steps: want %d, got %d", alerts, len(steps))
	}
	// A generous bound: the deadlock this test is about never ends, a
	// slow machine does.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	errs := make(chan error, len(steps))
	var wg sync.WaitGroup
	for _, qt := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- eng.HandleStep(ctx, qt.task)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("steps still waiting for a connection after 3 minutes (deadlocked): %v", err)
		}
		if err != nil {
			t.Fatalf("step: %v", err)
		}
	}
	// Each first step pages whoever is on call and whose turn it is: one
	// or two people, on both of their channels, every page sent now.
	for _, id := range ids {
		ds := env.Client.Delivery.Query().Where(delivery.AlertID(id), delivery.Step(0)).AllX(sys)
		if len(ds) != 2 && len(ds) != 4 {
			t.Errorf("alert %d: want the on-call person's and the round robin's pages (2 or 4), got %d", id, len(ds))
		}
		for _, d := range ds {
			if d.Status != delivery.StatusSENT {
				t.Errorf("alert %d: page %d is %s, want SENT (%s)", id, d.ID, d.Status, d.Detail)
			}
		}
	}
	if got, want := db.Stats().MaxOpenConnections, conns; got != want {
		t.Fatalf("the pool grew: %d connections, want %d", got, want)
	}
	// And the second step, to the whole team, is armed for each alert.
	w.q.mu.Lock()
	defer w.q.mu.Unlock()
	armed := 0
	for _, qt := range w.q.tasks {
		if qt.task.Type() == pager.TypeStep {
			armed++
		}
	}
	if armed != alerts {
		t.Errorf("second steps armed: want %d, got %d (%s)", alerts, armed, fmt.Sprint(len(w.q.tasks), " tasks queued"))
	}
}
