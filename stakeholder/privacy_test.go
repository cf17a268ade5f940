package stakeholder_test

import (
	"context"
	"errors"
	"testing"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/stakeholder"
	"github.com/tocsin/tocsin/viewer"
)

// TestSubscriptionsAndPreferencesAreOnesOwnInTheDataLayer calls ent
// directly, as any future door would: everyone reads and changes only
// their own rows, admins read all, nobody changes another's.
func TestSubscriptionsAndPreferencesAreOnesOwnInTheDataLayer(t *testing.T) {
	env.Truncate(t)
	mk := func(email string, r viewer.Role) *ent.User {
		return env.Client.User.Create().SetEmail(email).SetName(email).SetRole(r).SaveX(sys)
	}
	admin, resp, alice, bob := mk("a@x.io", viewer.RoleAdmin), mk("r@x.io", viewer.RoleResponder),
		mk("alice@x.io", viewer.RoleStakeholder), mk("bob@x.io", viewer.RoleStakeholder)
	team := env.Client.Team.Create().SetName("T").SaveX(sys)
	svc := env.Client.Service.Create().SetName("S").SetTeam(team).SaveX(sys)
	bobSub := env.Client.StakeholderSubscription.Create().SetUserID(bob.ID).SetServiceID(svc.ID).SaveX(sys)
	bobPref := env.Client.StakeholderPreference.Create().SetUserID(bob.ID).SaveX(sys)
	c := env.Client

	for _, tc := range []struct {
		name    string
		who     *ent.User
		do      func(ctx context.Context) error
		allowed bool
	}{
		{"stakeholder subscribes herself", alice, func(ctx context.Context) error {
			return c.StakeholderSubscription.Create().SetUserID(alice.ID).SetServiceID(svc.ID).Exec(ctx)
		}, true},
		{"stakeholder subscribes someone else", alice, func(ctx context.Context) error {
			return c.StakeholderSubscription.Create().SetUserID(resp.ID).SetServiceID(svc.ID).Exec(ctx)
		}, false},
		{"stakeholder deletes another's subscription", alice, func(ctx context.Context) error {
			return c.StakeholderSubscription.DeleteOneID(bobSub.ID).Exec(ctx)
		}, false},
		{"admin deletes another's subscription", admin, func(ctx context.Context) error {
			return c.StakeholderSubscription.DeleteOneID(bobSub.ID).Exec(ctx)
		}, false},
		{"responder sets her own preferences", resp, func(ctx context.Context) error {
			return c.StakeholderPreference.Create().SetUserID(resp.ID).SetDigest(stakeholderpreference.DigestDAILY).Exec(ctx)
		}, true},
		{"stakeholder changes another's preferences", alice, func(ctx context.Context) error {
			return c.StakeholderPreference.UpdateOneID(bobPref.ID).SetEmail(false).Exec(ctx)
		}, false},
		{"stakeholder creates preferences for another", alice, func(ctx context.Context) error {
			return c.StakeholderPreference.Create().SetUserID(admin.ID).Exec(ctx)
		}, false},
		{"bob deletes his own subscription", bob, func(ctx context.Context) error {
			return c.StakeholderSubscription.DeleteOneID(bobSub.ID).Exec(ctx)
		}, true},
		{"bob changes his own preferences", bob, func(ctx context.Context) error {
			return c.StakeholderPreference.UpdateOneID(bobPref.ID).SetPush(false).Exec(ctx)
		}, true},
	} {
		err := tc.do(as(tc.who))
		if tc.allowed && err != nil {
			t.Errorf("%s: want allowed, got %v", tc.name, err)
		}
		if !tc.allowed && !errors.Is(err, privacy.Deny) {
			t.Errorf("%s: want denied, got %v", tc.name, err)
		}
	}

	// Reads: alice sees her own subscription only; the admin sees all.
	env.Client.StakeholderSubscription.Create().SetUserID(resp.ID).SetServiceID(svc.ID).ExecX(sys)
	mine := c.StakeholderSubscription.Query().AllX(as(alice))
	if len(mine) != 1 || mine[0].UserID != alice.ID {
		t.Errorf("alice reads %v, want her one subscription", mine)
	}
	if n := c.StakeholderSubscription.Query().CountX(as(admin)); n != 2 {
		t.Errorf("admin counts %d subscriptions, want 2 (alice's and the responder's)", n)
	}
	if n := c.StakeholderPreference.Query().Where(stakeholderpreference.UserID(bob.ID)).CountX(as(resp)); n != 0 {
		t.Errorf("the responder reads %d of bob's preference rows, want 0", n)
	}
	if _, err := c.StakeholderSubscription.Query().Where(stakeholdersubscription.UserID(alice.ID)).All(context.Background()); !errors.Is(err, viewer.ErrUnauthenticated) {
		t.Errorf("anonymous read: want unauthenticated, got %v", err)
	}
}

func TestSubscribingIsIdempotentAndNeedsAVisibleTarget(t *testing.T) {
	w := newWorld(t)
	for range 2 {
		if _, err := w.s.SubscribeToService(as(w.alice), w.api.ID); err != nil {
			t.Fatal(err)
		}
	}
	subs, err := w.s.MySubscriptions(as(w.alice))
	if err != nil || len(subs) != 1 || subs[0].Edges.Service == nil || subs[0].Edges.Service.Name != "Checkout API" {
		t.Fatalf("want one subscription to Checkout API after subscribing twice, got %v %v", subs, err)
	}
	if _, err := w.s.SubscribeToService(as(w.alice), 999999); !errors.Is(err, stakeholder.ErrNotFound) {
		t.Fatalf("subscribing to a missing service: want not found, got %v", err)
	}
	if ok, _ := w.s.SubscribedToService(as(w.alice), w.api.ID); !ok {
		t.Fatal("SubscribedToService says no after subscribing")
	}
	if ok, _ := w.s.SubscribedToService(as(w.bob), w.api.ID); ok {
		t.Fatal("bob is not subscribed, but SubscribedToService says yes")
	}
	if _, err := w.s.UnsubscribeFromService(as(w.alice), w.api.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.UnsubscribeFromService(as(w.alice), w.api.ID); err != nil {
		t.Fatalf("unsubscribing twice: %v", err)
	}
	if subs, _ := w.s.MySubscriptions(as(w.alice)); len(subs) != 0 {
		t.Fatalf("want no subscription after unsubscribing, got %v", subs)
	}
	p, err := w.s.MyPreferences(as(w.bob))
	if err != nil || p != stakeholder.Defaults {
		t.Fatalf("unset preferences: want the defaults, got %+v %v", p, err)
	}
}
