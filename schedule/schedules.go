package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/calendarfeed"
	"github.com/tocsin/tocsin/ent/coverrequest"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/txn"
	"github.com/tocsin/tocsin/viewer"
)

// Announcer tells a schedule's members about a new cover request (the
// worker's email task).
type Announcer interface {
	EnqueueCoverAnnouncement(ctx context.Context, coverRequestID int) error
}

// Schedules is the schedule store; main builds one.
type Schedules struct {
	Client    *ent.Client
	Announcer Announcer
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

// New returns the store with the real clock.
func New(c *ent.Client, a Announcer) *Schedules {
	return &Schedules{Client: c, Announcer: a, Now: time.Now}
}

func (s *Schedules) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// client is the transaction's client when ctx carries one (a GraphQL
// mutation), else the store's.
func (s *Schedules) client(ctx context.Context) *ent.Client {
	return txn.Client(ctx, s.Client)
}

// inTx runs fn in the context's transaction, or in a new one.
func (s *Schedules) inTx(ctx context.Context, fn func(ctx context.Context, c *ent.Client) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx.Client())
	}
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return err
	}
	ctx = ent.NewTxContext(ctx, tx)
	if err := fn(ctx, tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// afterCommit runs fn once the context's transaction commits (at once
// without one), so a worker never looks for a row that is not there yet.
// Its failure is logged: the committed change stands.
func afterCommit(ctx context.Context, what string, fn func(context.Context) error) {
	run := func() {
		if err := fn(context.WithoutCancel(ctx)); err != nil {
			slog.ErrorContext(ctx, what+" failed", "err", err)
		}
	}
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		run()
		return
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(cctx context.Context, tx *ent.Tx) error {
			if err := next.Commit(cctx, tx); err != nil {
				return err
			}
			run()
			return nil
		})
	})
}

// invalid is bad input in field.
func invalid(field, reason string, args ...any) error {
	return &rule.InvalidError{Field: field, Reason: fmt.Sprintf(reason, args...)}
}

// maxRange bounds the ranges callers may ask shifts for.
const maxRange = 400 * 24 * time.Hour

// checkRange refuses an empty, reversed or too long range.
func checkRange(from, to time.Time) error {
	if !to.After(from) {
		return invalid("to", "must be after from")
	}
	if to.Sub(from) > maxRange {
		return invalid("to", "the range may be at most 400 days")
	}
	return nil
}

// writtenThenChecked orders the answers of a change that was written before
// its input was checked: the write's own error first (the privacy policy's
// refusal above all, so a caller who may not change a schedule learns nothing
// from validation), then the check's. Either error rolls the transaction
// back, so bad input changes nothing.
func writtenThenChecked(writeErr, checkErr error) error {
	if writeErr != nil {
		return writeErr
	}
	return checkErr
}

// DeleteSchedule removes a schedule with its layers, overrides, cover
// requests and calendar feeds, in one transaction.
func (s *Schedules) DeleteSchedule(ctx context.Context, id int) error {
	return s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		// Touching the schedule runs its mutation policy before anything
		// goes; the rows that refer to it go before it.
		if _, err := c.Schedule.UpdateOneID(id).Save(ctx); err != nil {
			return err
		}
		if _, err := c.CoverRequest.Delete().Where(coverrequest.ScheduleID(id)).Exec(ctx); err != nil {
			return err
		}
		if _, err := c.ScheduleOverride.Delete().Where(scheduleoverride.ScheduleID(id)).Exec(ctx); err != nil {
			return err
		}
		if _, err := c.ScheduleLayer.Delete().Where(schedulelayer.ScheduleID(id)).Exec(ctx); err != nil {
			return err
		}
		if _, err := c.CalendarFeed.Delete().Where(calendarfeed.ScheduleID(id)).Exec(viewer.System(ctx)); err != nil {
			return err
		}
		return c.Schedule.DeleteOneID(id).Exec(ctx)
	})
}
