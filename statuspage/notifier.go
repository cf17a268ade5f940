package statuspage

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/statuscomponent"
	"github.com/tocsin/tocsin/ent/statuspage"
	"github.com/tocsin/tocsin/ent/statussubscriber"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/viewer"
)

// Notifier emails the confirmed subscribers of public pages about PUBLIC
// status updates. The incident domain calls it (through an interface) once
// a PUBLIC update is committed, best from a job that retries: every email
// has a Message-ID fixed by update and subscriber, so a retry is one
// message to mail systems that drop duplicates.
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
		return nil
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
			if err := s.Mailer.Send(ctx, s.updateEmail(pg, sub, in, u, unsub)); err != nil {
				errs = append(errs, fmt.Errorf("status update %d to %s: %w", updateID, sub.Email, err))
			}
		}
	}
	return errors.Join(errs...)
}
