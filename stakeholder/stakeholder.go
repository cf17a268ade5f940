// Package stakeholder keeps the people who follow incidents informed:
// subscriptions to services and single incidents, each person's
// notification preferences, and the notifications themselves.
//
// What it guarantees:
//   - a person subscribes, unsubscribes and sets preferences only for
//     themselves (ent privacy: rule.Reads), and only to what
//     they may read; subscribing twice is one subscription;
//   - nothing is sent inside the request: Stakeholders implements
//     incident.Announcer by queueing one Asynq task per event after the
//     incident's transaction committed; the worker fans it out;
//   - PostgreSQL, not Redis, knows what is owed: the fan-out plans one
//     StakeholderMessage row per person (the event, or their digest of
//     the period the event falls in) and marks the event announced in the
//     same transaction; the notification sends the email and each device's
//     push at most once per message, recording each part under the row's
//     lock. Sweep (one worker at a time) queues again the announcements and
//     due messages of the last LookBack that Redis lost, so nobody misses an
//     update when a process dies after a commit or Redis is flushed, and
//     nobody hears of one twice when a task runs again;
//   - an incident that comes to affect a service after its declaration
//     (AFFECTED: its SERVICES_ADDED timeline event) is told to that
//     service's subscribers who did not follow it yet, once; a resolved
//     incident to nobody;
//   - INTERNAL status updates notify nobody; a person whose preference is a
//     digest gets one email per hour or day (their own day, in their time
//     zone) with every update of the period, and nothing in between.
package stakeholder

import (
	"context"
	"errors"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/notify"
)

// Mailer sends one email (notify.Mailer).
type Mailer interface {
	Send(ctx context.Context, e notify.Email) error
}

// Stakeholders holds what subscriptions and notifications need; build it
// once in main.
type Stakeholders struct {
	Client *ent.Client
	// Queue takes the fan-out, notification and digest tasks.
	Queue *asynq.Client
	// Mailer sends the emails (worker only; nil: email is off).
	Mailer Mailer
	// Push is the mobile-push channel (worker only; nil: push is off).
	Push notify.Channel
	// BaseURL is where the SPA is reached, for links in messages.
	BaseURL string
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// SweepGrace is how overdue an announcement or message is before
	// Sweep queues it again (SweepGrace when 0).
	SweepGrace time.Duration
}

// ErrNotFound is a service or incident the viewer cannot see.
var ErrNotFound = errors.New("no such service or incident, or you may not see it")

func (s *Stakeholders) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}
