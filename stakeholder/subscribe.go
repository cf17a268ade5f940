package stakeholder

import (
	"context"
	"fmt"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/predicate"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/viewer"
)

// SubscribeToService makes the viewer follow every incident that affects
// the service. Subscribing again changes nothing.
func (s *Stakeholders) SubscribeToService(ctx context.Context, serviceID int) (*ent.Service, error) {
	svc, err := s.Client.Service.Get(ctx, serviceID)
	if err != nil {
		return nil, notFound(err)
	}
	return svc, s.subscribe(ctx, stakeholdersubscription.ServiceID(serviceID),
		func(c *ent.StakeholderSubscriptionCreate) { c.SetServiceID(serviceID) })
}

// SubscribeToIncident makes the viewer follow one incident.
func (s *Stakeholders) SubscribeToIncident(ctx context.Context, incidentID int) (*ent.Incident, error) {
	inc, err := s.Client.Incident.Get(ctx, incidentID)
	if err != nil {
		return nil, notFound(err)
	}
	return inc, s.subscribe(ctx, stakeholdersubscription.IncidentID(incidentID),
		func(c *ent.StakeholderSubscriptionCreate) { c.SetIncidentID(incidentID) })
}

// UnsubscribeFromService stops the viewer following the service; not
// following it is no error.
func (s *Stakeholders) UnsubscribeFromService(ctx context.Context, serviceID int) (*ent.Service, error) {
	svc, err := s.Client.Service.Get(ctx, serviceID)
	if err != nil {
		return nil, notFound(err)
	}
	return svc, s.unsubscribe(ctx, stakeholdersubscription.ServiceID(serviceID))
}

// UnsubscribeFromIncident stops the viewer following the incident itself
// (they still hear of it through the services they follow).
func (s *Stakeholders) UnsubscribeFromIncident(ctx context.Context, incidentID int) (*ent.Incident, error) {
	inc, err := s.Client.Incident.Get(ctx, incidentID)
	if err != nil {
		return nil, notFound(err)
	}
	return inc, s.unsubscribe(ctx, stakeholdersubscription.IncidentID(incidentID))
}

// MySubscriptions are the viewer's subscriptions, newest first, with their
// service or incident loaded.
func (s *Stakeholders) MySubscriptions(ctx context.Context) ([]*ent.StakeholderSubscription, error) {
	v, err := signedIn(ctx)
	if err != nil {
		return nil, err
	}
	return s.Subscriptions(ctx, v.UserID)
}

// Subscriptions are a user's subscriptions as the viewer may see them (their
// own; admins everyone's), newest first.
func (s *Stakeholders) Subscriptions(ctx context.Context, userID int) ([]*ent.StakeholderSubscription, error) {
	return s.Client.StakeholderSubscription.Query().
		Where(stakeholdersubscription.UserID(userID)).
		WithService().WithIncident().
		Order(ent.Desc(stakeholdersubscription.FieldCreatedAt), ent.Desc(stakeholdersubscription.FieldID)).
		All(ctx)
}

// SubscribedToService reports whether the viewer follows the service.
func (s *Stakeholders) SubscribedToService(ctx context.Context, serviceID int) (bool, error) {
	return s.subscribed(ctx, stakeholdersubscription.ServiceID(serviceID))
}

// SubscribedToIncident reports whether the viewer follows the incident itself.
func (s *Stakeholders) SubscribedToIncident(ctx context.Context, incidentID int) (bool, error) {
	return s.subscribed(ctx, stakeholdersubscription.IncidentID(incidentID))
}

func (s *Stakeholders) subscribed(ctx context.Context, target predicate.StakeholderSubscription) (bool, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return false, nil
	}
	return s.Client.StakeholderSubscription.Query().
		Where(stakeholdersubscription.UserID(v.UserID), target).Exist(ctx)
}

func (s *Stakeholders) subscribe(ctx context.Context, target predicate.StakeholderSubscription,
	set func(*ent.StakeholderSubscriptionCreate)) error {
	v, err := signedIn(ctx)
	if err != nil {
		return err
	}
	exists, err := s.Client.StakeholderSubscription.Query().
		Where(stakeholdersubscription.UserID(v.UserID), target).Exist(ctx)
	if err != nil || exists {
		return err
	}
	c := s.Client.StakeholderSubscription.Create().SetUserID(v.UserID)
	set(c)
	if err := c.Exec(ctx); err != nil && !ent.IsConstraintError(err) {
		// A constraint error is the same subscription made at the same moment.
		return fmt.Errorf("subscribing: %w", err)
	}
	return nil
}

func (s *Stakeholders) unsubscribe(ctx context.Context, target predicate.StakeholderSubscription) error {
	v, err := signedIn(ctx)
	if err != nil {
		return err
	}
	_, err = s.Client.StakeholderSubscription.Delete().
		Where(stakeholdersubscription.UserID(v.UserID), target).Exec(ctx)
	return err
}

// signedIn is the viewer, who must be a signed-in user.
func signedIn(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return nil, viewer.ErrUnauthenticated
	}
	return v, nil
}

func notFound(err error) error {
	if ent.IsNotFound(err) {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	return err
}
