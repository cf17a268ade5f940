package worker

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"time"

	"github.com/tocsin/tocsin/stakeholder"
)

// announceLockKey is the PostgreSQL advisory lock the announcement sweep's
// worker holds (the paging sweep has its own).
const announceLockKey = 0x616e6e6f // "anno"

// announceSweepEvery is how often the announcement sweep runs: what it
// finds is at least stakeholder.SweepGrace late already, and low urgency.
const announceSweepEvery = 10 * time.Second

// runAnnouncementSweeper sweeps the stakeholder announcements and the
// status pages' emails (SweepAnnouncements) while this process holds the
// sweep lock; one worker of many sweeps, and another takes over when it
// dies (its connection, and so its lock, goes with it).
func (w *Worker) runAnnouncementSweeper(ctx context.Context, db *sql.DB, every time.Duration) {
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
			conn = tryLead(ctx, db, announceLockKey)
		}
		if conn != nil {
			if err := conn.PingContext(ctx); err != nil {
				conn.Close() // lost the connection, so the lock
				conn = nil
			} else if n, err := w.SweepAnnouncements(ctx); err != nil {
				slog.WarnContext(ctx, "announcement sweep", "queued", n, "err", err)
			} else if n > 0 {
				slog.InfoContext(ctx, "announcement sweep queued what Redis lost", "queued", n)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// SweepAnnouncements queues again, once, what PostgreSQL says stakeholders
// and status-page subscribers are owed and Redis lost (stakeholder.Sweep,
// sweepStatusPageEmails). It returns how many tasks it queued.
func (w *Worker) SweepAnnouncements(ctx context.Context) (int, error) {
	var n int
	var errs []error
	if s := w.deps.Stakeholders; s != nil {
		a, m, err := s.Sweep(ctx)
		n += a + m
		errs = append(errs, err)
	}
	if w.deps.StatusPages.On() {
		p, err := w.sweepStatusPageEmails(ctx, w.now())
		n += p
		errs = append(errs, err)
	}
	return n, errors.Join(errs...)
}

// sweepGrace is how overdue an announcement is before the sweep queues it.
func (w *Worker) sweepGrace() time.Duration {
	if s := w.deps.Stakeholders; s != nil && s.SweepGrace > 0 {
		return s.SweepGrace
	}
	return stakeholder.SweepGrace
}

// now is the sweeps' clock: the stakeholders' when set.
func (w *Worker) now() time.Time {
	if s := w.deps.Stakeholders; s != nil && s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// tryLead returns a connection holding the advisory lock key, or nil.
func tryLead(ctx context.Context, db *sql.DB, key int64) *sql.Conn {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil
	}
	var got bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&got); err != nil || !got {
		conn.Close()
		return nil
	}
	return conn
}
