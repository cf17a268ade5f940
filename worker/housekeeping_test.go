package worker_test

import (
	"context"
	"testing"
	"time"

	"github.com/tocsin/tocsin/viewer"
	"github.com/tocsin/tocsin/worker"
)

func TestHousekeepingDeletesOnlyWhatExpired(t *testing.T) {
	env.Truncate(t)
	sys := viewer.System(context.Background())
	now := time.Now()
	u := env.Client.User.Create().SetEmail("h@x.io").SetName("H").SaveX(sys)
	env.Client.Session.Create().SetTokenHash([]byte("old")).SetUserID(u.ID).SetExpiresAt(now.Add(-time.Minute)).ExecX(sys)
	env.Client.Session.Create().SetTokenHash([]byte("live")).SetUserID(u.ID).SetExpiresAt(now.Add(time.Hour)).ExecX(sys)
	env.Client.IngestRequest.Create().SetRequestID("old").SetIntegrationID(1).SetAction("Create").SetSuccess(true).
		SetStatus("Created alert").SetProcessedAt(now.Add(-8 * 24 * time.Hour)).ExecX(sys)
	env.Client.IngestRequest.Create().SetRequestID("new").SetIntegrationID(1).SetAction("Create").SetSuccess(true).
		SetStatus("Created alert").SetProcessedAt(now.Add(-time.Hour)).ExecX(sys)
	env.Client.RoundRobinTurn.Create().SetAlertID(1).SetRound(0).SetStep(0).SetTeamID(1).SetPosition(1).
		SetTakenAt(now.Add(-25 * time.Hour)).ExecX(sys)
	env.Client.RoundRobinTurn.Create().SetAlertID(2).SetRound(0).SetStep(0).SetTeamID(1).SetPosition(2).
		SetTakenAt(now.Add(-time.Hour)).ExecX(sys)
	w := worker.New(env.Redis, worker.Options{Concurrency: 1, Queues: map[string]int{"critical": 1, "default": 1, "low": 1},
		TaskCheckInterval: time.Second, DelayedTaskCheckInterval: time.Second}, worker.Deps{Client: env.Client})
	if err := w.Housekeep(context.Background(), now); err != nil {
		t.Fatal(err)
	}
	if n := env.Client.Session.Query().CountX(sys); n != 1 {
		t.Fatalf("want the live session kept and the expired one gone, %d left", n)
	}
	if n := env.Client.IngestRequest.Query().CountX(sys); n != 1 {
		t.Fatalf("want request statuses younger than 7 days kept, %d left", n)
	}
	if turns := env.Client.RoundRobinTurn.Query().AllX(sys); len(turns) != 1 || turns[0].AlertID != 2 {
		t.Fatalf("want round-robin turns younger than a day kept, the older gone; left %v", turns)
	}
}
