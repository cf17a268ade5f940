package pager

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/viewer"
)

// sweepLockKey is the PostgreSQL advisory lock the sweeping worker holds.
const sweepLockKey = 0x70616765 // "page"

// sweepAhead also re-queues what falls due shortly, so a timer lost with
// Redis fires on time rather than a sweep late.
const sweepAhead = 2 * time.Second

// Sweep queues every step and page that PostgreSQL says is due (or due
// within sweepAhead) — what a Redis flush or restart would otherwise lose.
// Tasks have deterministic ids, so those still queued are not doubled, and
// handlers ignore what has moved on. It returns how many it queued.
func (e *Engine) Sweep(ctx context.Context) (steps, pages int, err error) {
	ctx = viewer.System(ctx)
	horizon := e.Now().Add(sweepAhead)
	alerts, err := e.Client.Alert.Query().
		Where(alert.StatusIn(alert.StatusOPEN, alert.StatusACKED), alert.EscalationDueAtLTE(horizon)).
		Limit(5000).All(ctx)
	if err != nil {
		return 0, 0, err
	}
	for _, a := range alerts {
		e.queueStep(ctx, stepTask{Alert: a.ID, Round: a.EscalationRound, Step: a.EscalationStep, Due: micros(*a.EscalationDueAt)})
	}
	due, err := e.Client.Delivery.Query().
		Where(delivery.StatusEQ(delivery.StatusPLANNED), delivery.DueAtLTE(horizon)).Limit(5000).All(ctx)
	if err != nil {
		return len(alerts), 0, err
	}
	for _, d := range due {
		e.queueNotify(ctx, d.ID, d.DueAt)
	}
	return len(alerts), len(due), nil
}

// RunSweeper sweeps every interval while this process holds the sweep
// lock; one worker of many sweeps, and another takes over when it dies
// (its connection, and so its lock, goes with it).
func (e *Engine) RunSweeper(ctx context.Context, db *sql.DB, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	var conn *sql.Conn
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	for {
		if conn == nil {
			conn = e.tryLead(ctx, db)
		}
		if conn != nil {
			if err := conn.PingContext(ctx); err != nil {
				conn.Close() // lost the connection, so the lock
				conn = nil
			} else if steps, pages, err := e.Sweep(ctx); err != nil {
				slog.WarnContext(ctx, "escalation sweep", "err", err)
			} else if steps+pages > 0 {
				slog.DebugContext(ctx, "escalation sweep", "steps", steps, "pages", pages)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// tryLead returns a connection holding the sweep lock, or nil.
func (e *Engine) tryLead(ctx context.Context, db *sql.DB) *sql.Conn {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil
	}
	var got bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", sweepLockKey).Scan(&got); err != nil || !got {
		conn.Close()
		return nil
	}
	return conn
}
