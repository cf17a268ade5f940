package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/stakeholder"
	"github.com/tocsin/tocsin/statuspage"
)

// TypeStatusPageUpdate emails a public status update to the status pages'
// confirmed subscribers.
const TypeStatusPageUpdate = "statuspage:update"

type statusPagePayload struct {
	UpdateID int `json:"update_id"`
}

// StatusPageAnnouncer is the incident.Announcer of the status pages: a
// posted update is queued (one task per update, so it is emailed once;
// statuspage.Notifier sends only PUBLIC ones, and a retry's emails keep
// their Message-IDs).
type StatusPageAnnouncer struct{ Queue *Client }

// IncidentDeclared: a declaration alone is not on the status page's email.
func (StatusPageAnnouncer) IncidentDeclared(context.Context, int) {}

// ServicesAffected: nothing to send. The page shows an incident on the
// components of its services as they are when the page is read, so a
// newly affected service's component shows it at once; its subscribers
// hear of the incident with its next PUBLIC update, as everyone does.
func (StatusPageAnnouncer) ServicesAffected(context.Context, int) {}

// StatusUpdatePosted queues the update's emails; a failure is logged, and
// the announcement sweep queues them again.
func (s StatusPageAnnouncer) StatusUpdatePosted(ctx context.Context, updateID int) {
	if err := s.Queue.enqueueStatusPageUpdate(ctx, updateID); err != nil {
		slog.WarnContext(ctx, "queueing a status page update's emails (the sweep retries)", "update", updateID, "err", err)
	}
}

// enqueueStatusPageUpdate queues the update's emails under one id per
// update: queueing it again while it exists is a no-op.
func (c *Client) enqueueStatusPageUpdate(ctx context.Context, updateID int) error {
	b, _ := json.Marshal(statusPagePayload{UpdateID: updateID})
	_, err := c.c.EnqueueContext(ctx, asynq.NewTask(TypeStatusPageUpdate, b), asynq.Queue(QueueDefault),
		asynq.MaxRetry(10), asynq.Retention(2*time.Hour), asynq.TaskID(fmt.Sprintf("statuspage-update:%d", updateID)))
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return nil
	}
	return err
}

// sweepStatusPageEmails queues again the PUBLIC updates of the last day
// (stakeholder.LookBack) whose emails have not all gone out, once they are
// stakeholder.SweepGrace old: their task was lost (a process died after
// the commit, Redis was flushed). It returns how many it queued.
func (w *Worker) sweepStatusPageEmails(ctx context.Context, now time.Time) (int, error) {
	n := &statuspage.Notifier{Subscriptions: w.deps.StatusPages}
	ids, err := n.Unannounced(ctx, now.Add(-stakeholder.LookBack), now.Add(-w.sweepGrace()), now.Add(-7*24*time.Hour), 1000)
	if err != nil {
		return 0, err
	}
	var errs []error
	for _, id := range ids {
		errs = append(errs, w.jobs.enqueueStatusPageUpdate(ctx, id))
	}
	return len(ids), errors.Join(errs...)
}

// handleStatusPageUpdate runs TypeStatusPageUpdate.
func (w *Worker) handleStatusPageUpdate(ctx context.Context, t *asynq.Task) error {
	var p statusPagePayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: %v", asynq.SkipRetry, err)
	}
	return (&statuspage.Notifier{Subscriptions: w.deps.StatusPages}).PublicUpdatePosted(ctx, p.UpdateID)
}
