// Package viewer carries who is acting through a context.Context.
//
// Every door (GraphQL, REST, workers) puts a Viewer in the context before it
// touches the data layer; the ent privacy policies read it back. A context
// without a viewer may read and change nothing, so forgetting to authenticate
// fails closed.
package viewer

import (
	"context"
	"errors"
)

// Role is what a user may do. The zero value is not a valid role.
type Role string

// The roles, from most to least powerful.
const (
	RoleAdmin       Role = "ADMIN"
	RoleResponder   Role = "RESPONDER"
	RoleStakeholder Role = "STAKEHOLDER"
)

// Values lists the roles; ent uses it for the enum column.
func (Role) Values() []string {
	return []string{string(RoleAdmin), string(RoleResponder), string(RoleStakeholder)}
}

// Valid reports whether r is one of the defined roles.
func (r Role) Valid() bool {
	return r == RoleAdmin || r == RoleResponder || r == RoleStakeholder
}

// CanRespond reports whether the role may manage alerts and incidents.
func (r Role) CanRespond() bool { return r == RoleAdmin || r == RoleResponder }

// Viewer is the acting party: a signed-in user, or the system itself.
type Viewer struct {
	// UserID is the acting user; zero for the system.
	UserID int
	// Role is the user's role at the time of authentication.
	Role Role
	// TokenID is the API token used, if any (zero for sessions).
	TokenID int
	// SessionID is the session used, if any.
	SessionID int
	// System marks internal work (migrations, workers, login) that is not
	// done on behalf of a user and may bypass the per-user rules.
	System bool
}

// IsAdmin reports whether v is a signed-in admin.
func (v *Viewer) IsAdmin() bool { return v != nil && !v.System && v.Role == RoleAdmin }

// ErrUnauthenticated is returned when an operation needs a viewer and the
// context carries none.
var ErrUnauthenticated = errors.New("not signed in")

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer in ctx, or nil.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

// System returns ctx carrying the system viewer. Use it only for work that no
// user asked for directly (workers, migrations, seeding, the login check).
func System(ctx context.Context) context.Context {
	return NewContext(ctx, &Viewer{System: true})
}

// ForUser returns ctx carrying a viewer for the given user and role.
func ForUser(ctx context.Context, userID int, role Role) context.Context {
	return NewContext(ctx, &Viewer{UserID: userID, Role: role})
}
