package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
)

// reminderInterval bounds how late an overdue stakeholder update is noticed.
const reminderInterval = 30 * time.Second

// remindOverdueUpdates reminds people of late stakeholder updates until ctx ends.
func (w *Worker) remindOverdueUpdates(ctx context.Context) {
	t := time.NewTicker(reminderInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := w.RemindOverdueUpdates(ctx, time.Now()); err != nil && ctx.Err() == nil {
				slog.ErrorContext(ctx, "overdue update reminders failed", "err", err)
			} else if n > 0 {
				slog.InfoContext(ctx, "overdue update reminders sent", "count", n)
			}
		}
	}
}

// RemindOverdueUpdates emails the comms lead (else the commander) of each
// incident whose stakeholder update is overdue, once per overdue period;
// the claim is on the incident's timeline (UPDATE_OVERDUE) before the
// email goes, so a failed email is logged, never sent twice.
func (w *Worker) RemindOverdueUpdates(ctx context.Context, now time.Time) (int, error) {
	late, err := incident.ClaimOverdue(ctx, w.deps.Client, now)
	if err != nil {
		return 0, err
	}
	var errs []error
	sent := 0
	for _, o := range late {
		if o.To == nil || w.deps.Mailer == nil {
			continue
		}
		link := fmt.Sprintf("%s/incidents/%d", w.deps.BaseURL, o.Incident.ID)
		late := now.Sub(o.DueAt).Round(time.Minute)
		text := fmt.Sprintf("Hello %s,\n\nThe stakeholder update for incident %q (%s) was due %s ago, at %s.\n\n"+
			"Post an update (audience: stakeholders or public) here:\n\n%s\n",
			o.To.Name, o.Incident.Title, o.Incident.Severity, late, o.DueAt.UTC().Format("15:04 MST"), link)
		err := w.deps.Mailer.Send(ctx, notify.Email{
			To:      o.To.Email,
			Subject: fmt.Sprintf("Update overdue: %s (%s)", o.Incident.Title, o.Incident.Severity),
			Text:    text,
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("reminding %s of incident %d: %w", o.To.Email, o.Incident.ID, err))
			continue
		}
		sent++
	}
	return sent, errors.Join(errs...)
}
