// Package pager is the paging engine: it walks each alert's escalation
// policy (the rules are package escalation's) and pages people on their
// contact methods, as Asynq tasks run by the worker.
//
// Guarantees, and how:
//   - Every page that is due is sent, also after a worker is killed or Redis
//     is flushed: PostgreSQL holds the next step of every alert and every
//     planned page (deliveries); Redis only holds timers, and the sweep
//     re-queues whatever is due from PostgreSQL.
//   - No page is sent twice for the same (alert, round, step, contact
//     method): that is the deliveries row's unique key, and a page is sent
//     only while its row, locked, still says PLANNED.
//   - No page is sent after the alert was acknowledged or closed: the send
//     happens inside the transaction that locks the alert and checks it.
//   - No step fires early: tasks wait for their due time (Asynq's timers
//     are whole seconds).
package pager

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

// Task types, and the queue they run on.
const (
	TypeStep   = "escalation:step"
	TypeNotify = "escalation:notify"
	Queue      = "critical"
)

// Enqueuer puts tasks on the queue (an *asynq.Client).
type Enqueuer interface {
	EnqueueContext(ctx context.Context, t *asynq.Task, opts ...asynq.Option) (*asynq.TaskInfo, error)
}

// Engine pages people: it is the incident.Pager of a running Tocsin, and
// its HandleStep and HandleNotify run as Asynq tasks in the worker.
//
// PostgreSQL holds the truth — the alert's next step and when it is due
// (escalation_round, escalation_step, escalation_due_at) and every planned
// page (deliveries) — and Redis only the timers. Tasks carry what they
// were queued for and do nothing when the alert has moved on, so a task
// queued twice (by the sweep after a Redis loss, say) is harmless.
type Engine struct {
	Client    *ent.Client
	Queue     Enqueuer
	Schedules *schedule.Schedules
	// Channels by name ("push", "sms", "voice", "email", "webhook").
	Channels map[string]notify.Channel
	// Tokens signs the action tokens pages carry (nil: pages without actions).
	Tokens   *actiontoken.Signer
	TokenTTL time.Duration
	BaseURL  string
	Now      func() time.Time
	// SendTimeout bounds one provider call.
	SendTimeout time.Duration
	// Redis is the queue's Redis: the sweep keeps a marker there to notice
	// when Redis lost its data (nil: every sweep assumes it did).
	Redis redis.UniversalClient
	// Budget bounds the paging transactions that run at once to what
	// Client's pool can hold without waiting on itself (BudgetFor); nil
	// runs them unbounded, for tests on a pool of their own.
	Budget *Budget
}

// stepTask is TypeStep's payload: the position and due time it was queued
// for. Due is Unix microseconds, PostgreSQL's precision.
type stepTask struct {
	Alert int   `json:"alert"`
	Round int   `json:"round"`
	Step  int   `json:"step"`
	Due   int64 `json:"due"`
}

type notifyTask struct {
	Delivery int `json:"delivery"`
}

func micros(t time.Time) int64 { return t.UnixMicro() }

// Opened queues the first step of a new alert.
func (e *Engine) Opened(ctx context.Context, alertID int, due time.Time) {
	e.queueStep(ctx, stepTask{Alert: alertID, Due: micros(due)})
}

// Start restarts the policy from its first step (an alert unacknowledged:
// incident has set it due now), in a round of its own: the pages of a
// round are keyed by it, so the first step pages again. The policy's
// repeats count from that round: the alert gets the whole policy again.
func (e *Engine) Start(ctx context.Context, tx *ent.Tx, a *ent.Alert) error {
	round := a.EscalationRound + 1
	if err := tx.Alert.UpdateOne(a).SetEscalationRound(round).SetEscalationFirstRound(round).SetEscalationStep(0).Exec(ctx); err != nil {
		return err
	}
	e.armAfter(tx, a.ID)
	return nil
}

// Stop needs no work: incident cleared (or, for a snooze, moved) the due
// time, and the queued task will find that. A snooze is re-armed for its end.
func (e *Engine) Stop(_ context.Context, tx *ent.Tx, a *ent.Alert) error {
	e.armAfter(tx, a.ID)
	return nil
}

// Acknowledged keeps paging an acknowledged alert when its policy has a
// KeepPaging step ahead: incident cleared the due time; this sets it to
// that step's, as if the steps passed over had fired (was is the due time
// before the acknowledge). Without such a step, paging has stopped.
func (e *Engine) Acknowledged(ctx context.Context, tx *ent.Tx, a *ent.Alert, was *time.Time) error {
	if was == nil {
		return nil
	}
	svc, err := tx.Service.Get(viewer.System(ctx), a.ServiceID)
	if err != nil {
		return err
	}
	policy, err := e.policyOf(viewer.System(ctx), tx, a, svc)
	if err != nil {
		return err
	}
	pos, due, ok := policy.Ahead(relative(a, escalation.Position{Round: a.EscalationRound, Step: a.EscalationStep}), *was, true)
	if !ok {
		return nil
	}
	pos.Round += a.EscalationFirstRound
	if err := tx.Alert.UpdateOne(a).SetEscalationRound(pos.Round).SetEscalationStep(pos.Step).SetEscalationDueAt(due).
		Exec(viewer.System(ctx)); err != nil {
		return err
	}
	e.armAfter(tx, a.ID)
	return nil
}

// EscalateNow fires the next step at once (incident set it due now).
func (e *Engine) EscalateNow(_ context.Context, tx *ent.Tx, a *ent.Alert) error {
	e.armAfter(tx, a.ID)
	return nil
}

// armAfter queues the alert's next step once tx commits. The step to arm
// is read in tx, just before it commits — on the connection tx holds
// already, so arming never needs a second one.
func (e *Engine) armAfter(tx *ent.Tx, alertID int) {
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			a, readErr := tx.Alert.Get(viewer.System(ctx), alertID)
			if err := next.Commit(ctx, tx); err != nil {
				return err
			}
			if readErr != nil {
				slog.WarnContext(ctx, "escalation: reading the alert to arm (the sweep will queue it)", "alert", alertID, "err", readErr)
				return nil
			}
			if a.EscalationDueAt != nil && a.Status != "CLOSED" {
				e.queueStep(context.WithoutCancel(ctx), stepTask{Alert: a.ID, Round: a.EscalationRound, Step: a.EscalationStep,
					Due: micros(*a.EscalationDueAt)})
			}
			return nil
		})
	})
}

// queueStep enqueues a step task with its deterministic id. A failure is
// only logged: the sweep re-queues every due step from PostgreSQL.
func (e *Engine) queueStep(ctx context.Context, p stepTask) {
	b, _ := json.Marshal(p)
	id := fmt.Sprintf("step:%d:%d:%d:%d", p.Alert, p.Round, p.Step, p.Due)
	_, err := e.Queue.EnqueueContext(ctx, asynq.NewTask(TypeStep, b), asynq.TaskID(id), asynq.Queue(Queue),
		asynq.ProcessAt(time.UnixMicro(p.Due)), asynq.MaxRetry(25), asynq.Retention(10*time.Minute))
	if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		slog.WarnContext(ctx, "escalation: queueing a step (the sweep will retry)", "task", id, "err", err)
	}
}

// queueNotify enqueues a delivery's task, due when the page is.
func (e *Engine) queueNotify(ctx context.Context, deliveryID int, at time.Time) {
	b, _ := json.Marshal(notifyTask{Delivery: deliveryID})
	id := fmt.Sprintf("notify:%d", deliveryID)
	_, err := e.Queue.EnqueueContext(ctx, asynq.NewTask(TypeNotify, b), asynq.TaskID(id), asynq.Queue(Queue),
		asynq.ProcessAt(at), asynq.MaxRetry(10), asynq.Retention(10*time.Minute))
	if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		slog.WarnContext(ctx, "escalation: queueing a page (the sweep will retry)", "task", id, "err", err)
	}
}

// waitUntil sleeps until t: Asynq keeps due times in whole seconds and may
// run a task up to a second early; a page is never early.
func (e *Engine) waitUntil(ctx context.Context, t time.Time) error {
	d := t.Sub(e.Now())
	if d <= 0 {
		return nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
