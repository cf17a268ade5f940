package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/graph"
	"github.com/tocsin/tocsin/graph/generated"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// graphql builds the /graphql endpoint: POST, GET (queries only), and
// websockets with graphql-transport-ws; a parsed-query cache, automatic
// persisted queries, a complexity limit that counts page sizes, and one
// transaction per mutation.
func (s *Server) graphql() *handler.Server {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{
		Client: s.deps.Client, Auth: s.deps.Auth, Cookies: s.deps.cookies(), Inviter: s.deps.Inviter,
		Alerts: s.deps.Alerts, Incidents: s.deps.incidents(), Integrations: s.deps.Integrations,
		Schedules: s.deps.Schedules, Contacts: s.deps.Contacts, BaseURL: s.deps.Config.BaseURL,
		Live: s.deps.Live,
	}, Directives: graph.Directives})
	srv := handler.New(graph.Weighted{ExecutableSchema: schema})
	sockets := newSockets(s.deps.Auth, s.deps.Live) // sockets.go: revocations close open sockets
	srv.AddTransport(&transport.Websocket{
		Implementation: transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{
			OriginPatterns: []string{originHost(s.deps.Config.BaseURL)},
		}},
		InitFunc:              sockets.init(s.websocketInit),
		InitTimeout:           10 * time.Second,
		KeepAlivePingInterval: 15 * time.Second,
	})
	srv.Use(sockets)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.FixedComplexityLimit(graph.MaxComplexity))
	srv.Use(transactioner{entgql.Transactioner{TxOpener: s.deps.Client}})
	srv.Use(operationMetrics{s.metrics})
	srv.SetErrorPresenter(graph.PresentError)
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		slog.ErrorContext(ctx, "panic in graphql", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		return graph.ErrPanic
	})
	return srv
}

// websocketInit authenticates a websocket from its connection_init payload
// ({"authorization": "Bearer <token>"} or {"token": "<token>"}); without
// one, the session cookie sent with the upgrade request (same origin only)
// still counts.
func (s *Server) websocketInit(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
	token := strings.TrimSpace(strings.TrimPrefix(p.Authorization(), "Bearer "))
	if token == "" {
		token = p.GetString("token")
	}
	if token == "" {
		return ctx, &p, nil
	}
	v, err := s.deps.Auth.Authenticate(ctx, token)
	if err != nil {
		if errors.Is(err, auth.ErrInvalidToken) {
			return ctx, nil, errors.New("UNAUTHENTICATED: " + err.Error())
		}
		return ctx, nil, err
	}
	return viewer.NewContext(ctx, v), &p, nil
}

// originHost is the host[:port] browsers send in Origin for our base URL.
func originHost(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return "localhost"
	}
	return u.Host
}

var _ graphql.HandlerExtension = operationMetrics{}

// transactioner runs each mutation in one transaction (entgql), but lets
// errors raised before any operation exists (a body that is not JSON) pass:
// entgql's own extension panics on those.
type transactioner struct{ entgql.Transactioner }

func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	return t.Transactioner.InterceptResponse(ctx, next)
}

// incidents is the incident lifecycle the API uses.
func (d Deps) incidents() *incident.Incidents {
	if d.Incidents != nil || d.Alerts == nil {
		return d.Incidents
	}
	return incident.NewIncidents(d.Alerts)
}
