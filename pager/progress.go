package pager

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// ProgressState says whether an alert is still being paged, and if not why.
type ProgressState string

// The states of an alert's paging.
const (
	// Paging: steps are still to fire, or pages of the last one to go out.
	StatePaging ProgressState = "PAGING"
	// KeepPaging: acknowledged, but a keep-paging step pages on until close.
	StateKeepPaging ProgressState = "KEEP_PAGING"
	StateSnoozed    ProgressState = "SNOOZED"
	StateAcked      ProgressState = "ACKNOWLEDGED"
	StateClosed     ProgressState = "CLOSED"
	// Exhausted: every step of every round has fired and no page is left.
	StateExhausted ProgressState = "EXHAUSTED"
	// Maintenance: opened during a maintenance window, never paged.
	StateMaintenance ProgressState = "MAINTENANCE"
)

// Progress is where an alert is in its escalation policy, as PostgreSQL
// holds it: what fired last, what is planned, what comes next.
type Progress struct {
	State ProgressState
	// Round is the current round (1-based) of Rounds (the policy's repeats
	// plus one; more when an unacknowledge restarted the policy late).
	Round, Rounds int
	// Step is the step that fired last (1-based; 0: none yet) of Steps.
	Step, Steps int
	// SnoozedUntil is set while the alert is snoozed.
	SnoozedUntil *time.Time
	// StoppedBy and StoppedAt name who acknowledged or closed the alert
	// and when, for the states that say so.
	StoppedBy string
	StoppedAt *time.Time
	// Planned are the pages of fired steps still to go out, by due time.
	Planned []Page
	// Next is the step to fire next (nil: none).
	Next *NextStep
}

// Page is one page, planned or previewed.
type Page struct {
	At time.Time
	// User is the person paged; nil for a webhook.
	User *ent.User
	// Channel is the notify channel ("push", "sms", … "webhook").
	Channel string
	// Method is the contact method's name ("Work phone", or the webhook's).
	Method string
}

// NextStep is the step an alert's policy fires next, and whom it would
// page if it fired now: each person's first page by their rules, then the
// webhooks.
type NextStep struct {
	Round, Step int // 1-based
	DueAt       time.Time
	Pages       []Page
	// Unreachable names people the step reaches who have no usable rule.
	Unreachable []string
}

// ErrNotPaged is Progress's answer for an alert that has no paging to
// show: no step ever fired, none is due, and no maintenance window held it
// (acknowledged before its first step, or made before paging existed).
var ErrNotPaged = errors.New("the alert has no escalation: nothing fired and nothing is due")

// Progress reads where alertID's escalation is. It reads as the system:
// callers check first that the viewer may see the alert.
func (e *Engine) Progress(ctx context.Context, alertID int) (Progress, error) {
	ctx = viewer.System(ctx)
	tx, err := e.Client.Tx(ctx)
	if err != nil {
		return Progress{}, err
	}
	defer func() { _ = tx.Rollback() }()
	ctx = ent.NewTxContext(ctx, tx)
	a, err := tx.Alert.Query().Where(alert.ID(alertID)).WithService().Only(ctx)
	if err != nil {
		return Progress{}, fmt.Errorf("escalation progress of alert %d: %w", alertID, err)
	}
	policy, err := e.policyOf(ctx, tx, a, a.Edges.Service)
	if err != nil {
		return Progress{}, err
	}
	now := e.Now()
	p := Progress{State: stateOf(a, now), Steps: len(policy.Steps), Rounds: policy.Repeat + 1}
	fired, err := lastFired(ctx, tx, a.ID)
	if err != nil {
		return Progress{}, err
	}
	switch {
	case fired != nil:
		// Rounds count from the policy's last (re)start (an unacknowledge).
		p.Round, p.Step = max(fired.Round-a.EscalationFirstRound, 0)+1, fired.Step+1
	case a.EscalationDueAt == nil && !a.InMaintenance:
		return Progress{}, fmt.Errorf("alert %d: %w", a.ID, ErrNotPaged)
	default:
		p.Round = a.EscalationRound - a.EscalationFirstRound + 1
	}
	p.Rounds = max(p.Rounds, p.Round)
	switch p.State {
	case StateSnoozed:
		p.SnoozedUntil = a.SnoozedUntil
	case StateAcked, StateKeepPaging, StateClosed:
		if err := stoppedBy(ctx, tx, a, &p); err != nil {
			return Progress{}, err
		}
	}
	if p.Planned, err = planned(ctx, tx, a, p.State); err != nil {
		return Progress{}, err
	}
	if p.State == StateExhausted && len(p.Planned) > 0 {
		p.State = StatePaging // the last step's later pages still go out
	}
	if a.EscalationDueAt != nil && a.EscalationStep < len(policy.Steps) && p.State != StateClosed {
		if p.Next, err = e.next(ctx, tx, a, policy, now); err != nil {
			return Progress{}, err
		}
	}
	return p, nil
}

// stateOf is the paging state the alert's row says.
func stateOf(a *ent.Alert, now time.Time) ProgressState {
	switch {
	case a.Status == alert.StatusCLOSED:
		return StateClosed
	case a.Status == alert.StatusACKED && a.EscalationDueAt != nil:
		return StateKeepPaging
	case a.Status == alert.StatusACKED:
		return StateAcked
	case a.SnoozedUntil != nil && a.SnoozedUntil.After(now):
		return StateSnoozed
	case a.EscalationDueAt != nil:
		return StatePaging
	case a.InMaintenance:
		return StateMaintenance
	}
	return StateExhausted
}

// lastFired is the position of the step that fired last (nil: none yet),
// from the timeline, which also records steps that reached nobody.
func lastFired(ctx context.Context, tx *ent.Tx, alertID int) (*escalation.Position, error) {
	ev, err := tx.TimelineEvent.Query().
		Where(timelineevent.AlertID(alertID), timelineevent.Kind(incident.KindStepFired)).
		Order(ent.Desc(timelineevent.FieldCreatedAt), ent.Desc(timelineevent.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &escalation.Position{Round: intOf(ev.Data["round"]), Step: intOf(ev.Data["step"])}, nil
}

// intOf reads a number of an event's JSON data.
func intOf(v any) int {
	switch n := v.(type) {
	case float64:
		return int(n)
	case int:
		return n
	}
	return 0
}

// stoppedBy fills who acknowledged or closed the alert, from its latest
// such event (an API or a link acknowledges too, not only a user).
func stoppedBy(ctx context.Context, tx *ent.Tx, a *ent.Alert, p *Progress) error {
	kind := incident.KindAcknowledged
	if a.Status == alert.StatusCLOSED {
		kind = incident.KindClosed
	}
	ev, err := tx.TimelineEvent.Query().Where(timelineevent.AlertID(a.ID), timelineevent.Kind(kind)).
		Order(ent.Desc(timelineevent.FieldCreatedAt), ent.Desc(timelineevent.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	p.StoppedBy, p.StoppedAt = ev.ActorName, &ev.CreatedAt
	return nil
}

// planned lists the alert's PLANNED deliveries that would still be sent in
// its state: none once acknowledged (but a keep-paging step's) or closed,
// and none that fall inside a snooze.
func planned(ctx context.Context, tx *ent.Tx, a *ent.Alert, st ProgressState) ([]Page, error) {
	if st == StateClosed || st == StateAcked || st == StateMaintenance {
		return nil, nil
	}
	ds, err := tx.Delivery.Query().Where(delivery.AlertID(a.ID), delivery.StatusEQ(delivery.StatusPLANNED)).
		WithUser().WithContactMethod().Order(ent.Asc(delivery.FieldDueAt), ent.Asc(delivery.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	var out []Page
	for _, d := range ds {
		if st == StateSnoozed && d.DueAt.Before(*a.SnoozedUntil) {
			continue
		}
		if st == StateKeepPaging && !d.UntilClosed {
			continue
		}
		out = append(out, pageOf(d.DueAt, d.Edges.User, d.Edges.ContactMethod))
	}
	return out, nil
}

// pageOf names a page on cm for u at at.
func pageOf(at time.Time, u *ent.User, cm *ent.ContactMethod) Page {
	if cm == nil {
		return Page{At: at, User: u}
	}
	pg := Page{At: at, User: u, Channel: contact.ChannelName(cm.Kind), Method: cm.Name}
	if cm.Kind == contactmethod.KindWEBHOOK {
		pg.User = nil
	}
	return pg
}

// next previews the alert's next step: whom it would page if it fired now
// (round robin shows whose turn it is without taking it) and each person's
// first page by their rules, as escalation.Plan would time it.
func (e *Engine) next(ctx context.Context, tx *ent.Tx, a *ent.Alert, policy escalation.Policy, now time.Time) (*NextStep, error) {
	n := &NextStep{Round: a.EscalationRound - a.EscalationFirstRound + 1, Step: a.EscalationStep + 1, DueAt: *a.EscalationDueAt}
	step := policy.Steps[a.EscalationStep]
	users, webhooks, err := e.targets(ctx, tx.Client(), step.Targets, now, nil)
	if err != nil {
		return nil, err
	}
	firedAt := n.DueAt
	if firedAt.Before(now) {
		firedAt = now
	}
	urgency := urgencyOf(a)
	for _, u := range users {
		rules, err := contact.RulesFor(ctx, tx.Client(), u.ID, urgency)
		if err != nil {
			return nil, err
		}
		pages := escalation.Plan(u.ID, contact.EscalationRules(rules), urgency, quietHours(u), firedAt)
		if len(pages) == 0 {
			n.Unreachable = append(n.Unreachable, u.Name)
			continue
		}
		for _, r := range rules {
			if r.ContactMethodID == pages[0].MethodID {
				n.Pages = append(n.Pages, pageOf(pages[0].At, u, r.Edges.ContactMethod))
				break
			}
		}
	}
	for _, h := range webhooks {
		n.Pages = append(n.Pages, pageOf(firedAt, nil, h))
	}
	return n, nil
}
