package rule

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/viewer"
)

// FilterStatusUpdatesForStakeholders hides updates meant for responders
// (audience INTERNAL) from stakeholders, as their timeline events are.
func FilterStatusUpdatesForStakeholders() privacy.QueryRule {
	return privacy.StatusUpdateQueryRuleFunc(func(ctx context.Context, q *ent.StatusUpdateQuery) error {
		if v := viewer.FromContext(ctx); v != nil && !v.System && v.Role == viewer.RoleStakeholder {
			q.Where(statusupdate.AudienceNEQ(statusupdate.AudienceINTERNAL))
		}
		return privacy.Skip
	})
}
