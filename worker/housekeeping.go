package worker

import (
	"context"
	"log/slog"
	"time"

	"github.com/tocsin/tocsin/ent/ingestrequest"
	"github.com/tocsin/tocsin/ent/invitation"
	"github.com/tocsin/tocsin/ent/roundrobinturn"
	"github.com/tocsin/tocsin/ent/session"
	"github.com/tocsin/tocsin/viewer"
)

// Retention of short-lived records.
const (
	housekeepingInterval = 10 * time.Minute
	// RequestStatusRetention is how long Opsgenie-style request statuses stay
	// queryable (senders poll within seconds).
	RequestStatusRetention = 7 * 24 * time.Hour
	// TurnRetention is how long a step's round-robin turn is kept: only a
	// step that fires again after rolling back reads it, within minutes.
	TurnRetention = 24 * time.Hour
)

// housekeep deletes expired sessions, used or expired invitations, old
// request statuses and old round-robin turns until ctx ends. Deletes are idempotent, so every worker
// may run it.
func (w *Worker) housekeep(ctx context.Context) {
	t := time.NewTicker(housekeepingInterval)
	defer t.Stop()
	for {
		if err := w.Housekeep(ctx, time.Now()); err != nil && ctx.Err() == nil {
			slog.ErrorContext(ctx, "housekeeping failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Housekeep runs one round of deletions as of now.
func (w *Worker) Housekeep(ctx context.Context, now time.Time) error {
	sys := viewer.System(ctx)
	c := w.deps.Client
	if _, err := c.Session.Delete().Where(session.ExpiresAtLT(now)).Exec(sys); err != nil {
		return err
	}
	if _, err := c.Invitation.Delete().Where(invitation.Or(invitation.ExpiresAtLT(now), invitation.UsedAtLT(now.Add(-24*time.Hour)))).Exec(sys); err != nil {
		return err
	}
	if _, err := c.IngestRequest.Delete().Where(ingestrequest.ProcessedAtLT(now.Add(-RequestStatusRetention))).Exec(sys); err != nil {
		return err
	}
	_, err := c.RoundRobinTurn.Delete().Where(roundrobinturn.TakenAtLT(now.Add(-TurnRetention))).Exec(sys)
	return err
}
