package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/hibiken/asynq"

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

// StatusUpdatePosted queues the update's emails.
func (s StatusPageAnnouncer) StatusUpdatePosted(ctx context.Context, updateID int) {
	b, _ := json.Marshal(statusPagePayload{UpdateID: updateID})
	_, err := s.Queue.c.EnqueueContext(ctx, asynq.NewTask(TypeStatusPageUpdate, b), asynq.Queue(QueueDefault),
		asynq.MaxRetry(10), asynq.TaskID(fmt.Sprintf("statuspage-update:%d", updateID)))
	if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		slog.WarnContext(ctx, "queueing a status page update's emails", "update", updateID, "err", err)
	}
}

// handleStatusPageUpdate runs TypeStatusPageUpdate.
func (w *Worker) handleStatusPageUpdate(ctx context.Context, t *asynq.Task) error {
	var p statusPagePayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: %v", asynq.SkipRetry, err)
	}
	return (&statuspage.Notifier{Subscriptions: w.deps.StatusPages}).PublicUpdatePosted(ctx, p.UpdateID)
}
