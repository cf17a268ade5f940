package rule

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/viewer"
)

// Stakeholder subscriptions and preferences are "one's own": everyone signed
// in, stakeholders included, reads and changes only their own rows; admins
// read everyone's (AllowIfAdmin, query only). Nobody changes another
// person's subscriptions: that would send them email they did not ask for.

// AllowOwnStakeholderSubscriptionMutation lets a person subscribe and
// unsubscribe themselves (subscriptions are never updated: every field is
// immutable).
func AllowOwnStakeholderSubscriptionMutation() privacy.MutationRule {
	return privacy.StakeholderSubscriptionMutationRuleFunc(func(ctx context.Context, m *ent.StakeholderSubscriptionMutation) error {
		v := signedIn(ctx)
		if v == nil {
			return privacy.Skip
		}
		if m.Op().Is(ent.OpCreate) {
			if uid, ok := m.UserID(); ok && uid == v.UserID {
				return privacy.Allow
			}
			return privacy.Skip
		}
		sys := viewer.System(ctx)
		ids, err := m.IDs(sys)
		if err != nil {
			return privacy.Skip
		}
		if len(ids) == 0 {
			return privacy.Allow // matches no row: changes nothing
		}
		n, err := m.Client().StakeholderSubscription.Query().
			Where(stakeholdersubscription.IDIn(ids...), stakeholdersubscription.UserIDNEQ(v.UserID)).Count(sys)
		if err != nil || n > 0 {
			return privacy.Skip
		}
		return privacy.Allow
	})
}

// AllowOwnStakeholderPreferenceMutation lets a person create and change
// their own preferences row.
func AllowOwnStakeholderPreferenceMutation() privacy.MutationRule {
	return privacy.StakeholderPreferenceMutationRuleFunc(func(ctx context.Context, m *ent.StakeholderPreferenceMutation) error {
		v := signedIn(ctx)
		if v == nil {
			return privacy.Skip
		}
		if m.Op().Is(ent.OpCreate) {
			if uid, ok := m.UserID(); ok && uid == v.UserID {
				return privacy.Allow
			}
			return privacy.Skip
		}
		sys := viewer.System(ctx)
		ids, err := m.IDs(sys)
		if err != nil {
			return privacy.Skip
		}
		if len(ids) == 0 {
			return privacy.Allow
		}
		n, err := m.Client().StakeholderPreference.Query().
			Where(stakeholderpreference.IDIn(ids...), stakeholderpreference.UserIDNEQ(v.UserID)).Count(sys)
		if err != nil || n > 0 {
			return privacy.Skip
		}
		return privacy.Allow
	})
}

// signedIn is the viewer when it is a signed-in user (not the system).
func signedIn(ctx context.Context) *viewer.Viewer {
	v := viewer.FromContext(ctx)
	if v == nil || v.System || v.UserID == 0 {
		return nil
	}
	return v
}
