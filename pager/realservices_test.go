package pager_test

import (
	"context"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/pager"
)

// worker runs the engine's tasks on the real Redis, as `tocsin worker` does.
func startWorker(t *testing.T, eng *pager.Engine) {
	t.Helper()
	srv := asynq.NewServerFromRedisClient(env.Redis, asynq.Config{
		Concurrency: 4, Queues: map[string]int{pager.Queue: 1},
		TaskCheckInterval: 50 * time.Millisecond, DelayedTaskCheckInterval: 100 * time.Millisecond,
		LogLevel: asynq.WarnLevel,
	})
	mux := asynq.NewServeMux()
	mux.HandleFunc(pager.TypeStep, eng.HandleStep)
	mux.HandleFunc(pager.TypeNotify, eng.HandleNotify)
	if err := srv.Start(mux); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
}

func waitPages(t *testing.T, w *world, n int, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		w.mu.Lock()
		got := len(w.pages)
		w.mu.Unlock()
		if got >= n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("want %d pages within %v, got %v", n, within, w.pages)
}

// realWorld is a world on the real clock, Redis and Asynq.
func realWorld(t *testing.T) *world {
	w := newWorld(t)
	real := func() time.Time { return time.Now() }
	w.eng.Now, w.alerts.Now, w.eng.Schedules.Now = real, real, real
	w.start = time.Now()
	for _, p := range w.phones {
		p.clock = func() time.Duration { return time.Since(w.start) }
	}
	client := asynq.NewClientFromRedisClient(env.Redis)
	w.eng.Queue = client
	w.eng.Redis = env.Redis
	return w
}

// An alert reaches the on-call person's phone through Redis and a worker
// well within a second.
func TestAnAlertReachesThePhoneThroughTheQueue(t *testing.T) {
	w := realWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	startWorker(t, w.eng)
	opened := time.Now()
	w.open(svc, "P1")
	waitPages(t, w, 1, 3*time.Second)
	took := time.Since(opened)
	t.Logf("alert to first page: %v", took)
	if took > time.Second {
		t.Errorf("the first page took %v (the promise is well under a second)", took)
	}
	w.expect("push to ana-PUSH at +" + w.pages[0].At.String())
}

// Redis loses every task: the sweep finds the due step in PostgreSQL and
// the page still goes out, once.
func TestTheSweepRebuildsWhatRedisLost(t *testing.T) {
	w := realWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	w.open(svc, "P1") // queued in Redis, no worker yet
	if err := env.Redis.FlushDB(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	startWorker(t, w.eng)
	time.Sleep(300 * time.Millisecond)
	w.mu.Lock()
	early := len(w.pages)
	w.mu.Unlock()
	if early != 0 {
		t.Fatalf("nothing is queued after the flush, yet %d pages", early)
	}
	steps, _, err := w.eng.Sweep(context.Background())
	if err != nil || steps != 1 {
		t.Fatalf("the sweep re-queues the one due step: %d %v", steps, err)
	}
	waitPages(t, w, 1, 3*time.Second)
	// The marker is back: a second sweep (another worker, or the next
	// second) only looks at what is overdue, and changes nothing.
	if _, _, err := w.eng.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.pages) != 1 {
		t.Fatalf("want exactly one page, got %v", w.pages)
	}
}

// With Redis intact, the sweep leaves steps that are merely due (a busy
// queue's backlog) alone and re-queues only what is overdue by seconds.
func TestTheSweepLeavesABusyQueueAlone(t *testing.T) {
	w := realWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	if _, _, err := w.eng.Sweep(context.Background()); err != nil { // sets the marker
		t.Fatal(err)
	}
	w.open(svc, "P1")
	if steps, _, err := w.eng.Sweep(context.Background()); err != nil || steps != 0 {
		t.Fatalf("a step due just now is the queue's business: swept %d (%v)", steps, err)
	}
	later := time.Now().Add(6 * time.Second)
	w.eng.Now = func() time.Time { return later }
	if steps, _, err := w.eng.Sweep(context.Background()); err != nil || steps != 1 {
		t.Fatalf("a step overdue by 6 s is re-queued: swept %d (%v)", steps, err)
	}
}
