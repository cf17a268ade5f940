package incident

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
)

// Pager is the seam where the paging engine starts and stops escalation.
// Each method runs inside the transaction that changed the alert; work that
// must wait for the commit (queueing tasks) registers with tx.OnCommit.
type Pager interface {
	// Start begins (or resumes) escalation for an alert that needs a person.
	Start(ctx context.Context, tx *ent.Tx, a *ent.Alert) error
	// Stop ends escalation: the alert was acknowledged, snoozed or closed.
	Stop(ctx context.Context, tx *ent.Tx, a *ent.Alert) error
	// EscalateNow skips to the next escalation step at once.
	EscalateNow(ctx context.Context, tx *ent.Tx, a *ent.Alert) error
}

// PendingPager stands in until the paging engine exists: it records on the
// timeline that escalation is pending, and pages nobody.
type PendingPager struct{}

// Start records "escalation pending".
func (PendingPager) Start(ctx context.Context, tx *ent.Tx, a *ent.Alert) error {
	return record(ctx, tx, a, SystemActor("Tocsin"), KindEscalationPending, time.Now(), nil)
}

// Stop has nothing to stop.
func (PendingPager) Stop(context.Context, *ent.Tx, *ent.Alert) error { return nil }

// EscalateNow records the request; the paging engine will act on it.
func (PendingPager) EscalateNow(ctx context.Context, tx *ent.Tx, a *ent.Alert) error {
	return record(ctx, tx, a, SystemActor("Tocsin"), KindEscalationPending, time.Now(), map[string]any{"requested": true})
}
