package pager

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/deliveryattempt"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/incident"
	mobilepush "github.com/tocsin/tocsin/mobile-push"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
	"github.com/tocsin/tocsin/txn"
	"github.com/tocsin/tocsin/viewer"
)

// HandleNotify runs TypeNotify: send one planned page.
func (e *Engine) HandleNotify(ctx context.Context, t *asynq.Task) error {
	var p notifyTask
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: %v", asynq.SkipRetry, err)
	}
	return e.Deliver(ctx, p.Delivery)
}

// errRetry is a temporary provider failure: the task runs again later.
var errRetry = errors.New("temporary delivery failure")

// Deliver sends one planned page, at its due time, at most once: inside one
// transaction it locks the delivery (still PLANNED?) and the alert (still
// open and unacknowledged? — a keep-paging step's page goes to an
// acknowledged alert too), hands the page to the channel, and records the
// outcome. An acknowledge waits for a send in flight and is never followed
// by a page. A temporary failure leaves the page PLANNED and returns an
// error so the task is retried; a permanent one is recorded and final.
func (e *Engine) Deliver(ctx context.Context, deliveryID int) error {
	d, err := e.Client.Delivery.Get(viewer.System(ctx), deliveryID)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return e.deliverAt(ctx, d.ID, d.DueAt)
}

// deliverAt is Deliver of a page due at due (a step's handler has just
// planned it and knows).
func (e *Engine) deliverAt(ctx context.Context, deliveryID int, due time.Time) error {
	ctx = viewer.System(ctx)
	if err := e.waitUntil(ctx, due); err != nil {
		return err
	}
	var sendErr error
	err := e.Budget.run(ctx, func() error {
		tx, err := e.Client.Tx(ctx)
		if err != nil {
			return err
		}
		if sendErr, err = e.deliver(txn.With(ctx, tx), tx, deliveryID); err != nil {
			_ = tx.Rollback()
			return err
		}
		return tx.Commit()
	})
	if err != nil {
		return err
	}
	return sendErr
}

func (e *Engine) deliver(ctx context.Context, tx *ent.Tx, id int) (sendErr, err error) {
	d, err := tx.Delivery.Query().Where(delivery.ID(id)).ForUpdate().Only(ctx)
	if err != nil || d.Status != delivery.StatusPLANNED {
		return nil, ignoreNotFound(err)
	}
	a, err := lockAlert(ctx, tx, d.AlertID)
	if err != nil {
		return nil, err
	}
	cm, err := tx.ContactMethod.Query().Where(contactmethod.ID(d.ContactMethodID)).WithUser().Only(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	now := e.Now()
	ch, page, err := e.prepare(ctx, tx, d, a, cm, now)
	if err != nil || ch == nil {
		return nil, err
	}
	receipt, found, err := e.send(ctx, tx, d, ch, page)
	var w writes
	sendErr, err = e.record(ctx, tx, outcome{d: d, a: a, cm: cm, ch: ch, now: now, receipt: receipt, found: found, err: err}, &w)
	if err != nil {
		return nil, err
	}
	return sendErr, w.write(ctx, tx)
}

// lockAlert reads a page's alert, with its service, and keeps it from
// being acknowledged or closed until tx ends: a page is never sent after.
func lockAlert(ctx context.Context, tx *ent.Tx, id int) (*ent.Alert, error) {
	return tx.Alert.Query().Where(alert.ID(id)).ForShare().WithService().Only(ctx)
}

// prepare decides whether page d still goes out on cm (nil: removed) and
// builds it. A page no longer wanted is skipped, one that cannot be sent
// failed, both written in tx: the channel is then nil.
func (e *Engine) prepare(ctx context.Context, tx *ent.Tx, d *ent.Delivery, a *ent.Alert, cm *ent.ContactMethod, now time.Time) (notify.Channel, notify.Page, error) {
	var why string
	switch {
	case a.Status == alert.StatusCLOSED:
		why = "the alert was closed"
	case a.Status == alert.StatusACKED && !d.UntilClosed:
		why = "the alert was acknowledged"
	case a.SnoozedUntil != nil && a.SnoozedUntil.After(now):
		why = "the alert is snoozed"
	case cm == nil:
		why = "the contact method was removed"
	case cm.Disabled || cm.Edges.User == nil || cm.Edges.User.Disabled:
		why = "the contact method or its owner is disabled"
	}
	if why != "" {
		return nil, notify.Page{}, skip(ctx, tx, d, why)
	}
	ch := e.Channels[contact.ChannelName(cm.Kind)]
	if ch == nil {
		return nil, notify.Page{}, e.failed(ctx, tx, d, a, cm, fmt.Errorf("the %s channel is not configured on this Tocsin", contact.ChannelName(cm.Kind)), true)
	}
	page, err := e.page(a, cm, now)
	if err != nil {
		return nil, notify.Page{}, err
	}
	page.DeliveryKey = DeliveryKey(d)
	return ch, page, nil
}

// outcome is what became of one page handed to its channel.
type outcome struct {
	d       *ent.Delivery
	a       *ent.Alert
	cm      *ent.ContactMethod
	ch      notify.Channel
	page    notify.Page
	now     time.Time
	receipt notify.Receipt
	found   bool // found at the provider after an attempt whose outcome was lost
	err     error
}

// record writes an outcome in tx, but for a page sent, which it adds to w
// for the caller to write with the others (one statement for a step's
// pages, one for their events). A temporary failure leaves the page
// PLANNED and comes back as sendErr, for the task to retry.
func (e *Engine) record(ctx context.Context, tx *ent.Tx, o outcome, w *writes) (sendErr, err error) {
	if errors.Is(o.err, errLookup) {
		return o.err, nil // ask the provider again later; nothing sent
	}
	if o.err == nil {
		return nil, e.sent(ctx, tx, o, w)
	}
	permanent := notify.IsPermanent(o.err) || mobilepush.IsUnregistered(o.err)
	if mobilepush.IsUnregistered(o.err) {
		if err := tx.ContactMethod.UpdateOne(o.cm).SetDisabled(true).Exec(ctx); err != nil {
			return nil, err
		}
	}
	if !permanent {
		if err := tx.Delivery.UpdateOne(o.d).AddAttempts(1).SetDetail(cut(o.err.Error())).Exec(ctx); err != nil {
			return nil, err
		}
		return fmt.Errorf("%w: %s: %v", errRetry, o.ch.Name(), o.err), nil
	}
	return nil, e.failed(ctx, tx, o.d, o.a, o.cm, o.err, true)
}

// sent records a page the provider took (o.found: found at the provider
// after an attempt whose outcome was lost): the row and its timeline event
// go to w.
func (e *Engine) sent(ctx context.Context, tx *ent.Tx, o outcome, w *writes) error {
	d, a := o.d, o.a
	w.sent = append(w.sent, sentPage{id: d.ID, at: o.now, providerID: cut(o.receipt.ProviderID), detail: cut(o.receipt.Summary)})
	if _, finds := o.ch.(notify.Finder); finds { // only those record attempts (send)
		if _, err := tx.DeliveryAttempt.Delete().Where(deliveryattempt.DeliveryID(d.ID)).Exec(ctx); err != nil {
			return err
		}
	}
	data := map[string]any{"summary": o.receipt.Summary, "channel": o.ch.Name(), "user": o.cm.Edges.User.Name,
		"round": d.Round, "step": d.Step}
	if o.found {
		data["found_after_restart"] = true
	}
	w.events = append(w.events, tx.TimelineEvent.Create().SetAlertID(a.ID).SetNillableIncidentID(a.IncidentID).SetKind(incident.KindPageSent).
		SetActorType(timelineevent.ActorTypeSYSTEM).SetActorName("Tocsin").SetCreatedAt(o.now).SetData(data))
	return nil
}

// errLookup: the provider could not say whether an earlier attempt reached
// it; the page waits rather than risk paging twice.
var errLookup = errors.New("asking the provider about an earlier attempt")

// send hands the page to the channel. For a channel that can be asked what
// it received (notify.Finder: SMS, voice), an earlier attempt of this
// delivery that ended without an outcome is looked up first — found, that
// is the receipt (found true) and nothing is sent — and this attempt is
// marked, committed on its own, before the provider is called.
func (e *Engine) send(ctx context.Context, tx *ent.Tx, d *ent.Delivery, ch notify.Channel, page notify.Page) (notify.Receipt, bool, error) {
	sctx, cancel := context.WithTimeout(ctx, e.sendTimeout())
	defer cancel()
	finder, ok := ch.(notify.Finder)
	if !ok {
		r, err := ch.Send(sctx, page)
		return r, false, err
	}
	earlier, err := tx.DeliveryAttempt.Query().Where(deliveryattempt.DeliveryID(d.ID)).All(ctx)
	if err != nil {
		return notify.Receipt{}, false, err
	}
	for _, at := range earlier {
		r, found, err := finder.Find(sctx, page, at.StartedAt.Add(-5*time.Second), at.StartedAt.Add(e.sendTimeout()+5*time.Second))
		switch {
		case err != nil && !notify.IsPermanent(err):
			return notify.Receipt{}, false, fmt.Errorf("%w: %v", errLookup, err)
		case err == nil && found:
			return r, true, nil
		}
		// Not there, or a provider that cannot list (permanent): send.
	}
	// Not through tx: this must be committed before the provider sees the
	// page, whatever becomes of tx.
	if err := e.Client.DeliveryAttempt.Create().SetDeliveryID(d.ID).SetStartedAt(e.Now()).Exec(viewer.System(context.WithoutCancel(ctx))); err != nil {
		return notify.Receipt{}, false, err
	}
	r, err := ch.Send(sctx, page)
	return r, false, err
}

// page builds what the channel sends, with an action token when signing is on.
func (e *Engine) page(a *ent.Alert, cm *ent.ContactMethod, now time.Time) (notify.Page, error) {
	u := notify.UrgencyLow
	if urgencyOf(a) == escalation.High {
		u = notify.UrgencyHigh
	}
	p := notify.Page{AlertID: a.ID, TinyID: incident.TinyID(a.ID), Message: a.Message, Description: a.Description,
		Priority: string(a.Priority), Service: a.Edges.Service.Name, Urgency: u,
		Link: e.BaseURL + "/alerts/" + strconv.Itoa(a.ID), To: cm.Address, ToName: cm.Edges.User.Name + "'s " + cm.Name,
		CriticalAlerts: cm.CriticalAlerts}
	if e.Tokens != nil && cm.Kind != contactmethod.KindWEBHOOK {
		exp := now.Add(e.tokenTTL())
		tok, err := e.Tokens.Sign(actiontoken.Claims{AlertID: a.ID, UserID: cm.UserID, Actions: notify.Actions, Expires: exp})
		if err != nil {
			return notify.Page{}, err
		}
		p.ActionToken, p.ActionURL, p.ActionExpires = tok, e.BaseURL+"/actions/"+tok, exp
	}
	return p, nil
}

// failed records a page that will not be sent, and says so on the timeline.
func (e *Engine) failed(ctx context.Context, tx *ent.Tx, d *ent.Delivery, a *ent.Alert, cm *ent.ContactMethod, cause error, permanent bool) error {
	if err := tx.Delivery.UpdateOne(d).SetStatus(delivery.StatusFAILED).AddAttempts(1).SetDetail(cut(cause.Error())).Exec(ctx); err != nil {
		return err
	}
	if _, err := tx.DeliveryAttempt.Delete().Where(deliveryattempt.DeliveryID(d.ID)).Exec(ctx); err != nil {
		return err
	}
	data := map[string]any{"channel": contact.ChannelName(cm.Kind), "user": cm.Edges.User.Name, "reason": cut(cause.Error()),
		"permanent": permanent, "round": d.Round, "step": d.Step}
	if err := incident.NextPageAt(ctx, tx, a.ID, d.UserID, data); err != nil {
		return err
	}
	return tx.TimelineEvent.Create().SetAlertID(a.ID).SetNillableIncidentID(a.IncidentID).SetKind(incident.KindPageFailed).
		SetActorType(timelineevent.ActorTypeSYSTEM).SetActorName("Tocsin").SetCreatedAt(e.Now()).
		SetData(data).Exec(ctx)
}

// skip records a page that is no longer wanted.
func skip(ctx context.Context, tx *ent.Tx, d *ent.Delivery, why string) error {
	if _, err := tx.DeliveryAttempt.Delete().Where(deliveryattempt.DeliveryID(d.ID)).Exec(ctx); err != nil {
		return err
	}
	return tx.Delivery.UpdateOne(d).SetStatus(delivery.StatusSKIPPED).SetDetail(why).Exec(ctx)
}

func (e *Engine) sendTimeout() time.Duration {
	if e.SendTimeout > 0 {
		return e.SendTimeout
	}
	return 20 * time.Second
}

func (e *Engine) tokenTTL() time.Duration {
	if e.TokenTTL > 0 {
		return e.TokenTTL
	}
	return time.Hour
}

func cut(s string) string {
	if len(s) > 900 {
		return s[:900]
	}
	return s
}

func ignoreNotFound(err error) error {
	if ent.IsNotFound(err) {
		return nil
	}
	return err
}
