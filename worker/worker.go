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
}

// Options tune the Asynq server.
type Options struct {
	Concurrency              int
	Queues                   map[string]int
	TaskCheckInterval        time.Duration
	DelayedTaskCheckInterval time.Duration
}

// Worker processes tasks.
type Worker struct {
	deps Deps
	srv  *asynq.Server
	mux  *asynq.ServeMux
}

// New builds a worker on an existing Redis connection.
func New(rdb redis.UniversalClient, o Options, d Deps) *Worker {
	w := &Worker{deps: d, mux: asynq.NewServeMux()}
	w.srv = asynq.NewServerFromRedisClient(rdb, asynq.Config{
		Concurrency:              o.Concurrency,
		Queues:                   o.Queues,
		TaskCheckInterval:        o.TaskCheckInterval,
		DelayedTaskCheckInterval: o.DelayedTaskCheckInterval,
		ShutdownTimeout:          15 * time.Second,
		Logger:                   slogAdapter{},
		ErrorHandler: asynq.ErrorHandlerFunc(func(ctx context.Context, t *asynq.Task, err error) {
			slog.WarnContext(ctx, "task failed", "type", t.Type(), "err", err)
		}),
	})
	w.mux.HandleFunc(TypeUserInvite, w.handleInvite)
	w.mux.HandleFunc(TypeCoverAnnounce, w.handleCoverAnnounce)
	if d.Pager != nil {
		w.mux.HandleFunc(pager.TypeStep, untilDatabaseBack(d.DB, d.Pager.HandleStep))
		w.mux.HandleFunc(pager.TypeNotify, untilDatabaseBack(d.DB, d.Pager.HandleNotify))
	}
	return w
}

// Run processes tasks until ctx is done, then waits for running ones.
func (w *Worker) Run(ctx context.Context) error {
	if err := w.srv.Start(w.mux); err != nil {
		return fmt.Errorf("starting the worker: %w", err)
	}
	slog.Info("worker started")
	if w.deps.Heartbeats != nil {
		go w.sweepHeartbeats(ctx)
	}
	go w.housekeep(ctx)
	if w.deps.Schedules != nil {
		go w.expireCovers(ctx)
	}
	if w.deps.Pager != nil && w.deps.DB != nil {
		go w.deps.Pager.RunSweeper(ctx, w.deps.DB, time.Second)
	}
	<-ctx.Done()
	slog.Info("worker shutting down")
	w.srv.Shutdown()
	return nil
}

// slogAdapter sends Asynq's logs to slog.
type slogAdapter struct{}

func (slogAdapter) Debug(args ...any) { slog.Debug(fmt.Sprint(args...), "component", "asynq") }
func (slogAdapter) Info(args ...any)  { slog.Info(fmt.Sprint(args...), "component", "asynq") }
func (slogAdapter) Warn(args ...any)  { slog.Warn(fmt.Sprint(args...), "component", "asynq") }
func (slogAdapter) Error(args ...any) { slog.Error(fmt.Sprint(args...), "component", "asynq") }
func (slogAdapter) Fatal(args ...any) { slog.Error(fmt.Sprint(args...), "component", "asynq") }
