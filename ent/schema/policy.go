package schema

import (
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/rule"
)

// The policies, one per access pattern. Each starts by denying anonymous
// access and allowing the system; anything not allowed is denied.

// readAllAdminWrites: everyone signed in reads; only admins change.
func readAllAdminWrites() privacy.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(), rule.AllowReadIfViewer()},
		Mutation: privacy.MutationPolicy{
			rule.DenyIfNoViewer(), rule.AllowIfSystem(), rule.AllowIfAdmin(), privacy.AlwaysDenyRule(),
		},
	}
}

// readAllResponderWrites: everyone signed in reads; responders and admins change.
func readAllResponderWrites(extra ...privacy.QueryRule) privacy.Policy {
	q := privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem()}
	q = append(q, extra...)
	q = append(q, rule.AllowReadIfViewer())
	return privacy.Policy{
		Query: q,
		Mutation: privacy.MutationPolicy{
			rule.DenyIfNoViewer(), rule.AllowIfSystem(), rule.AllowIfResponder(), privacy.AlwaysDenyRule(),
		},
	}
}

// systemOnly: sessions and invitations are handled by the auth code only.
func systemOnly() privacy.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(), rule.AllowIfAdmin(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(), privacy.AlwaysDenyRule()},
	}
}
