package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// coverExpiryInterval bounds how late an expired cover request shows as
// EXPIRED; accepting one checks its expiry itself.
const coverExpiryInterval = 30 * time.Second

// handleCoverAnnounce emails a new cover request to the schedule's members.
func (w *Worker) handleCoverAnnounce(ctx context.Context, t *asynq.Task) error {
	var p CoverPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("bad payload: %v: %w", err, asynq.SkipRetry)
	}
	a, err := w.deps.Schedules.Announce(viewer.System(ctx), p.CoverRequestID)
	if ent.IsNotFound(err) {
		return fmt.Errorf("cover request %d not found (deleted, or not committed yet?): %w", p.CoverRequestID, err)
	}
	if err != nil {
		return err
	}
	link := fmt.Sprintf("%s/schedules/%s", w.deps.BaseURL, url.PathEscape(fmt.Sprint(a.Schedule.ID)))
	loc, err := time.LoadLocation(a.Schedule.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	const layout = "Mon 2 Jan 15:04 MST"
	var errs []error
	for _, u := range a.To {
		text := fmt.Sprintf("Hello %s,\n\n%s asks for someone to cover their on-call time in %s:\n\n  %s – %s\n\n",
			u.Name, a.Requester.Name, a.Schedule.Name, a.Request.StartsAt.In(loc).Format(layout), a.Request.EndsAt.In(loc).Format(layout))
		if a.Request.Message != "" {
			text += "Their note: " + a.Request.Message + "\n\n"
		}
		text += fmt.Sprintf("Accept it (you take the time over at once) or ignore it here:\n\n%s\n\nThe request expires %s.\n",
			link, a.Request.ExpiresAt.In(loc).Format(layout))
		if err := w.deps.Mailer.Send(ctx, notify.Email{
			To:      u.Email,
			Subject: fmt.Sprintf("Cover request: %s, %s", a.Schedule.Name, a.Request.StartsAt.In(loc).Format("Mon 2 Jan")),
			Text:    text,
		}); err != nil {
			errs = append(errs, fmt.Errorf("to %s: %w", u.Email, err))
		}
	}
	return errors.Join(errs...)
}

// expireCovers marks expired cover requests until ctx ends. Every worker
// may run it: the update is idempotent.
func (w *Worker) expireCovers(ctx context.Context) {
	t := time.NewTicker(coverExpiryInterval)
	defer t.Stop()
	for {
		if n, err := w.deps.Schedules.ExpireCovers(viewer.System(ctx)); err != nil && ctx.Err() == nil {
			slog.ErrorContext(ctx, "expiring cover requests failed", "err", err)
		} else if n > 0 {
			slog.InfoContext(ctx, "cover requests expired", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
