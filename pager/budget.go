package pager

import (
	"context"
	"database/sql"
)

// Budget bounds the paging transactions that run at once, so that paging
// can never wait on itself for a database connection.
//
// The engine runs on a pool of its own (the composition root opens it), so
// a storm of steps and pages never takes the connections that sign-in,
// health checks and the doors use. Within that pool, a step takes one
// connection for its transaction; a page to a channel that can be asked
// what it received (SMS, voice) takes a second one for a moment, to commit
// the attempt before the provider is called, and a step with a round-robin
// target takes one to move the team's turn on in a transaction of its own
// (which waits, if at all, only for another such transaction, never for a
// connection). Transactions that each hold
// one connection while they wait for a second deadlock as soon as they hold
// them all — which is why a budget has one slot fewer than the pool has
// connections: whatever the slot holders hold, one connection is always
// free for a second one, and everything else the engine runs outside a
// slot (a single read, the sweep's reads) waits for nothing while it holds
// its connection.
type Budget struct {
	slots chan struct{}
}

// NewBudget returns the budget of a paging pool of conns connections
// (sql.DB's MaxOpenConns, at least 2).
func NewBudget(conns int) *Budget {
	return &Budget{slots: make(chan struct{}, max(conns-1, 1))}
}

// BudgetFor is the budget of db's pool; db must have a bounded pool.
func BudgetFor(db *sql.DB) *Budget { return NewBudget(db.Stats().MaxOpenConnections) }

// Slots is how many paging transactions run at once.
func (b *Budget) Slots() int { return cap(b.slots) }

// run runs fn in a slot, waiting for one (a nil budget runs it at once).
func (b *Budget) run(ctx context.Context, fn func() error) error {
	if b == nil {
		return fn()
	}
	select {
	case b.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-b.slots }()
	return fn()
}
