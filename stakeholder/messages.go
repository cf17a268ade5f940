package stakeholder

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/stakeholdermessage"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
)

// digestSettle is how long after its period a digest is written, so an
// update whose transaction commits just after the period's end (its time
// lies inside the period) is in it.
const digestSettle = 30 * time.Second

// A message is owed to one person (a StakeholderMessage row) from the
// moment the fan-out plans it until every channel is done. Its task only
// carries the row's key; losing the task loses nothing but time.

// plan records that userID is owed the message of an event and returns
// its row; planning it again returns the row as it is.
func plan(ctx context.Context, c *ent.Client, userID int, ev stakeholdermessage.Event, eventID int,
	periodStart *time.Time, due time.Time) (*ent.StakeholderMessage, error) {
	id, err := c.StakeholderMessage.Create().SetUserID(userID).SetEvent(ev).SetEventID(eventID).
		SetNillablePeriodStart(periodStart).SetDueAt(due).
		OnConflictColumns(stakeholdermessage.FieldUserID, stakeholdermessage.FieldEvent, stakeholdermessage.FieldEventID).
		Ignore().ID(ctx)
	if err != nil {
		return nil, fmt.Errorf("planning the %s message %d of user %d: %w", ev, eventID, userID, err)
	}
	return c.StakeholderMessage.Get(ctx, id)
}

// planDigest records that userID is owed the digest of the period that at
// falls in, due digestSettle after the period ends.
func planDigest(ctx context.Context, c *ent.Client, u *ent.User, d stakeholderpreference.Digest, at time.Time) (*ent.StakeholderMessage, error) {
	start, end := Period(at, d, location(u.TimeZone))
	return plan(ctx, c, u.ID, digestEvent(d), int(end.Unix()), &start, end.Add(digestSettle))
}

// once sends one part of a message (the email, or the push to one device)
// at most once per message: under the row's lock it asks done whether the
// part was sent, else sends it and records it in the same transaction.
// A second run waits for the first and then finds the part done. A send
// whose commit is lost (the worker dies between the two) is sent again by
// the next run, under the same Message-ID or delivery key.
func (s *Stakeholders) once(ctx context.Context, id int, done func(*ent.StakeholderMessage) bool,
	send func(context.Context) error, record func(*ent.StakeholderMessageUpdateOne)) error {
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return err
	}
	txCtx := ent.NewTxContext(ctx, tx)
	m, err := tx.StakeholderMessage.Query().Where(stakeholdermessage.ID(id)).ForUpdate().Only(txCtx)
	if err != nil || done(m) {
		_ = tx.Rollback()
		return err
	}
	if err := send(ctx); err != nil {
		_ = tx.Rollback()
		return err
	}
	u := tx.StakeholderMessage.UpdateOne(m)
	record(u)
	if err := u.Exec(txCtx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// messageEvent is the message event of an Event's kind.
func messageEvent(kind string) (stakeholdermessage.Event, bool) {
	switch kind {
	case EventDeclared:
		return stakeholdermessage.EventDECLARED, true
	case EventUpdate:
		return stakeholdermessage.EventUPDATE, true
	case EventAffected:
		return stakeholdermessage.EventAFFECTED, true
	}
	return "", false
}

// eventKind is the Event kind of a message event (DECLARED, UPDATE,
// AFFECTED).
func eventKind(e stakeholdermessage.Event) string {
	switch e {
	case stakeholdermessage.EventDECLARED:
		return EventDeclared
	case stakeholdermessage.EventAFFECTED:
		return EventAffected
	}
	return EventUpdate
}

func digestEvent(d stakeholderpreference.Digest) stakeholdermessage.Event {
	if d == stakeholderpreference.DigestDAILY {
		return stakeholdermessage.EventDAILY_DIGEST
	}
	return stakeholdermessage.EventHOURLY_DIGEST
}

func digestOf(e stakeholdermessage.Event) stakeholderpreference.Digest {
	if e == stakeholdermessage.EventDAILY_DIGEST {
		return stakeholderpreference.DigestDAILY
	}
	return stakeholderpreference.DigestHOURLY
}
