// Package incident is the one home of the alert and incident lifecycle:
// dedupe, create, acknowledge, unacknowledge, close, snooze, notes,
// assignment, escalation requests and edits.
//
// Every door — GraphQL, the Opsgenie and PagerDuty APIs, Alertmanager and
// Grafana webhooks, email, heartbeats — calls these functions, so the rules
// hold everywhere. Each change writes its timeline event, with its actor, in
// the same transaction. When the context already carries a transaction (a
// GraphQL mutation, or a door that records its own request status), the
// change joins it; otherwise it opens and commits its own.
//
// Guarantees:
//   - at most one alert per (service, alias) is not CLOSED; a repeat bumps
//     count and last_occurred_at and never pages again;
//   - paging starts only for a new alert outside a maintenance window and
//     for an unacknowledge, and stops on acknowledge, snooze and close: the
//     alert's escalation_due_at says so in the same transaction, and the
//     Pager seam is told (see Pager).
package incident

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/timelineevent"
)

// Alerts runs the alert lifecycle. Build it once in main.
type Alerts struct {
	Client *ent.Client
	// DB is the client's database, for the prepared create statement.
	DB    *sql.DB
	Pager Pager
	Now   func() time.Time
	// Debounce folds repeated dedupe timeline entries closer than this into one.
	Debounce time.Duration
	// Live publishes what Create writes (other changes: PublishChanges).
	Live Publisher

	prepare    sync.Once
	createStmt *sql.Stmt
	prepareErr error
}

// New returns Alerts on a client and its database, with the "escalation
// pending" pager and a 1-minute debounce.
func New(client *ent.Client, db *sql.DB) *Alerts {
	return &Alerts{Client: client, DB: db, Pager: PendingPager{}, Now: time.Now, Debounce: time.Minute}
}

// Actor is who made a change, as written on the timeline.
type Actor struct {
	Type          timelineevent.ActorType
	UserID        int
	IntegrationID int
	Name          string
}

// UserActor is a signed-in user.
func UserActor(u *ent.User) Actor {
	return Actor{Type: timelineevent.ActorTypeUSER, UserID: u.ID, Name: u.Name}
}

// IntegrationActor is a monitoring tool; name is what the sender called
// itself (Opsgenie's "user" field) or the integration's name.
func IntegrationActor(integrationID int, name string) Actor {
	return Actor{Type: timelineevent.ActorTypeINTEGRATION, IntegrationID: integrationID, Name: name}
}

// SystemActor is Tocsin itself (heartbeat expiry, maintenance, the engine).
func SystemActor(name string) Actor {
	return Actor{Type: timelineevent.ActorTypeSYSTEM, Name: name}
}

// InvalidError is input that breaks a rule; Field names it as the API does.
// It is the data layer's type, so every door maps one type to BAD_USER_INPUT.
type InvalidError = rule.InvalidError

// StateError is an action that does not fit the alert's state, e.g.
// acknowledging a closed alert. Its message is what Opsgenie would say.
type StateError struct {
	AlertID int
	Reason  string
}

func (e *StateError) Error() string { return e.Reason }

// ErrNotFound means no alert matches the identifier.
var ErrNotFound = errors.New("Alert does not exist")

// inTx runs fn in the transaction of ctx, or in a new one it commits.
func (s *Alerts) inTx(ctx context.Context, fn func(ctx context.Context, tx *ent.Tx) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx)
	}
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return err
	}
	ctx = ent.NewTxContext(ctx, tx)
	if err := fn(ctx, tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rollback: %v)", err, rerr)
		}
		return err
	}
	return tx.Commit()
}

// record writes one timeline event on an alert.
func record(ctx context.Context, tx *ent.Tx, a *ent.Alert, by Actor, kind string, at time.Time, data map[string]any) error {
	if data == nil {
		data = map[string]any{}
	}
	c := tx.TimelineEvent.Create().
		SetAlertID(a.ID).SetKind(kind).SetActorType(by.Type).SetActorName(by.Name).
		SetData(data).SetCreatedAt(at)
	if a.IncidentID != nil {
		c.SetIncidentID(*a.IncidentID)
	}
	if by.UserID != 0 {
		c.SetActorID(by.UserID)
	}
	return c.Exec(ctx)
}
