package worker

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"time"

	"github.com/tocsin/tocsin/internal/leader"
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
	leader.Run(ctx, db, announceLockKey, every, func(ctx context.Context) {
		if n, err := w.SweepAnnouncements(ctx); err != nil {
			slog.WarnContext(ctx, "announcement sweep", "queued", n, "err", err)
		} else if n > 0 {
			slog.InfoContext(ctx, "announcement sweep queued what Redis lost", "queued", n)
		}
	})
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
