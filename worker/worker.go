package worker

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/stakeholder"
	"github.com/tocsin/tocsin/statuspage"
)

// Deps is what the handlers need; main builds it once.
type Deps struct {
	Client *ent.Client
	Auth   *auth.Service
	Mailer interface {
		Send(context.Context, notify.Email) error
	}
	BaseURL string
	// Heartbeats is swept for overdue pings every SweepInterval.
	Heartbeats *heartbeat.Monitor
	// Channels are the delivery channels that are on, by name ("email",
	// "webhook", "sms", "voice", "push"), for the paging engine's notify
	// task; ActionTokens signs the tokens pages carry (nil: no action links).
	Channels     map[string]notify.Channel
	ActionTokens *actiontoken.Signer
	// Schedules announces cover requests and expires them.
	Schedules *schedule.Schedules
	// Pager runs escalation steps and pages, and sweeps (one worker at a
	// time, under a PostgreSQL advisory lock on DB) what Redis lost.
	Pager *pager.Engine
	DB    *sql.DB
	// Stakeholders tells followers of incidents by email, push and digest.
	Stakeholders *stakeholder.Stakeholders
	// StatusPages emails public status updates to the status pages'
	// subscribers (nil: no such emails). With DB, one worker at a time
	// sweeps what Redis lost of both (runAnnouncementSweeper).
	StatusPages *statuspage.Subscriptions
}

// Options tune the Asynq servers.
type Options struct {
	// Concurrency and Queues are the general tasks' (emails,
	// announcements); the paging queue (pager.Queue) is not among them.
	Concurrency int
	Queues      map[string]int
	// PagingConcurrency is the paging queue's own slots (default 1000).
	// Asynq keeps due times in whole seconds, so a step or page is handed
	// over up to a second early and waits for its due time in its slot:
	// with few slots, sleeping timers would hold up the first page of a
	// new alert (measured: 20 shared slots made timers 3 s late at 100
	// alerts/s). A waiting task costs a goroutine, nothing more.
	PagingConcurrency        int
	TaskCheckInterval        time.Duration
	DelayedTaskCheckInterval time.Duration
}

// Worker processes tasks.
type Worker struct {
	deps   Deps
	jobs   *Client // queues what the sweeps find
	srv    *asynq.Server
	mux    *asynq.ServeMux
	paging *asynq.Server // nil without a Pager
	pmux   *asynq.ServeMux
}

// New builds a worker on an existing Redis connection.
func New(rdb redis.UniversalClient, o Options, d Deps) *Worker {
	w := &Worker{deps: d, jobs: NewClient(rdb), mux: asynq.NewServeMux(), pmux: asynq.NewServeMux()}
	queues := map[string]int{}
	for q, n := range o.Queues {
		if q != pager.Queue {
			queues[q] = n
		}
	}
	w.srv = asynq.NewServerFromRedisClient(rdb, w.config(o, o.Concurrency, queues))
	w.mux.HandleFunc(TypeUserInvite, w.handleInvite)
	w.mux.HandleFunc(TypeCoverAnnounce, w.handleCoverAnnounce)
	w.handleStakeholders(d.Stakeholders)
	if d.StatusPages != nil {
		w.mux.HandleFunc(TypeStatusPageUpdate, w.handleStatusPageUpdate)
	}
	if d.Pager != nil {
		n := o.PagingConcurrency
		if n <= 0 {
			n = 1000
		}
		c := w.config(o, n, map[string]int{pager.Queue: 1})
		c.RetryDelayFunc = pagingRetryDelay
		w.paging = asynq.NewServerFromRedisClient(rdb, c)
		w.pmux.HandleFunc(pager.TypeStep, untilDatabaseBack(d.DB, d.Pager.HandleStep))
		w.pmux.HandleFunc(pager.TypeNotify, untilDatabaseBack(d.DB, d.Pager.HandleNotify))
	}
	return w
}

// Run processes tasks until ctx is done, then waits for running ones.
func (w *Worker) Run(ctx context.Context) error {
	if err := w.srv.Start(w.mux); err != nil {
		return fmt.Errorf("starting the worker: %w", err)
	}
	if w.paging != nil {
		if err := w.paging.Start(w.pmux); err != nil {
			w.srv.Shutdown()
			return fmt.Errorf("starting the paging worker: %w", err)
		}
	}
	slog.Info("worker started")
	if w.deps.Heartbeats != nil {
		go w.sweepHeartbeats(ctx)
	}
	go w.housekeep(ctx)
	go w.remindOverdueUpdates(ctx)
	if w.deps.Schedules != nil {
		go w.expireCovers(ctx)
	}
	if w.deps.Pager != nil && w.deps.DB != nil {
		go w.deps.Pager.RunSweeper(ctx, w.deps.DB, time.Second)
	}
	if (w.deps.Stakeholders != nil || w.deps.StatusPages.On()) && w.deps.DB != nil {
		go w.runAnnouncementSweeper(ctx, w.deps.DB, announceSweepEvery)
	}
	<-ctx.Done()
	slog.Info("worker shutting down")
	if w.paging != nil {
		w.paging.Shutdown()
	}
	w.srv.Shutdown()
	return nil
}

func (w *Worker) config(o Options, concurrency int, queues map[string]int) asynq.Config {
	return asynq.Config{
		Concurrency:              concurrency,
		Queues:                   queues,
		TaskCheckInterval:        o.TaskCheckInterval,
		DelayedTaskCheckInterval: o.DelayedTaskCheckInterval,
		ShutdownTimeout:          15 * time.Second,
		Logger:                   slogAdapter{},
		ErrorHandler: asynq.ErrorHandlerFunc(func(ctx context.Context, t *asynq.Task, err error) {
			slog.WarnContext(ctx, "task failed", "type", t.Type(), "err", err)
		}),
	}
}

// pagingRetryDelay retries a step or page soon: 1 s, 2 s, 4 s … up to 30 s
// (Asynq's default waits 15 s and more from the first retry — a page held
// up by a PostgreSQL restart would be that late). Asynq's timers are whole
// seconds, so a shorter delay would not be kept.
func pagingRetryDelay(n int, _ error, _ *asynq.Task) time.Duration {
	d := time.Second << min(n, 5)
	return min(d, 30*time.Second)
}

// slogAdapter sends Asynq's logs to slog.
type slogAdapter struct{}

func (slogAdapter) Debug(args ...any) { slog.Debug(fmt.Sprint(args...), "component", "asynq") }
func (slogAdapter) Info(args ...any)  { slog.Info(fmt.Sprint(args...), "component", "asynq") }
func (slogAdapter) Warn(args ...any)  { slog.Warn(fmt.Sprint(args...), "component", "asynq") }
func (slogAdapter) Error(args ...any) { slog.Error(fmt.Sprint(args...), "component", "asynq") }
func (slogAdapter) Fatal(args ...any) { slog.Error(fmt.Sprint(args...), "component", "asynq") }
