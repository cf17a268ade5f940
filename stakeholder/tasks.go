package stakeholder

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
)

// Task types; the worker registers Handle* for them (worker/stakeholder.go).
const (
	// TypeAnnounce fans one event (a declared incident, a status update)
	// out to the people who follow it.
	TypeAnnounce = "stakeholder:announce"
	// TypeNotify tells one person of one event, by email and push.
	TypeNotify = "stakeholder:notify"
	// TypeDigest sends one person the updates of one period.
	TypeDigest = "stakeholder:digest"
)

// Queue is the Asynq queue of the stakeholder tasks: they matter less
// than pages and more than housekeeping.
const Queue = "default"

// The events people are told about.
const (
	EventDeclared = "declared" // ID is the incident's
	EventUpdate   = "update"   // ID is the status update's
)

// Event is the payload of TypeAnnounce and, with UserID, TypeNotify.
type Event struct {
	Kind   string `json:"kind"`
	ID     int    `json:"id"`
	UserID int    `json:"user_id,omitempty"`
}

// DigestPeriod is the payload of TypeDigest: the updates of [Start, End).
type DigestPeriod struct {
	UserID int       `json:"user_id"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end"`
}

// IncidentDeclared queues the announcement of a new incident to the
// subscribers of its services (incident.Announcer). Call it after commit.
func (s *Stakeholders) IncidentDeclared(ctx context.Context, incidentID int) {
	s.announce(ctx, Event{Kind: EventDeclared, ID: incidentID})
}

// StatusUpdatePosted queues the announcement of a status update
// (incident.Announcer); INTERNAL updates are dropped by the fan-out.
func (s *Stakeholders) StatusUpdatePosted(ctx context.Context, updateID int) {
	s.announce(ctx, Event{Kind: EventUpdate, ID: updateID})
}

// announce has no error to return (the incident is committed whatever
// happens here); a failure is logged.
func (s *Stakeholders) announce(ctx context.Context, e Event) {
	id := fmt.Sprintf("stakeholder:announce:%s:%d", e.Kind, e.ID)
	if err := s.enqueue(ctx, TypeAnnounce, e, id); err != nil {
		slog.ErrorContext(ctx, "queueing the stakeholder announcement failed", "event", e.Kind, "id", e.ID, "err", err)
	}
}

// enqueue queues one task under a deterministic id: queueing it again
// while it exists (or was done within the retention) is a no-op.
func (s *Stakeholders) enqueue(ctx context.Context, typ string, payload any, id string, opts ...asynq.Option) error {
	if s.Queue == nil {
		return errors.New("no task queue configured")
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	opts = append([]asynq.Option{asynq.Queue(Queue), asynq.TaskID(id), asynq.MaxRetry(10),
		asynq.Retention(2 * time.Hour)}, opts...)
	_, err = s.Queue.EnqueueContext(ctx, asynq.NewTask(typ, b), opts...)
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return nil
	}
	return err
}

func decode(t *asynq.Task, v any) error {
	if err := json.Unmarshal(t.Payload(), v); err != nil {
		return fmt.Errorf("bad payload: %v: %w", err, asynq.SkipRetry)
	}
	return nil
}
