package pager

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/escalationstep"
	entschedule "github.com/tocsin/tocsin/ent/schedule"
	"github.com/tocsin/tocsin/ent/team"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/txn"
	"github.com/tocsin/tocsin/viewer"
)

// HandleStep runs TypeStep: fire the step the task was queued for, if the
// alert is still there, then queue its next step and send its pages.
//
// Pages due now are sent from here rather than wait for the queue to pick
// new tasks up, together (deliverNow), in the same budget slot as the step:
// a storm's steps that fired already are paged before more steps fire,
// instead of their pages queueing for a slot behind them. The slot holds
// one transaction at a time, the step's and then its pages'.
func (e *Engine) HandleStep(ctx context.Context, t *asynq.Task) error {
	var p stepTask
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: %v", asynq.SkipRetry, err)
	}
	if err := e.waitUntil(ctx, time.UnixMicro(p.Due)); err != nil {
		return err
	}
	var retry, alone []int
	err := e.Budget.run(ctx, func() error {
		pages, next, err := e.fireStep(ctx, p.Alert, escalation.Position{Round: p.Round, Step: p.Step}, time.UnixMicro(p.Due))
		if err != nil {
			return err
		}
		if next != nil {
			e.queueStep(ctx, *next)
		}
		var now []int
		for _, d := range pages {
			if d.DueAt.After(e.Now()) {
				e.queueNotify(ctx, d.ID, d.DueAt)
				continue
			}
			now = append(now, d.ID)
		}
		if len(now) > 0 {
			if retry, alone, err = e.deliverNow(ctx, p.Alert, now); err != nil {
				retry = now
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// SMS and voice pages go one by one (deliverNow), each in a slot of
	// its own; a page that failed for now gets a task of its own, the
	// safety net.
	for _, id := range alone {
		if err := e.deliverAt(ctx, id, e.Now()); err != nil {
			retry = append(retry, id)
		}
	}
	for _, id := range retry {
		e.queueNotify(ctx, id, e.Now())
	}
	return nil
}

// fireStep fires one step of an alert's policy, if the alert is still at that
// step and due then: it resolves the step's targets now, plans each
// person's pages (deliveries) by their notification rules, writes the step
// on the timeline and moves the alert to its next step. It returns the
// planned pages; nothing when the alert has moved on.
// It also returns the next step to queue (nil: none). The caller holds a
// budget slot.
func (e *Engine) fireStep(ctx context.Context, alertID int, pos escalation.Position, due time.Time) (pages []*ent.Delivery, next *stepTask, err error) {
	ctx = viewer.System(ctx)
	tx, err := e.Client.Tx(ctx)
	if err != nil {
		return nil, nil, err
	}
	// Everything the step reads and writes goes through tx, the schedule
	// store included (txn.With): one connection per step.
	if pages, err = e.fire(txn.With(ctx, tx), tx, alertID, pos, due, &next); err != nil {
		_ = tx.Rollback()
		return nil, nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, err
	}
	return pages, next, nil
}

func (e *Engine) fire(ctx context.Context, tx *ent.Tx, alertID int, pos escalation.Position, due time.Time, queue **stepTask) ([]*ent.Delivery, error) {
	a, err := tx.Alert.Query().Where(alert.ID(alertID)).ForUpdate().WithService().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if a.Status == alert.StatusCLOSED || a.EscalationDueAt == nil || a.EscalationRound != pos.Round || a.EscalationStep != pos.Step ||
		a.EscalationDueAt.Sub(due).Abs() >= time.Millisecond {
		// Closed, acknowledged or snoozed (due cleared or moved), or moved
		// on since the task was queued — perhaps by this very step, whose
		// commit went through while its answer was lost (PostgreSQL went
		// away): its pages that are still planned go out now rather than
		// wait for the sweep (Deliver checks the alert again).
		if a.Status == alert.StatusCLOSED {
			return nil, nil
		}
		return tx.Delivery.Query().Where(delivery.AlertID(a.ID), delivery.Round(pos.Round), delivery.Step(pos.Step),
			delivery.StatusEQ(delivery.StatusPLANNED)).Order(ent.Asc(delivery.FieldDueAt), ent.Asc(delivery.FieldID)).All(ctx)
	}
	acked := a.Status == alert.StatusACKED
	policy, err := e.policyOf(ctx, tx, a, a.Edges.Service)
	if err != nil {
		return nil, err
	}
	if pos.Step >= len(policy.Steps) || (acked && policy.StopsOnAck(pos)) {
		// The policy was edited under the alert (shorter, or this step
		// no longer keeps paging an acknowledged alert).
		return nil, tx.Alert.UpdateOne(a).ClearEscalationDueAt().Exec(ctx)
	}
	now := e.Now()
	step := policy.Steps[pos.Step]
	users, webhooks, err := e.targets(ctx, tx.Client(), step.Targets, now, true)
	if err != nil {
		return nil, err
	}
	urgency := urgencyOf(a)
	planned, unreachable, err := e.plan(ctx, tx, a, pos, users, webhooks, urgency, due, step.KeepPaging)
	if err != nil {
		return nil, err
	}
	data := map[string]any{"round": pos.Round, "step": pos.Step, "urgency": string(urgency), "pages": len(planned)}
	if step.KeepPaging {
		data["keep_paging"] = true
	}
	names := make([]string, 0, len(users))
	for _, u := range users {
		names = append(names, u.Name)
	}
	data["paged"] = names
	if len(unreachable) > 0 {
		data["unreachable"] = unreachable
	}
	// Update, not UpdateOne: nothing reads the row back (one statement).
	upd := tx.Alert.Update().Where(alert.ID(a.ID))
	if next, at, ok := policy.NextPaging(relative(a, pos), due, acked); ok {
		next.Round += a.EscalationFirstRound
		upd.SetEscalationRound(next.Round).SetEscalationStep(next.Step).SetEscalationDueAt(at)
		data["next_at"] = at.UTC().Format(time.RFC3339)
		*queue = &stepTask{Alert: a.ID, Round: next.Round, Step: next.Step, Due: micros(at)}
	} else {
		upd.ClearEscalationDueAt()
	}
	if err := upd.Exec(ctx); err != nil {
		return nil, err
	}
	if err := tx.TimelineEvent.Create().SetAlertID(a.ID).SetNillableIncidentID(a.IncidentID).SetKind(incident.KindStepFired).
		SetActorType(timelineevent.ActorTypeSYSTEM).SetActorName("Tocsin").SetData(data).SetCreatedAt(now).Exec(ctx); err != nil {
		return nil, err
	}
	return planned, nil
}

// relative is pos counted from the round the policy last started in: the
// policy's repeats count from there (an unacknowledge restarts it in a new
// round, and pages are keyed by the absolute round).
func relative(a *ent.Alert, pos escalation.Position) escalation.Position {
	return escalation.Position{Round: pos.Round - a.EscalationFirstRound, Step: pos.Step}
}

// fallbackDelay is the delay of the one-step policy of a service without
// one: its team's on-call schedules, again every 5 minutes, three times.
const fallbackDelay = 5 * time.Minute

// policyOf is the alert's escalation policy: for an alert that asks one
// person to join an incident (page_user_id), a one-step policy paging that
// person; else the service's policy, and for a service without one,
// whoever is on call in its team's schedules.
func (e *Engine) policyOf(ctx context.Context, tx *ent.Tx, a *ent.Alert, svc *ent.Service) (escalation.Policy, error) {
	if a.PageUserID != nil {
		step := escalation.Step{Delay: fallbackDelay, Targets: []escalation.Target{{Kind: escalation.TargetUser, ID: *a.PageUserID}}}
		return escalation.Policy{Steps: []escalation.Step{step}, Repeat: 2}, nil
	}
	if svc.EscalationPolicyID == nil {
		ids, err := tx.Schedule.Query().Where(entschedule.TeamID(svc.TeamID)).Order(ent.Asc(entschedule.FieldID)).IDs(ctx)
		if err != nil {
			return escalation.Policy{}, err
		}
		step := escalation.Step{Delay: fallbackDelay}
		for _, id := range ids {
			step.Targets = append(step.Targets, escalation.Target{Kind: escalation.TargetSchedule, ID: id})
		}
		return escalation.Policy{Steps: []escalation.Step{step}, Repeat: 2}, nil
	}
	pol, err := tx.EscalationPolicy.Get(ctx, *svc.EscalationPolicyID)
	if err != nil {
		return escalation.Policy{}, err
	}
	rows, err := tx.EscalationStep.Query().Where(escalationstep.PolicyID(pol.ID)).Order(ent.Asc(escalationstep.FieldPosition)).All(ctx)
	if err != nil {
		return escalation.Policy{}, err
	}
	out := escalation.Policy{Repeat: pol.Repeat}
	for _, r := range rows {
		out.Steps = append(out.Steps, escalation.Step{Delay: time.Duration(r.DelayMinutes) * time.Minute, Targets: r.Targets, KeepPaging: r.KeepPaging})
	}
	return out, nil
}

// targets resolves a step's targets at t: the people it reaches (enabled,
// each once, in target order) and the webhook contact methods it calls.
// take moves round-robin turns on (inside the firing transaction); without
// it, nothing is written (a preview).
func (e *Engine) targets(ctx context.Context, tx *ent.Client, ts []escalation.Target, t time.Time, take bool) ([]*ent.User, []*ent.ContactMethod, error) {
	var ids []int
	var hooks []int
	for _, tg := range ts {
		switch tg.Kind {
		case escalation.TargetUser:
			ids = append(ids, tg.ID)
		case escalation.TargetSchedule:
			if e.Schedules == nil {
				continue
			}
			on, err := e.Schedules.OnCallAt(ctx, tg.ID, t)
			if err != nil && !ent.IsNotFound(err) {
				return nil, nil, err
			}
			ids = append(ids, on...)
		case escalation.TargetTeam, escalation.TargetRoundRobin:
			members, err := tx.User.Query().Where(user.HasTeamsWith(team.ID(tg.ID)), user.Disabled(false)).
				Order(ent.Asc(user.FieldID)).IDs(ctx)
			if err != nil {
				return nil, nil, err
			}
			if tg.Kind == escalation.TargetTeam {
				ids = append(ids, members...)
				continue
			}
			if len(members) == 0 {
				continue
			}
			pos, err := e.turn(ctx, tx, tg.ID, take)
			if ent.IsNotFound(err) {
				continue
			}
			if err != nil {
				return nil, nil, err
			}
			u, _ := escalation.RoundRobin(members, pos)
			ids = append(ids, u)
		case escalation.TargetWebhook:
			hooks = append(hooks, tg.ID)
		}
	}
	seen := map[int]bool{}
	uniq := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	var found []*ent.User
	if len(uniq) > 0 {
		var err error
		if found, err = tx.User.Query().Where(user.IDIn(uniq...), user.Disabled(false)).All(ctx); err != nil {
			return nil, nil, err
		}
	}
	byID := map[int]*ent.User{}
	for _, u := range found {
		byID[u.ID] = u
	}
	users := make([]*ent.User, 0, len(found))
	for _, id := range uniq {
		if u := byID[id]; u != nil {
			users = append(users, u)
		}
	}
	if len(hooks) == 0 {
		return users, nil, nil
	}
	webhooks, err := tx.ContactMethod.Query().Where(contactmethod.IDIn(hooks...), contactmethod.KindEQ(contactmethod.KindWEBHOOK),
		contactmethod.Disabled(false)).All(ctx)
	return users, webhooks, err
}

// turn is the round-robin position of team teamID whose member a step
// pages. Taking it (take) moves the team's position on in a transaction
// of its own, on a second connection, committed at once: a storm of one
// team's alerts would otherwise queue on the team's row, locked until each
// step's transaction commits (a storm of 500 alerts took 79–103 s to page,
// its steps waiting on that lock). A step that then rolls back leaves
// its turn taken: the next alert goes to the next person, nobody is paged
// twice. Without take it reads the position through tx (a preview).
func (e *Engine) turn(ctx context.Context, tx *ent.Client, teamID int, take bool) (int, error) {
	if !take {
		tm, err := tx.Team.Get(ctx, teamID)
		if err != nil {
			return 0, err
		}
		return tm.RoundRobinNext, nil
	}
	rows, err := e.Client.QueryContext(ctx, takeTurn, teamID)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return 0, err
		}
		return 0, &ent.NotFoundError{}
	}
	var next int
	if err := rows.Scan(&next); err != nil {
		return 0, err
	}
	return next - 1, rows.Close()
}

// takeTurn moves a team's round-robin position on and returns the new one,
// in one statement: its transaction holds the team's row only for that
// statement. It commits without waiting for the WAL to reach the disk
// (synchronous_commit off for this transaction alone): every step of
// that team's alerts waits for the row in turn, and that flush was most
// of its time (a storm of 2,000 alerts of one team took 15 s to page).
// Nothing is lost by it: the step commits after it, and its flush
// carries this earlier record to the disk too; should the step roll back
// and PostgreSQL crash, the position is one behind, as if the step had
// never taken it.
const takeTurn = `WITH quick AS (SELECT set_config('synchronous_commit', 'off', true))
UPDATE teams SET round_robin_next = round_robin_next + 1 FROM quick WHERE id = $1
RETURNING round_robin_next`

// plan writes the deliveries of one step: each person's pages by their
// rules for the urgency (low urgency waits out quiet hours), and one page
// per webhook target at once; untilClosed pages (a KeepPaging step's) are
// sent after an acknowledge too. Rows that exist already (the step ran
// before and rolled back nothing) are kept. It returns the planned rows
// and the names of people it could not reach.
func (e *Engine) plan(ctx context.Context, tx *ent.Tx, a *ent.Alert, pos escalation.Position, users []*ent.User,
	webhooks []*ent.ContactMethod, u escalation.Urgency, firedAt time.Time, untilClosed bool) ([]*ent.Delivery, []string, error) {
	var pages []escalation.Page
	var unreachable []string
	ids := make([]int, len(users))
	for i, usr := range users {
		ids[i] = usr.ID
	}
	byUser, err := contact.RulesForUsers(ctx, tx.Client(), ids, u)
	if err != nil {
		return nil, nil, err
	}
	for _, usr := range users {
		rules := byUser[usr.ID]
		if len(rules) == 0 {
			unreachable = append(unreachable, usr.Name)
			continue
		}
		rs := contact.EscalationRules(rules)
		pages = append(pages, escalation.Plan(usr.ID, rs, u, quietHours(usr), firedAt)...)
	}
	for _, h := range webhooks {
		pages = append(pages, escalation.Page{UserID: h.UserID, MethodID: h.ID, At: firedAt})
	}
	if len(pages) == 0 {
		return nil, unreachable, nil
	}
	// Two rules of one person on one method (push at 0 and again at 5)
	// are one page per step: the key is (alert, round, step, method).
	slices.SortStableFunc(pages, func(x, y escalation.Page) int { return x.At.Compare(y.At) })
	bulk := make([]*ent.DeliveryCreate, 0, len(pages))
	for _, p := range pages {
		bulk = append(bulk, tx.Delivery.Create().SetAlertID(a.ID).SetUserID(p.UserID).SetContactMethodID(p.MethodID).
			SetRound(pos.Round).SetStep(pos.Step).SetDueAt(p.At).SetUntilClosed(untilClosed))
	}
	err = tx.Delivery.CreateBulk(bulk...).OnConflict(
		entsql.ConflictColumns(delivery.FieldAlertID, delivery.FieldRound, delivery.FieldStep, delivery.FieldContactMethodID),
	).DoNothing().Exec(ctx)
	if err != nil {
		return nil, nil, err
	}
	planned, err := tx.Delivery.Query().Where(delivery.AlertID(a.ID), delivery.Round(pos.Round), delivery.Step(pos.Step),
		delivery.StatusEQ(delivery.StatusPLANNED)).Order(ent.Asc(delivery.FieldDueAt), ent.Asc(delivery.FieldID)).All(ctx)
	return planned, unreachable, err
}

// quietHours is a user's quiet hours in their time zone.
func quietHours(u *ent.User) escalation.QuietHours {
	if u.QuietHoursStart == nil || u.QuietHoursEnd == nil {
		return escalation.QuietHours{}
	}
	zone, err := time.LoadLocation(u.TimeZone)
	if err != nil {
		zone = time.UTC
	}
	return escalation.QuietHours{Start: time.Duration(*u.QuietHoursStart) * time.Minute,
		End: time.Duration(*u.QuietHoursEnd) * time.Minute, Zone: zone}
}
