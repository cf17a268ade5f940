package statuspage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/announcement"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/statuscomponent"
	"github.com/tocsin/tocsin/ent/statuspage"
	"github.com/tocsin/tocsin/ent/statussubscriber"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/ent/statusupdateemail"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/stakeholder"
	"github.com/tocsin/tocsin/viewer"
)

// Notifier emails the confirmed subscribers of public pages about PUBLIC
// status updates. The incident domain calls it (through an interface) once
// a PUBLIC update is committed, from a job that retries. Each subscriber's
// email is recorded (StatusUpdateEmail) in the transaction that sends it,
// so a retry or a second run skips who has it; when all went out the
// update is marked announced (Announcement PUBLIC), and until then the
// announcement sweep queues it again (Unannounced). An email whose record
// was lost with a crashed worker goes out again under the same Message-ID.
type Notifier struct {
	Subscriptions *Subscriptions
}

// PublicUpdatePosted emails the update to the confirmed subscribers of
// every public page with a component of a service the update's incident
// affects. Updates for other audiences send nothing. A failed email does
// not stop the others; the errors are returned together.
func (n *Notifier) PublicUpdatePosted(ctx context.Context, updateID int) error {
	s := n.Subscriptions
	if !s.On() {
		return nil
	}
	ctx = viewer.System(ctx)
	u, err := s.Client.StatusUpdate.Query().Where(statusupdate.ID(updateID)).
		WithIncident(func(q *ent.IncidentQuery) { q.WithServices(func(q *ent.ServiceQuery) { q.Select(service.FieldID) }) }).
		Only(ctx)
	if err != nil {
		return fmt.Errorf("status update %d: %w", updateID, err)
	}
	if u.Audience != statusupdate.AudiencePUBLIC {
		return nil
	}
	in := u.Edges.Incident
	var serviceIDs []int
	for _, sv := range in.Edges.Services {
		serviceIDs = append(serviceIDs, sv.ID)
	}
	if len(serviceIDs) == 0 {
		return n.announced(ctx, updateID)
	}
	pages, err := s.Client.StatusPage.Query().
		Where(statuspage.Public(true), statuspage.HasComponentsWith(statuscomponent.ServiceIDIn(serviceIDs...))).
		WithSubscribers(func(q *ent.StatusSubscriberQuery) { q.Where(statussubscriber.ConfirmedAtNotNil()) }).
		All(ctx)
	if err != nil {
		return fmt.Errorf("pages of status update %d: %w", updateID, err)
	}
	var errs []error
	for _, pg := range pages {
		for _, sub := range pg.Edges.Subscribers {
			unsub := s.unsubscribeToken(pg.ID, sub.Email)
			if !bytes.Equal(hash(unsub), sub.UnsubscribeTokenHash) { // the secret was rotated
				if err := sub.Update().SetUnsubscribeTokenHash(hash(unsub)).Exec(ctx); err != nil {
					errs = append(errs, err)
					continue
				}
			}
			if err := n.once(ctx, u.ID, sub.ID, s.updateEmail(pg, sub, in, u, unsub)); err != nil {
				errs = append(errs, fmt.Errorf("status update %d to %s: %w", updateID, sub.Email, err))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return n.announced(ctx, updateID)
}

// once sends e to the subscriber unless they have the update: the record
// is inserted first, in the transaction that sends, and committed once the
// mail server took it; a second run at once waits on the insert and then
// finds the record.
func (n *Notifier) once(ctx context.Context, updateID, subscriberID int, e notify.Email) error {
	s := n.Subscriptions
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return err
	}
	err = tx.StatusUpdateEmail.Create().SetUpdateID(updateID).SetSubscriberID(subscriberID).SetSentAt(s.now()).
		Exec(ent.NewTxContext(ctx, tx))
	if ent.IsConstraintError(err) {
		_ = tx.Rollback()
		return nil // sent already
	}
	if err == nil {
		err = s.Mailer.Send(ctx, e)
	}
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// announced marks the update's emails all sent.
func (n *Notifier) announced(ctx context.Context, updateID int) error {
	return n.Subscriptions.Client.Announcement.Create().SetEvent(announcement.EventPUBLIC).SetEventID(updateID).
		OnConflictColumns(announcement.FieldEvent, announcement.FieldEventID).Ignore().Exec(ctx)
}

// Unannounced are the PUBLIC status updates posted between from and until
// whose emails have not all gone out (at most limit, oldest first): what the
// announcement sweep queues again. It also forgets the emails sent before
// forget, which no sweep looks at any more.
func (n *Notifier) Unannounced(ctx context.Context, from, until, forget time.Time, limit int) ([]int, error) {
	s := n.Subscriptions
	if !s.On() {
		return nil, nil
	}
	ctx = viewer.System(ctx)
	if _, err := s.Client.StatusUpdateEmail.Delete().Where(statusupdateemail.SentAtLT(forget)).Exec(ctx); err != nil {
		return nil, err
	}
	return s.Client.StatusUpdate.Query().Where(statusupdate.AudienceEQ(statusupdate.AudiencePUBLIC),
		statusupdate.CreatedAtGTE(from), statusupdate.CreatedAtLTE(until), stakeholder.NotAnnounced(announcement.EventPUBLIC)).
		Order(statusupdate.ByCreatedAt()).Limit(limit).IDs(ctx)
}
