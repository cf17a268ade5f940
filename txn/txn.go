// Package txn is the one home of "which database handle does this call
// use": the transaction a caller put in the context, or the store's own
// client.
//
// A store method that runs inside someone else's transaction must use that
// transaction's connection, never take a second one from the pool: a caller
// holding a connection while it waits for another deadlocks as soon as
// enough callers do it at once (a storm of escalation steps did, with 40
// connections). Client finds the transaction whichever way the caller put
// it in the context — ent.NewTxContext (the domain's own transactions) or
// ent.NewContext (entgql's per-mutation transaction).
package txn

import (
	"context"

	"github.com/tocsin/tocsin/ent"
)

// Client is the transaction's client when ctx carries one, else c.
func Client(ctx context.Context, c *ent.Client) *ent.Client {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return tx.Client()
	}
	if tc := ent.FromContext(ctx); tc != nil {
		return tc
	}
	return c
}

// Run runs fn in the transaction ctx carries, or in a new one on c that it
// commits when fn succeeds and rolls back otherwise. fn's context carries
// the transaction, so the stores it calls join it.
func Run(ctx context.Context, c *ent.Client, fn func(ctx context.Context, tx *ent.Tx) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx)
	}
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	if err := fn(With(ctx, tx), tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// With returns ctx carrying tx both ways ent looks for it.
func With(ctx context.Context, tx *ent.Tx) context.Context {
	return ent.NewContext(ent.NewTxContext(ctx, tx), tx.Client())
}
