package schema

import (
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/rule"
)

// The policies. Reads are the same shape for every entity: anonymous callers
// read nothing, the system everything, and everyone else what rule.Reads (the
// one table of who reads what, ent/rule/read.go) says. Writes differ by
// entity: each starts by denying anonymous changes and allowing the system,
// then the given rules; anything not allowed is denied.

// policy reads by rule.Reads and allows the writes the given rules allow.
func policy(writes ...privacy.MutationRule) privacy.Policy {
	m := privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem()}
	m = append(m, writes...)
	m = append(m, privacy.AlwaysDenyRule())
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfSystem(), rule.FilterReads()},
		Mutation: m,
	}
}

// adminWrites: only admins change.
func adminWrites() privacy.Policy { return policy(rule.AllowIfAdmin()) }

// responderWrites: responders and admins change.
func responderWrites() privacy.Policy { return policy(rule.AllowIfResponder()) }

// systemWrites: only the system changes (sessions, invitations, deliveries,
// the records of the machinery).
func systemWrites() privacy.Policy { return policy() }
