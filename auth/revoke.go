package auth

import (
	"context"
	"encoding/json"
	"log/slog"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/apitoken"
	"github.com/tocsin/tocsin/ent/session"
	"github.com/tocsin/tocsin/viewer"
)

// A request proves who it is each time; a websocket only once, when it
// opens. So that signing out, revoking a token, disabling someone or
// changing their role reaches the sockets already open — in every process —
// each such change is announced on TopicRevoked once it commits, and the
// server closes the sockets it names (server/sockets.go). Current checks the
// same facts against PostgreSQL, for each operation on a socket and after a
// lost announcement.

// TopicRevoked is the live topic of Revocation announcements.
const TopicRevoked = "auth:revoked"

// Revocation names the credentials that stopped working, or the users whose
// standing changed: sockets opened with them must close.
type Revocation struct {
	Sessions []int        `json:"sessions,omitempty"`
	Tokens   []int        `json:"tokens,omitempty"`
	Users    []UserChange `json:"users,omitempty"`
}

// UserChange is a user's new standing: Role when it was set, Disabled when
// they were disabled, Deleted when they are gone.
type UserChange struct {
	ID       int         `json:"id"`
	Role     viewer.Role `json:"role,omitempty"`
	Disabled bool        `json:"disabled,omitempty"`
	Deleted  bool        `json:"deleted,omitempty"`
}

// Ends reports whether v, a socket's viewer, must stop.
func (r Revocation) Ends(v *viewer.Viewer) bool {
	for _, id := range r.Sessions {
		if v.SessionID != 0 && id == v.SessionID {
			return true
		}
	}
	for _, id := range r.Tokens {
		if v.TokenID != 0 && id == v.TokenID {
			return true
		}
	}
	for _, u := range r.Users {
		if u.ID == v.UserID && (u.Deleted || u.Disabled || u.Role != "" && u.Role != v.Role) {
			return true
		}
	}
	return false
}

// Publisher sends live events (a *live.Broker).
type Publisher interface {
	Publish(ctx context.Context, topic string, payload []byte) error
}

// PublishRevocations makes every change written through client that ends a
// credential announce it on TopicRevoked once its transaction commits
// (at once outside one): sessions deleted (sign-out, password change,
// expiry), API tokens revoked, changed or deleted, users disabled, deleted
// or given another role. It is the one home of these announcements,
// whatever door, command or process made the change.
func PublishRevocations(client *ent.Client, p Publisher) {
	client.Session.Use(revocationHook(p, ent.OpDelete|ent.OpDeleteOne, func(_ ent.Mutation, ids []int) Revocation {
		return Revocation{Sessions: ids}
	}))
	client.APIToken.Use(revocationHook(p, ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne, func(m ent.Mutation, ids []int) Revocation {
		_, revoked := m.Field("revoked_at")
		_, expires := m.Field("expires_at")
		if m.Op().Is(ent.OpUpdate|ent.OpUpdateOne) && !revoked && !expires && !m.FieldCleared("expires_at") {
			return Revocation{} // its name or last use: nothing ends
		}
		return Revocation{Tokens: ids}
	}))
	client.User.Use(revocationHook(p, ent.OpUpdate|ent.OpUpdateOne|ent.OpDelete|ent.OpDeleteOne, func(m ent.Mutation, ids []int) Revocation {
		var c UserChange
		if m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
			c.Deleted = true
		}
		if role, ok := m.Field("role"); ok {
			c.Role, _ = role.(viewer.Role)
		}
		if d, ok := m.Field("disabled"); ok {
			c.Disabled, _ = d.(bool)
		}
		if c == (UserChange{}) {
			return Revocation{}
		}
		var r Revocation
		for _, id := range ids {
			c.ID = id
			r.Users = append(r.Users, c)
		}
		return r
	}))
}

// revocationHook announces what revoked says of a mutation of ops, given
// the ids of the rows it touches (read before it runs).
func revocationHook(p Publisher, ops ent.Op, revoked func(ent.Mutation, []int) Revocation) ent.Hook {
	type idMutation interface {
		IDs(context.Context) ([]int, error)
	}
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			im, ok := m.(idMutation)
			if !m.Op().Is(ops) || !ok {
				return next.Mutate(ctx, m)
			}
			ids, err := im.IDs(viewer.System(ctx))
			if err != nil {
				return nil, err
			}
			v, err := next.Mutate(ctx, m)
			if err != nil || len(ids) == 0 {
				return v, err
			}
			if r := revoked(m, ids); len(r.Sessions)+len(r.Tokens)+len(r.Users) > 0 {
				afterCommit(ctx, m, func(ctx context.Context) { announce(ctx, p, r) })
			}
			return v, nil
		})
	}
}

// afterCommit runs fn once m's transaction commits, or at once outside one.
func afterCommit(ctx context.Context, m ent.Mutation, fn func(context.Context)) {
	ctx = context.WithoutCancel(ctx)
	if tm, ok := m.(interface{ Tx() (*ent.Tx, error) }); ok {
		if tx, err := tm.Tx(); err == nil {
			tx.OnCommit(func(next ent.Committer) ent.Committer {
				return ent.CommitFunc(func(cctx context.Context, tx *ent.Tx) error {
					if err := next.Commit(cctx, tx); err != nil {
						return err
					}
					fn(ctx)
					return nil
				})
			})
			return
		}
	}
	fn(ctx)
}

// announce publishes r; a failure is logged: the change is committed, and
// each socket's next operation is checked against PostgreSQL anyway.
func announce(ctx context.Context, p Publisher, r Revocation) {
	b, err := json.Marshal(r)
	if err == nil {
		err = p.Publish(ctx, TopicRevoked, b)
	}
	if err != nil {
		slog.WarnContext(ctx, "auth: announcing a revocation failed; open websockets close on their next operation", "err", err)
	}
}

// Current reports, for each viewer that Authenticate made, whether it
// would still make the same one: the session or token still works, and
// its user is not disabled and has the same role. Two queries, whatever
// the number of viewers.
func (s *Service) Current(ctx context.Context, vs ...*viewer.Viewer) ([]bool, error) {
	sys, now := viewer.System(ctx), s.Now()
	var sessions, tokens []int
	for _, v := range vs {
		if v.SessionID != 0 {
			sessions = append(sessions, v.SessionID)
		}
		if v.TokenID != 0 {
			tokens = append(tokens, v.TokenID)
		}
	}
	users := map[[2]int]*ent.User{} // {session, 0} or {0, token} → its user
	if len(sessions) > 0 {
		found, err := s.Client.Session.Query().
			Where(session.IDIn(sessions...), session.ExpiresAtGT(now)).WithUser().All(sys)
		if err != nil {
			return nil, err
		}
		for _, se := range found {
			users[[2]int{se.ID, 0}] = se.Edges.User
		}
	}
	if len(tokens) > 0 {
		found, err := s.Client.APIToken.Query().
			Where(apitoken.IDIn(tokens...), apitoken.RevokedAtIsNil(),
				apitoken.Or(apitoken.ExpiresAtIsNil(), apitoken.ExpiresAtGT(now))).WithUser().All(sys)
		if err != nil {
			return nil, err
		}
		for _, t := range found {
			users[[2]int{0, t.ID}] = t.Edges.User
		}
	}
	current := make([]bool, len(vs))
	for i, v := range vs {
		u := users[[2]int{v.SessionID, v.TokenID}]
		current[i] = u != nil && u.ID == v.UserID && !u.Disabled && u.Role == v.Role
	}
	return current, nil
}
