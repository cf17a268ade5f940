package rule

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/viewer"
)

// Stakeholders are never paged, but their phones get low-urgency pushes
// about the incidents they follow: of contact methods they see, register
// and remove their own devices (PUSH) only — never a number, an address or
// a webhook, which exist to page people.

// AllowOwnContactMethodMutation lets responders manage their own contact
// methods, and stakeholders their own devices.
func AllowOwnContactMethodMutation() privacy.MutationRule {
	return privacy.ContactMethodMutationRuleFunc(func(ctx context.Context, m *ent.ContactMethodMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.UserID == 0 || v.System {
			return privacy.Skip
		}
		devicesOnly := !v.Role.CanRespond()
		if m.Op().Is(ent.OpCreate) {
			uid, ok := m.UserID()
			kind, _ := m.Kind()
			if !ok || uid != v.UserID || devicesOnly && kind != contactmethod.KindPUSH {
				return privacy.Skip
			}
			return privacy.Allow
		}
		sys := viewer.System(ctx)
		ids, err := m.IDs(sys)
		if err != nil {
			return privacy.Skip
		}
		others := contactmethod.UserIDNEQ(v.UserID)
		if devicesOnly {
			others = contactmethod.Or(others, contactmethod.KindNEQ(contactmethod.KindPUSH))
		}
		if len(ids) == 0 {
			// Nothing matches now: a compare-and-set whose value another
			// request changed first (parallel code guesses). It may go
			// on, changing nothing — restricted to the viewer's own rows,
			// should one come to match before it runs.
			m.Where(contactmethod.Not(others))
			return privacy.Allow
		}
		n, err := m.Client().ContactMethod.Query().Where(contactmethod.IDIn(ids...), others).Count(sys)
		if err != nil || n > 0 {
			return privacy.Skip
		}
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
