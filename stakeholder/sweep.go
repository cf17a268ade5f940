package stakeholder

import (
	"context"
	"errors"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/announcement"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/stakeholdermessage"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/ent/timelineevent"
	incidents "github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// PostgreSQL knows what stakeholders are owed; Redis only carries the
// tasks. The sweep (one worker at a time: worker/stakeholder_sweep.go)
// queues again what Redis lost:
//   - a declared incident, a non-INTERNAL status update, or a
//     SERVICES_ADDED event of an open incident without an announcement
//     row: its fan-out never finished (the process died between the
//     commit and the queue, the task vanished);
//   - a planned message that is due and not sent: its task vanished.
//
// It looks back LookBack only, so a new install, or one whose worker was
// off for days, does not mail history; and it leaves alone what is not
// SweepGrace overdue, which its own task is about to do.
const (
	// LookBack is how old an event or message may be and still be sent.
	LookBack = 24 * time.Hour
	// SweepGrace is how overdue a fan-out or message is before the sweep
	// queues it again.
	SweepGrace = time.Minute
	// keep is how long announcements and sent messages are kept: well
	// past LookBack, so the sweep never finds an event it forgot.
	keep = 7 * 24 * time.Hour
	// sweepBatch bounds the work of one sweep; the next one takes the rest.
	sweepBatch = 1000
)

// Sweep queues every announcement and message of the last day that
// PostgreSQL says is owed and overdue. Tasks have deterministic ids and
// handlers find what was done, so queueing one still in Redis, or one that
// is running, sends nothing twice. It returns how many it queued.
func (s *Stakeholders) Sweep(ctx context.Context) (announcements, messages int, err error) {
	sys := viewer.System(ctx)
	now := s.now()
	from, until := now.Add(-LookBack), now.Add(-s.grace())
	declared, err := s.Client.Incident.Query().
		Where(incident.CreatedAtGTE(from), incident.CreatedAtLTE(until), NotAnnounced(announcement.EventDECLARED)).
		Order(incident.ByCreatedAt()).Limit(sweepBatch).IDs(sys)
	if err != nil {
		return 0, 0, err
	}
	updates, err := s.Client.StatusUpdate.Query().
		Where(statusupdate.CreatedAtGTE(from), statusupdate.CreatedAtLTE(until),
			statusupdate.AudienceNEQ(statusupdate.AudienceINTERNAL), NotAnnounced(announcement.EventUPDATE)).
		Order(statusupdate.ByCreatedAt()).Limit(sweepBatch).IDs(sys)
	if err != nil {
		return 0, 0, err
	}
	// SERVICES_ADDED events are few among many timeline events, which have
	// no index by time: look among the events of the open incidents that
	// changed in the window (adding services updates the incident).
	open, err := s.Client.Incident.Query().
		Where(incident.StatusNEQ(incident.StatusRESOLVED), incident.UpdatedAtGTE(from)).IDs(sys)
	if err != nil {
		return 0, 0, err
	}
	affected, err := s.Client.TimelineEvent.Query().
		Where(timelineevent.IncidentIDIn(open...), timelineevent.Kind(incidents.KindServicesAdded),
			timelineevent.CreatedAtGTE(from), timelineevent.CreatedAtLTE(until), NotAnnounced(announcement.EventAFFECTED)).
		Order(timelineevent.ByCreatedAt()).Limit(sweepBatch).IDs(sys)
	if err != nil {
		return 0, 0, err
	}
	var errs []error
	for _, ev := range []struct {
		kind string
		ids  []int
	}{{EventDeclared, declared}, {EventUpdate, updates}, {EventAffected, affected}} {
		for _, id := range ev.ids {
			if err := s.queueAnnounce(ctx, Event{Kind: ev.kind, ID: id}); err != nil {
				errs = append(errs, err)
				continue
			}
			announcements++
		}
	}
	due, err := s.Client.StakeholderMessage.Query().
		Where(stakeholdermessage.SentAtIsNil(), stakeholdermessage.DueAtGTE(from), stakeholdermessage.DueAtLTE(until)).
		Order(stakeholdermessage.ByDueAt()).Limit(sweepBatch).All(sys)
	if err != nil {
		return announcements, messages, err
	}
	for _, m := range due {
		if err := s.queueMessage(ctx, m, true); err != nil {
			errs = append(errs, err)
			continue
		}
		messages++
	}
	errs = append(errs, s.prune(sys, now.Add(-keep)))
	return announcements, messages, errors.Join(errs...)
}

// prune removes announcements and messages older than before.
func (s *Stakeholders) prune(sys context.Context, before time.Time) error {
	if _, err := s.Client.Announcement.Delete().Where(announcement.DoneAtLT(before)).Exec(sys); err != nil {
		return err
	}
	_, err := s.Client.StakeholderMessage.Delete().Where(stakeholdermessage.CreatedAtLT(before)).Exec(sys)
	return err
}

// NotAnnounced matches the incidents or status updates (the rows of the
// query it is used in) that have no announcement of kind ev.
func NotAnnounced(ev announcement.Event) func(*sql.Selector) {
	return func(s *sql.Selector) {
		a := sql.Table(announcement.Table)
		s.Where(sql.NotExists(sql.Select(a.C(announcement.FieldID)).From(a).Where(sql.And(
			sql.EQ(a.C(announcement.FieldEvent), string(ev)),
			sql.ColumnsEQ(a.C(announcement.FieldEventID), s.C("id")),
		))))
	}
}

// MarkAnnounced records that the event ev of id was told to everyone who
// hears of it; marking it again changes nothing.
func MarkAnnounced(ctx context.Context, c *ent.Client, ev announcement.Event, id int) error {
	return c.Announcement.Create().SetEvent(ev).SetEventID(id).
		OnConflictColumns(announcement.FieldEvent, announcement.FieldEventID).Ignore().Exec(ctx)
}

// announcementOf is the announcement of a fanned-out event.
func announcementOf(e stakeholdermessage.Event) announcement.Event {
	switch e {
	case stakeholdermessage.EventDECLARED:
		return announcement.EventDECLARED
	case stakeholdermessage.EventAFFECTED:
		return announcement.EventAFFECTED
	}
	return announcement.EventUPDATE
}

func (s *Stakeholders) grace() time.Duration {
	if s.SweepGrace > 0 {
		return s.SweepGrace
	}
	return SweepGrace
}

// inTx runs fn in a transaction.
func (s *Stakeholders) inTx(ctx context.Context, fn func(ctx context.Context, c *ent.Client) error) error {
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := fn(ent.NewTxContext(ctx, tx), tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
