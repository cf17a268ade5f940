// Package rule holds the privacy rules that ent/schema composes into each
// entity's policy. They read the viewer from the context (package viewer).
//
// The shape of every policy is: no viewer → deny (unauthenticated); the
// system → allow; then role rules; anything not allowed is denied. So a new
// door that forgets to authenticate can read and change nothing.
package rule

import (
	"context"
	"fmt"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/viewer"
)

// errNoViewer is a deny decision that also says nobody is signed in, so doors
// can answer UNAUTHENTICATED rather than FORBIDDEN.
var errNoViewer = fmt.Errorf("%w: %w", privacy.Deny, viewer.ErrUnauthenticated)

// DenyIfNoViewer denies every query and mutation made without a viewer.
func DenyIfNoViewer() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx) == nil {
			return errNoViewer
		}
		return privacy.Skip
	})
}

// AllowIfSystem allows internal work done with viewer.System.
func AllowIfSystem() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && v.System {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowIfAdmin allows admins everything.
func AllowIfAdmin() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).IsAdmin() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowIfResponder allows admins and responders (managing alerts, incidents).
func AllowIfResponder() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v != nil && !v.System && v.Role.CanRespond() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// MayRespond is AllowIfResponder's decision for code that writes alerts
// with SQL instead of an ent mutation (incident.Create's one statement): nil
// for the system, responders and admins; the policy's denial otherwise.
func MayRespond(ctx context.Context) error {
	v := viewer.FromContext(ctx)
	switch {
	case v == nil:
		return errNoViewer
	case v.System || v.Role.CanRespond():
		return nil
	}
	return privacy.Denyf("%s may not change alerts", v.Role)
}

// profileFields are the user fields a user may change on themselves.
var profileFields = map[string]bool{"name": true, "time_zone": true, "password_hash": true, "updated_at": true,
	"quiet_hours_start": true, "quiet_hours_end": true}

// AllowOwnProfileUpdate lets a user change their own name, time zone and
// password; role, email and team membership stay with admins.
func AllowOwnProfileUpdate() privacy.MutationRule {
	return privacy.UserMutationRuleFunc(func(ctx context.Context, m *ent.UserMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.UserID == 0 || !m.Op().Is(ent.OpUpdateOne) {
			return privacy.Skip
		}
		if id, ok := m.ID(); !ok || id != v.UserID {
			return privacy.Skip
		}
		if len(m.AddedEdges()) > 0 || len(m.RemovedEdges()) > 0 || len(m.ClearedEdges()) > 0 {
			return privacy.Skip
		}
		// Quiet hours are turned off by clearing them.
		for _, f := range append(m.Fields(), m.ClearedFields()...) {
			if !profileFields[f] {
				return privacy.Skip
			}
		}
		return privacy.Allow
	})
}

// AllowOwnAPITokenMutation lets responders and admins create and revoke
// tokens that act as themselves. Stakeholders change nothing but their profile.
func AllowOwnAPITokenMutation() privacy.MutationRule {
	return privacy.APITokenMutationRuleFunc(func(ctx context.Context, m *ent.APITokenMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.UserID == 0 || !v.Role.CanRespond() {
			return privacy.Skip
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			if uid, ok := m.UserID(); ok && uid == v.UserID {
				return privacy.Allow
			}
		case m.Op().Is(ent.OpUpdateOne):
			if uid, err := m.OldUserID(ctx); err == nil && uid == v.UserID {
				return privacy.Allow
			}
		}
		return privacy.Skip
	})
}

// Read audiences: the classes of viewers that the read rules (Reads) of
// timeline events, alerts and incidents treat alike.
const (
	AudienceNone         = ""             // no viewer: reads nothing
	AudienceSystem       = "system"       // internal work: everything
	AudienceStakeholders = "stakeholders" // every alert and incident, every event but INTERNAL ones
	AudienceResponders   = "responders"   // responders and admins: everything
)

// ReadAudience is v's class for those read policies: two viewers of one
// audience read exactly the same timeline events, alerts and incidents, so
// one query can serve both (the live fan-out shares its reads this way). A
// rule that makes those reads depend on more than this (a team, the user)
// must change this function too; auth/audience_test.go checks it.
func ReadAudience(v *viewer.Viewer) string {
	switch {
	case v == nil:
		return AudienceNone
	case v.System:
		return AudienceSystem
	case v.Role == viewer.RoleStakeholder:
		return AudienceStakeholders
	default:
		return AudienceResponders
	}
}

// AudienceViewer stands for every viewer of audience in a read they share:
// it has their role and no user, so an edge whose rule depends on the user
// (own contact methods, own subscriptions, a stakeholder's own e-mail) comes
// back empty or blanked, never with one member's rows shown to the others.
// Nil for AudienceNone.
func AudienceViewer(audience string) *viewer.Viewer {
	switch audience {
	case AudienceSystem:
		return &viewer.Viewer{System: true}
	case AudienceStakeholders:
		return &viewer.Viewer{Role: viewer.RoleStakeholder}
	case AudienceResponders:
		return &viewer.Viewer{Role: viewer.RoleResponder}
	default:
		return nil
	}
}

// InvalidError is input that breaks a rule checked in the data layer (after
// the policy); Field names it as the API does.
type InvalidError struct {
	Field, Reason string
}

func (e *InvalidError) Error() string { return e.Field + ": " + e.Reason }
