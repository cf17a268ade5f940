package rule

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/viewer"
)

// FilterOwnContactMethods shows a person their own contact methods only.
func FilterOwnContactMethods() privacy.QueryRule {
	return privacy.ContactMethodQueryRuleFunc(func(ctx context.Context, q *ent.ContactMethodQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.UserID == 0 {
			return privacy.Skip
		}
		q.Where(contactmethod.UserID(v.UserID))
		return privacy.Allow
	})
}

// AllowOwnContactMethodMutation lets responders manage their own contact
// methods (stakeholders are never paged).
func AllowOwnContactMethodMutation() privacy.MutationRule {
	return privacy.ContactMethodMutationRuleFunc(func(ctx context.Context, m *ent.ContactMethodMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.UserID == 0 || !v.Role.CanRespond() {
			return privacy.Skip
		}
		if m.Op().Is(ent.OpCreate) {
			if uid, ok := m.UserID(); ok && uid == v.UserID {
				return privacy.Allow
			}
			return privacy.Skip
		}
		ids, err := m.IDs(viewer.System(ctx))
		if err != nil || len(ids) == 0 {
			return privacy.Skip
		}
		n, err := m.Client().ContactMethod.Query().
			Where(contactmethod.IDIn(ids...), contactmethod.UserIDNEQ(v.UserID)).Count(viewer.System(ctx))
		if err != nil || n > 0 {
			return privacy.Skip
		}
		return privacy.Allow
	})
}

// FilterOwnNotificationRules shows a person their own rules only.
func FilterOwnNotificationRules() privacy.QueryRule {
	return privacy.NotificationRuleQueryRuleFunc(func(ctx context.Context, q *ent.NotificationRuleQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.UserID == 0 {
			return privacy.Skip
		}
		q.Where(notificationrule.UserID(v.UserID))
		return privacy.Allow
	})
}

// AllowOwnNotificationRuleMutation lets responders manage their own rules,
// on their own contact methods.
func AllowOwnNotificationRuleMutation() privacy.MutationRule {
	return privacy.NotificationRuleMutationRuleFunc(func(ctx context.Context, m *ent.NotificationRuleMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.UserID == 0 || !v.Role.CanRespond() {
			return privacy.Skip
		}
		sys := viewer.System(ctx)
		if m.Op().Is(ent.OpCreate) {
			uid, ok := m.UserID()
			mid, ok2 := m.ContactMethodID()
			if !ok || !ok2 || uid != v.UserID {
				return privacy.Skip
			}
			if owned, err := m.Client().ContactMethod.Query().
				Where(contactmethod.ID(mid), contactmethod.UserID(v.UserID)).Exist(sys); err != nil || !owned {
				return privacy.Skip
			}
			return privacy.Allow
		}
		ids, err := m.IDs(sys)
		if err != nil || len(ids) == 0 {
			return privacy.Skip
		}
		n, err := m.Client().NotificationRule.Query().
			Where(notificationrule.IDIn(ids...), notificationrule.UserIDNEQ(v.UserID)).Count(sys)
		if err != nil || n > 0 {
			return privacy.Skip
		}
		return privacy.Allow
	})
}
