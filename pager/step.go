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
// alert is still there, with its pages due now; then queue its next step
// and its later pages.
func (e *Engine) HandleStep(ctx context.Context, t *asynq.Task) error {
	var p stepTask
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: %v", asynq.SkipRetry, err)
	}
	if err := e.waitUntil(ctx, time.UnixMicro(p.Due)); err != nil {
		return err
	}
	var f firing
	err := e.Budget.run(ctx, func() (err error) {
		f, err = e.fireStep(ctx, p.Alert, escalation.Position{Round: p.Round, Step: p.Step}, time.UnixMicro(p.Due))
		return err
	})
	if err != nil {
		return err
	}
	if f.next != nil {
		e.queueStep(ctx, *f.next)
	}
	for _, d := range f.later {
		e.queueNotify(ctx, d.ID, d.DueAt)
	}
	if len(f.earlier) > 0 {
		// A step that fired before (its commit went through, its answer
		// was lost): its pages still planned go now, locked anew.
		if err := e.Budget.run(ctx, func() (err error) {
			retry, alone, err := e.deliverNow(ctx, p.Alert, f.earlier)
			f.retry, f.alone = append(f.retry, retry...), append(f.alone, alone...)
			return err
		}); err != nil {
			f.retry = append(f.retry, f.earlier...)
		}
	}
	// SMS and voice pages go one by one, each in a slot of its own; a page
	// that failed for now gets a task of its own, the safety net.
	for _, id := range f.alone {
		if err := e.deliverAt(ctx, id, e.Now()); err != nil {
			f.retry = append(f.retry, id)
		}
	}
	for _, id := range f.retry {
		e.queueNotify(ctx, id, e.Now())
	}
	return nil
}

// firing is what became of a step: the pages its transaction planned for
// later, sent to retry or left to go one by one (alone: SMS and voice,
// which commit an attempt of their own before the provider is called);
// the planned pages of a step that had fired before (earlier); the next
// step to queue (nil: none).
type firing struct {
	later        []*ent.Delivery
	retry, alone []int
	earlier      []int
	next         *stepTask
}

// fireStep fires one step of an alert's policy, if the alert is still at
// that step and due then (fire), and sends its pages that are due now in
// the same transaction: the step, its pages and their outcomes commit
// together, one transaction and one commit per step. A step that rolls
// back after sending (the worker killed, PostgreSQL gone) fires again:
// the same people, the same round-robin turn (RoundRobinTurn), the same
// delivery keys, so a receiver drops the repeat. An acknowledge waits for
// the step (the alert is locked): no page follows it. The caller holds a
// budget slot.
func (e *Engine) fireStep(ctx context.Context, alertID int, pos escalation.Position, due time.Time) (firing, error) {
	ctx = viewer.System(ctx)
	tx, err := e.Client.Tx(ctx)
	if err != nil {
		return firing{}, err
	}
	// Everything the step reads and writes goes through tx, the schedule
	// store included (txn.With): one connection per step.
	f, err := e.fireAndSend(txn.With(ctx, tx), tx, alertID, pos, due)
	if err != nil {
		_ = tx.Rollback()
		return firing{}, err
	}
	if err := tx.Commit(); err != nil {
		return firing{}, err
	}
	return f, nil
}

func (e *Engine) fireAndSend(ctx context.Context, tx *ent.Tx, alertID int, pos escalation.Position, due time.Time) (firing, error) {
	var f firing
	var w writes
	fired, err := e.fire(ctx, tx, alertID, pos, due, &f.next, &w)
	if err != nil || fired == nil {
		return f, err
	}
	now := e.Now()
	var dueNow []*ent.Delivery
	for _, d := range append(fired.pages, fired.earlier...) {
		if d.DueAt.After(now) {
			f.later = append(f.later, d)
		} else {
			dueNow = append(dueNow, d)
		}
	}
	if fired.earlier != nil {
		for _, d := range dueNow {
			f.earlier = append(f.earlier, d.ID)
		}
		return f, nil
	}
	if len(dueNow) > 0 {
		if f.retry, f.alone, err = e.sendAll(ctx, tx, fired.alert, dueNow, fired.methods, &w); err != nil {
			return firing{}, err
		}
	}
	return f, w.write(ctx, tx)
}

// fired is a step fire has fired: its alert (locked), the pages it planned
// and their contact methods with their owners; or, for a step that had
// fired before, its pages still planned (earlier).
type fired struct {
	alert   *ent.Alert
	pages   []*ent.Delivery
	methods map[int]*ent.ContactMethod
	earlier []*ent.Delivery
}

// fire fires one step of an alert's policy, if the alert is still at that
// step and due then: it resolves the step's targets now, plans each
// person's pages (deliveries) by their notification rules, writes the step
// on the timeline (in w) and moves the alert to its next step (queue).
// Nil when there is nothing to page.
func (e *Engine) fire(ctx context.Context, tx *ent.Tx, alertID int, pos escalation.Position, due time.Time, queue **stepTask, w *writes) (*fired, error) {
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
		earlier, err := tx.Delivery.Query().Where(delivery.AlertID(a.ID), delivery.Round(pos.Round), delivery.Step(pos.Step),
			delivery.StatusEQ(delivery.StatusPLANNED)).Order(ent.Asc(delivery.FieldDueAt), ent.Asc(delivery.FieldID)).All(ctx)
		if err != nil || len(earlier) == 0 {
			return nil, err
		}
		return &fired{earlier: earlier}, nil
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
	users, webhooks, err := e.targets(ctx, tx.Client(), step.Targets, now, &turnOf{alert: a.ID, round: pos.Round, step: pos.Step})
	if err != nil {
		return nil, err
	}
	urgency := urgencyOf(a)
	planned, methods, unreachable, err := e.plan(ctx, tx, a, pos, users, webhooks, urgency, due, step.KeepPaging)
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
	w.events = append(w.events, tx.TimelineEvent.Create().SetAlertID(a.ID).SetNillableIncidentID(a.IncidentID).SetKind(incident.KindStepFired).
		SetActorType(timelineevent.ActorTypeSYSTEM).SetActorName("Tocsin").SetData(data).SetCreatedAt(now))
	return &fired{alert: a, pages: planned, methods: methods}, nil
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
// take is the step that takes round-robin turns (turn); without it,
// nothing is written (a preview). The webhooks come with their owners.
func (e *Engine) targets(ctx context.Context, tx *ent.Client, ts []escalation.Target, t time.Time, take *turnOf) ([]*ent.User, []*ent.ContactMethod, error) {
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
		contactmethod.Disabled(false)).WithUser().All(ctx)
	return users, webhooks, err
}

// turnOf names the step that takes a round-robin turn: the alert, round
// and step (a preview takes none).
type turnOf struct{ alert, round, step int }

// turn is the round-robin position of team teamID whose member a step
// pages. Taking it (take) moves the team's position on in a transaction
// of its own, on a second connection, committed at once: a storm of one
// team's alerts would otherwise queue on the team's row, locked until each
// step's transaction commits (a storm of 500 alerts took 79–103 s to page,
// its steps waiting on that lock). The turn is recorded for its step
// (RoundRobinTurn): a step that rolls back after it sent its pages fires
// again with the same turn, paging the same person again under the same
// key rather than the next one as well. Without take it reads the
// position through tx (a preview).
func (e *Engine) turn(ctx context.Context, tx *ent.Client, teamID int, take *turnOf) (int, error) {
	if take == nil {
		tm, err := tx.Team.Get(ctx, teamID)
		if err != nil {
			return 0, err
		}
		return tm.RoundRobinNext, nil
	}
	rows, err := e.Client.QueryContext(ctx, takeTurn, teamID, take.alert, take.round, take.step, e.Now())
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

// takeTurn returns the turn step ($2 alert, $3 round, $4 step) took in
// team $1's round robin: the one it took before, or a new one — the team's
// position moved on and recorded for the step — in one statement: its
// transaction holds the team's row only for that statement. It commits
// without waiting for the WAL to reach the disk (synchronous_commit off for
// this transaction alone): every step of that team's alerts waits for the
// row in turn, and that flush was most of its time (a storm of 2,000
// alerts of one team took 15 s to page). Nothing is lost by it: the step
// commits after it, and its flush carries this earlier record to the disk
// too; should the step roll back and PostgreSQL crash, the position is one
// behind, as if the step had never taken it.
const takeTurn = `WITH quick AS (SELECT set_config('synchronous_commit', 'off', true)),
taken AS (SELECT "position" FROM round_robin_turns WHERE alert_id = $2 AND round = $3 AND step = $4 AND team_id = $1),
moved AS (UPDATE teams SET round_robin_next = round_robin_next + 1 FROM quick
	WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM taken) RETURNING round_robin_next),
kept AS (INSERT INTO round_robin_turns (alert_id, round, step, team_id, "position", taken_at)
	SELECT $2, $3, $4, $1, round_robin_next, $5 FROM moved RETURNING "position")
SELECT "position" FROM taken UNION ALL SELECT "position" FROM kept`

// plan writes the deliveries of one step: each person's pages by their
// rules for the urgency (low urgency waits out quiet hours), and one page
// per webhook target at once; untilClosed pages (a KeepPaging step's) are
// sent after an acknowledge too. Rows that exist already (the step ran
// before and rolled back nothing) are kept. It returns the planned rows
// and the names of people it could not reach.
func (e *Engine) plan(ctx context.Context, tx *ent.Tx, a *ent.Alert, pos escalation.Position, users []*ent.User,
	webhooks []*ent.ContactMethod, u escalation.Urgency, firedAt time.Time, untilClosed bool) ([]*ent.Delivery, map[int]*ent.ContactMethod, []string, error) {
	var pages []escalation.Page
	methods := map[int]*ent.ContactMethod{}
	var unreachable []string
	ids := make([]int, len(users))
	for i, usr := range users {
		ids[i] = usr.ID
	}
	byUser, err := contact.RulesForUsers(ctx, tx.Client(), ids, u)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, usr := range users {
		rules := byUser[usr.ID]
		if len(rules) == 0 {
			unreachable = append(unreachable, usr.Name)
			continue
		}
		for _, r := range rules {
			cm := r.Edges.ContactMethod
			cm.Edges.User = usr
			methods[cm.ID] = cm
		}
		rs := contact.EscalationRules(rules)
		pages = append(pages, escalation.Plan(usr.ID, rs, u, quietHours(usr), firedAt)...)
	}
	for _, h := range webhooks {
		pages = append(pages, escalation.Page{UserID: h.UserID, MethodID: h.ID, At: firedAt})
		methods[h.ID] = h
	}
	if len(pages) == 0 {
		return nil, nil, unreachable, nil
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
		return nil, nil, nil, err
	}
	planned, err := tx.Delivery.Query().Where(delivery.AlertID(a.ID), delivery.Round(pos.Round), delivery.Step(pos.Step),
		delivery.StatusEQ(delivery.StatusPLANNED)).Order(ent.Asc(delivery.FieldDueAt), ent.Asc(delivery.FieldID)).All(ctx)
	return planned, methods, unreachable, err
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
