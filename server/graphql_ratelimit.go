package server

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tocsin/tocsin/graph"
	"github.com/tocsin/tocsin/internal/clientip"
	"github.com/tocsin/tocsin/ratelimit"
	"github.com/tocsin/tocsin/viewer"
)

// The rate limits of /graphql, per client address for anonymous requests
// and per session or API token for signed-in ones. Every HTTP request counts
// and so does every operation sent over a websocket (not the upgrade: the
// graphql-ws handshake signs in inside the socket, and one office behind
// one address opens many). They are token buckets in Redis, shared by every
// replica.
var (
	// AnonymousGraphQLLimit: signing in, accepting an invitation or
	// resetting a password takes a handful of requests, and a whole office
	// behind one address signs in at once after a restart.
	AnonymousGraphQLLimit = ratelimit.Limit{PerSecond: 2, Burst: 60}
	// SignedInGraphQLLimit: the SPA's busiest page loads with about ten
	// requests and refetches one or two per live event; an integration
	// polling once a second is far inside it.
	SignedInGraphQLLimit = ratelimit.Limit{PerSecond: 20, Burst: 300}
)

// graphqlLimiter counts /graphql requests and websocket operations.
type graphqlLimiter struct{ buckets *ratelimit.Buckets }

// take charges the caller in ctx: the viewer's session or token, else the
// client address.
func (l graphqlLimiter) take(ctx context.Context, client string) ratelimit.Decision {
	if v := viewer.FromContext(ctx); v != nil {
		key := "user:" + strconv.Itoa(v.UserID)
		switch {
		case v.SessionID != 0:
			key = "session:" + strconv.Itoa(v.SessionID)
		case v.TokenID != 0:
			key = "token:" + strconv.Itoa(v.TokenID)
		}
		return l.buckets.Take(ctx, key, SignedInGraphQLLimit)
	}
	return l.buckets.Take(ctx, "ip:"+client, AnonymousGraphQLLimit)
}

type websocketClientKey struct{}

// middleware answers 429 past the limit. A websocket upgrade passes, with
// its client address in the context, for operations to be charged.
func (l graphqlLimiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), websocketClientKey{}, clientip.From(r))))
			return
		}
		if d := l.take(r.Context(), clientip.From(r)); !d.Allowed {
			w.Header().Set("Retry-After", strconv.Itoa(ratelimit.Seconds(d.RetryAfter)))
			writeError(w, http.StatusTooManyRequests, graph.CodeRateLimited, fmt.Sprintf(
				"too many GraphQL requests; try again in %d s", ratelimit.Seconds(d.RetryAfter)))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// websocketOperations is the gqlgen extension that charges each operation sent
// over a websocket.
type websocketOperations struct{ graphqlLimiter }

func (websocketOperations) ExtensionName() string                   { return "TocsinWebsocketRateLimit" }
func (websocketOperations) Validate(graphql.ExecutableSchema) error { return nil }

func (o websocketOperations) MutateOperationParameters(ctx context.Context, _ *graphql.RawParams) *gqlerror.Error {
	client, ok := ctx.Value(websocketClientKey{}).(string)
	if !ok {
		return nil // HTTP: the middleware has charged the request
	}
	if d := o.take(ctx, client); !d.Allowed {
		return &gqlerror.Error{
			Message:    fmt.Sprintf("too many GraphQL operations; try again in %d s", ratelimit.Seconds(d.RetryAfter)),
			Extensions: map[string]any{"code": graph.CodeRateLimited},
		}
	}
	return nil
}
