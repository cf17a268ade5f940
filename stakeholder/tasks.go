package stakeholder

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/stakeholdermessage"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
)

// Task types; the worker registers Handle* for them (worker/stakeholder.go).
const (
	// TypeAnnounce fans one event (a declared incident, a status update,
	// services affected later) out to the people who follow it.
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
	// EventAffected: services became affected after the declaration; ID
	// is the SERVICES_ADDED timeline event's.
	EventAffected = "affected"
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
	// Digest is HOURLY or DAILY (tasks queued before it was named: read
	// from the period's length).
	Digest stakeholderpreference.Digest `json:"digest,omitempty"`
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

// ServicesAffected queues the announcement that an incident under way now
// affects more services, to those services' subscribers who did not
// follow it yet (incident.Announcer). Call it after commit.
func (s *Stakeholders) ServicesAffected(ctx context.Context, eventID int) {
	s.announce(ctx, Event{Kind: EventAffected, ID: eventID})
}

// announce has no error to return (the incident is committed whatever
// happens here); a failure is logged, and the sweep queues it again.
func (s *Stakeholders) announce(ctx context.Context, e Event) {
	if err := s.queueAnnounce(ctx, e); err != nil {
		slog.ErrorContext(ctx, "queueing the stakeholder announcement failed (the sweep retries)", "event", e.Kind, "id", e.ID, "err", err)
	}
}

func (s *Stakeholders) queueAnnounce(ctx context.Context, e Event) error {
	return s.enqueue(ctx, TypeAnnounce, e, fmt.Sprintf("stakeholder:announce:%s:%d", e.Kind, e.ID))
}

// queueMessage queues the task that sends a planned message: TypeNotify
// at once, or TypeDigest at the end of its period (at once when due says
// it is due: the sweep).
func (s *Stakeholders) queueMessage(ctx context.Context, m *ent.StakeholderMessage, due bool) error {
	switch m.Event {
	case stakeholdermessage.EventDECLARED, stakeholdermessage.EventUPDATE, stakeholdermessage.EventAFFECTED:
		e := Event{Kind: eventKind(m.Event), ID: m.EventID, UserID: m.UserID}
		return s.enqueue(ctx, TypeNotify, e, fmt.Sprintf("stakeholder:notify:%s:%d:%d", e.Kind, e.ID, e.UserID))
	}
	d := digestOf(m.Event)
	p := DigestPeriod{UserID: m.UserID, Start: *m.PeriodStart, End: time.Unix(int64(m.EventID), 0).UTC(), Digest: d}
	var opts []asynq.Option
	if !due {
		opts = append(opts, asynq.ProcessAt(m.DueAt))
	}
	return s.enqueue(ctx, TypeDigest, p, fmt.Sprintf("stakeholder:digest:%d:%s:%d", m.UserID, d, m.EventID), opts...)
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
