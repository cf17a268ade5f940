package pager

import (
	"context"
	"slices"
	"sync"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/txn"
	"github.com/tocsin/tocsin/viewer"
)

// deliverNow sends planned pages of one alert's step that are due now,
// together (a step fired anew sends its own in its transaction, fireStep;
// this is for the pages of a step that had fired before): one transaction
// locks them and the alert (Deliver's guarantees hold for each: sent at
// most once, never after an acknowledge), hands them to their channels at
// once (sendAll), and records the outcomes.
//
// Pages to a channel that records its attempts (notify.Finder: SMS, voice)
// commit an attempt on a connection of their own before the provider is
// called; they are returned in alone, to go one by one (deliverAt). Pages
// to retry later (a temporary failure) are returned in retry. The caller
// holds a budget slot.
func (e *Engine) deliverNow(ctx context.Context, alertID int, ids []int) (retry, alone []int, err error) {
	ctx = viewer.System(ctx)
	tx, err := e.Client.Tx(ctx)
	if err != nil {
		return nil, nil, err
	}
	if retry, alone, err = e.deliverAll(txn.With(ctx, tx), tx, alertID, ids); err != nil {
		_ = tx.Rollback()
		return nil, nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, err
	}
	return retry, alone, nil
}

func (e *Engine) deliverAll(ctx context.Context, tx *ent.Tx, alertID int, ids []int) (retry, alone []int, err error) {
	ds, err := tx.Delivery.Query().Where(delivery.IDIn(ids...), delivery.AlertID(alertID), delivery.StatusEQ(delivery.StatusPLANNED)).
		Order(ent.Asc(delivery.FieldID)).ForUpdate().All(ctx)
	if err != nil || len(ds) == 0 {
		return nil, nil, err
	}
	a, err := lockAlert(ctx, tx, alertID)
	if err != nil {
		return nil, nil, ignoreNotFound(err)
	}
	var w writes
	if retry, alone, err = e.sendAll(ctx, tx, a, ds, nil, &w); err != nil {
		return nil, nil, err
	}
	return retry, alone, w.write(ctx, tx)
}

// sendAll sends pages ds of alert a, both locked by tx, together: it hands
// them to their channels at once and records the outcomes (in w, for the
// caller to write). methods are the pages' contact methods with their
// owners (when one is missing, all are read). Pages to a channel that
// records its attempts (notify.Finder) are returned in alone, pages to
// retry later in retry.
func (e *Engine) sendAll(ctx context.Context, tx *ent.Tx, a *ent.Alert, ds []*ent.Delivery, methods map[int]*ent.ContactMethod,
	w *writes) (retry, alone []int, err error) {
	if slices.ContainsFunc(ds, func(d *ent.Delivery) bool { return methods[d.ContactMethodID] == nil }) {
		// Not given, or a page planned before this step (a row kept by the
		// plan's ON CONFLICT): read them rather than take it as removed.
		methodIDs := make([]int, len(ds))
		for i, d := range ds {
			methodIDs[i] = d.ContactMethodID
		}
		cms, err := tx.ContactMethod.Query().Where(contactmethod.IDIn(methodIDs...)).WithUser().All(ctx)
		if err != nil {
			return nil, nil, err
		}
		methods = make(map[int]*ent.ContactMethod, len(cms))
		for _, cm := range cms {
			methods[cm.ID] = cm
		}
	}
	now := e.Now()
	var out []outcome
	for _, d := range ds {
		cm := methods[d.ContactMethodID]
		ch, page, err := e.prepare(ctx, tx, d, a, cm, now)
		if err != nil {
			return nil, nil, err
		}
		if ch == nil {
			continue
		}
		if _, finds := ch.(notify.Finder); finds {
			alone = append(alone, d.ID)
			continue
		}
		out = append(out, outcome{d: d, a: a, cm: cm, ch: ch, page: page, now: now})
	}
	// The channels are called at once; none of them touches tx (only a
	// Finder's send does, and those go alone).
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() {
			o := &out[i]
			o.receipt, o.found, o.err = e.send(ctx, tx, o.d, o.ch, o.page)
		})
	}
	wg.Wait()
	for _, o := range out {
		sendErr, err := e.record(ctx, tx, o, w)
		if err != nil {
			return nil, nil, err
		}
		if sendErr != nil {
			retry = append(retry, o.d.ID)
		}
	}
	return retry, alone, nil
}
