package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/viewer"
)

// sockets are this process's open graphql-ws connections of signed-in
// users. A websocket proves who it is once, at connection_init; after that:
//   - a revocation (auth.TopicRevoked: sign-out, revoked token, user disabled
//     or given another role, in any process) closes the sockets it names,
//     on the live broker's reading goroutine, before any event announced
//     after it reaches a subscriber;
//   - every operation on a socket first checks its viewer against
//     PostgreSQL (auth.Current), so a revocation whose announcement was
//     lost still ends the socket at its next operation, and after a Redis
//     reconnect every socket is checked at once.
//
// Closing cancels the socket's context: gqlgen closes the connection, and
// every subscription on it ends.
type sockets struct {
	auth *auth.Service
	mu   sync.Mutex
	open map[*socket]struct{}
}

type socket struct {
	viewer *viewer.Viewer
	close  context.CancelCauseFunc
}

type socketKey struct{}

// errRevoked ends a socket whose credential or user changed.
var errRevoked = errors.New("signed out, or the account changed: sign in again")

// newSockets keeps the sockets of a server; b (nil in some tests) brings
// the revocations of every process.
func newSockets(a *auth.Service, b *live.Broker) *sockets {
	ss := &sockets{auth: a, open: map[*socket]struct{}{}}
	if b != nil {
		b.Handle(auth.TopicRevoked, ss.revoked)
	}
	return ss
}

// init wraps a websocket InitFunc: the socket it lets in with a signed-in
// viewer is kept until it closes, and can be closed by a revocation.
func (ss *sockets) init(next transport.WebsocketInitFunc) transport.WebsocketInitFunc {
	return func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		ctx, ack, err := next(ctx, p)
		v := viewer.FromContext(ctx)
		if err != nil || v == nil || v.SessionID == 0 && v.TokenID == 0 {
			return ctx, ack, err
		}
		ctx, cancel := context.WithCancelCause(ctx)
		s := &socket{viewer: v, close: cancel}
		ss.mu.Lock()
		ss.open[s] = struct{}{}
		ss.mu.Unlock()
		context.AfterFunc(ctx, func() {
			ss.mu.Lock()
			delete(ss.open, s)
			ss.mu.Unlock()
		})
		return context.WithValue(ctx, socketKey{}, s), ack, nil
	}
}

// revoked handles one announcement on the broker's goroutine: in memory,
// never waiting. A Resync (announcements may have been lost) checks every
// socket against PostgreSQL, in the background.
func (ss *sockets) revoked(m live.Message) {
	if m.Resync {
		go ss.recheck()
		return
	}
	var r auth.Revocation
	if err := json.Unmarshal(m.Payload, &r); err != nil {
		slog.Warn("sockets: an unreadable revocation; checking every socket", "err", err)
		go ss.recheck()
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for s := range ss.open {
		if r.Ends(s.viewer) {
			s.close(errRevoked)
		}
	}
}

// recheck closes every socket whose viewer is no longer current.
func (ss *sockets) recheck() {
	ss.mu.Lock()
	all := make([]*socket, 0, len(ss.open))
	vs := make([]*viewer.Viewer, 0, len(ss.open))
	for s := range ss.open {
		all, vs = append(all, s), append(vs, s.viewer)
	}
	ss.mu.Unlock()
	if len(all) == 0 {
		return
	}
	current, err := ss.auth.Current(context.Background(), vs...)
	if err != nil {
		slog.Error("sockets: checking open sockets failed; each is checked at its next operation", "err", err)
		return
	}
	for i, s := range all {
		if !current[i] {
			s.close(errRevoked)
		}
	}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = (*sockets)(nil)

func (*sockets) ExtensionName() string                   { return "sockets" }
func (*sockets) Validate(graphql.ExecutableSchema) error { return nil }
func (ss *sockets) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	s, _ := ctx.Value(socketKey{}).(*socket)
	if s == nil {
		return next(ctx)
	}
	current, err := ss.auth.Current(ctx, s.viewer)
	switch {
	case err != nil:
		slog.ErrorContext(ctx, "sockets: checking the viewer failed", "err", err)
		return refuse(ctx, "UNAVAILABLE", "could not check credentials; try again")
	case !current[0]:
		s.close(errRevoked)
		return refuse(ctx, "UNAUTHENTICATED", errRevoked.Error())
	}
	return next(ctx)
}

func refuse(_ context.Context, code, message string) graphql.ResponseHandler {
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
		Message: message, Extensions: map[string]any{"code": code}}}})
}
