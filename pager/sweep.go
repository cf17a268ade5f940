package pager

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/internal/leader"
	"github.com/tocsin/tocsin/viewer"
)

// sweepLockKey is the PostgreSQL advisory lock the sweeping worker holds.
const sweepLockKey = 0x70616765 // "page"

// After Redis lost its data, the sweep re-queues every timer PostgreSQL
// knows — steps and pages due now or later (up to sweepBatch of each) — so
// they still fire on time. Otherwise it only re-queues what is overdue by
// sweepGrace — a timer that was evidently lost on its own (an enqueue that
// failed) — and leaves a busy queue's backlog alone instead of re-queueing
// all of it every second.
const (
	sweepBatch = 5000
	sweepGrace = 5 * time.Second
	// sweepMarker is a key the sweep keeps in Redis: when it is missing,
	// Redis was flushed, restarted without its data, or replaced.
	sweepMarker = "tocsin:pager:sweep-marker"
)

// Sweep queues every step and page that PostgreSQL says is due — what a
// Redis flush or restart would otherwise lose. Tasks have deterministic
// ids, so those still queued are not doubled, and handlers ignore what has
// moved on. It returns how many it queued.
func (e *Engine) Sweep(ctx context.Context) (steps, pages int, err error) {
	ctx = viewer.System(ctx)
	horizon := e.Now().Add(-sweepGrace)
	if e.redisLost(ctx) {
		horizon = e.Now().AddDate(100, 0, 0)
	}
	alerts, err := e.Client.Alert.Query().
		Where(alert.EscalationDueAtLTE(horizon), alert.StatusIn(alert.StatusOPEN, alert.StatusACKED)).
		Order(ent.Asc(alert.FieldEscalationDueAt)).Limit(sweepBatch).All(ctx)
	if err != nil {
		return 0, 0, err
	}
	for _, a := range alerts {
		e.queueStep(ctx, stepTask{Alert: a.ID, Round: a.EscalationRound, Step: a.EscalationStep, Due: micros(*a.EscalationDueAt)})
	}
	due, err := e.Client.Delivery.Query().
		Where(delivery.StatusEQ(delivery.StatusPLANNED), delivery.DueAtLTE(horizon)).
		Order(ent.Asc(delivery.FieldDueAt)).Limit(sweepBatch).All(ctx)
	if err != nil {
		return len(alerts), 0, err
	}
	for _, d := range due {
		e.queueNotify(ctx, d.ID, d.DueAt)
	}
	return len(alerts), len(due), nil
}

// redisLost reports whether Redis lost the sweep's marker since the last
// sweep, and sets it again. Without a Redis client it assumes the worst.
func (e *Engine) redisLost(ctx context.Context) bool {
	if e.Redis == nil {
		return true
	}
	set, err := e.Redis.SetNX(ctx, sweepMarker, e.Now().UTC().Format(time.RFC3339), 0).Result()
	return err != nil || set
}

// RunSweeper sweeps every interval while this process holds the sweep
// lock; one worker of many sweeps, and another takes over when it dies
// (its connection, and so its lock, goes with it).
func (e *Engine) RunSweeper(ctx context.Context, db *sql.DB, every time.Duration) {
	leader.Run(ctx, db, sweepLockKey, every, func(ctx context.Context) {
		if steps, pages, err := e.Sweep(ctx); err != nil {
			slog.WarnContext(ctx, "escalation sweep", "err", err)
		} else if steps+pages > 0 {
			slog.DebugContext(ctx, "escalation sweep", "steps", steps, "pages", pages)
		}
	})
}
