package incident

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
)

// Pager is the seam where the paging engine starts and stops escalation.
//
// Whether paging is due is lifecycle state, kept by this package on the
// alert itself: escalation_due_at is set when an alert opens outside a
// maintenance window (in the create statement), on unacknowledge and
// escalate-now (now) and on snooze of an open alert (its end), and cleared
// on acknowledge and close — an acknowledged alert's policy may set it
// again (Acknowledged: a step that pages until the alert is closed). The Pager acts on those changes: Start, Stop and
// EscalateNow run inside the transaction that made them (work that must wait
// for the commit registers with tx.OnCommit); Opened runs after the commit
// of a new alert that needs a person.
type Pager interface {
	// Opened wakes escalation of a new alert (after its commit): its first
	// step (round 0, step 0) is due at due.
	Opened(ctx context.Context, alertID int, due time.Time)
	// Start resumes escalation of an alert that needs a person again.
	Start(ctx context.Context, tx *ent.Tx, a *ent.Alert) error
	// Stop ends escalation: the alert was snoozed or closed.
	Stop(ctx context.Context, tx *ent.Tx, a *ent.Alert) error
	// Acknowledged ends escalation of an acknowledged alert, or keeps it
	// going where the policy says so (steps that page until the alert is
	// closed); was is the due time this package cleared.
	Acknowledged(ctx context.Context, tx *ent.Tx, a *ent.Alert, was *time.Time) error
	// EscalateNow skips to the next escalation step at once.
	EscalateNow(ctx context.Context, tx *ent.Tx, a *ent.Alert) error
}

// PendingPager stands in until the paging engine exists: the alerts it is
// given keep their escalation_due_at ("escalation pending", shown on the
// alert) and nobody is paged.
type PendingPager struct{}

// Opened has no engine to wake.
func (PendingPager) Opened(context.Context, int, time.Time) {}

// Start leaves escalation pending.
func (PendingPager) Start(context.Context, *ent.Tx, *ent.Alert) error { return nil }

// Stop has nothing to stop.
func (PendingPager) Stop(context.Context, *ent.Tx, *ent.Alert) error { return nil }

// Acknowledged has nothing to keep paging.
func (PendingPager) Acknowledged(context.Context, *ent.Tx, *ent.Alert, *time.Time) error { return nil }

// EscalateNow leaves the request pending.
func (PendingPager) EscalateNow(context.Context, *ent.Tx, *ent.Alert) error { return nil }
