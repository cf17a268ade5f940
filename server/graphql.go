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
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/graph"
	"github.com/tocsin/tocsin/graph/generated"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// graphql builds the /graphql endpoint: POST, GET (queries only), and
// websockets with graphql-transport-ws; a parsed-query cache, automatic
// persisted queries, bounds on each document checked before validation, a
// complexity limit that counts page sizes, and one transaction per mutation.
// The rate limit of HTTP requests sits in front of it (graphqlLimiter).
func (s *Server) graphql(limiter graphqlLimiter) *handler.Server {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{
		Client: s.deps.Client, Auth: s.deps.Auth, Cookies: s.deps.cookies(), Inviter: s.deps.Inviter,
		Alerts: s.deps.Alerts, Incidents: s.deps.incidents(), Integrations: s.deps.Integrations,
		Schedules: s.deps.Schedules, Contacts: s.deps.Contacts, BaseURL: s.deps.Config.BaseURL,
		Live: s.deps.Live,
	}, Directives: graph.Directives})
	srv := handler.New(graph.Weighted{ExecutableSchema: schema})
	payloadLimit := int64(graph.MaxQueryBytes + 64<<10) // the query, and room for variables
	sockets := newSockets(s.deps.Auth, s.deps.Live)     // sockets.go: revocations close open sockets
	srv.AddTransport(&transport.Websocket{
		Implementation: transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{
			OriginPatterns: []string{originHost(s.deps.Config.BaseURL)},
		}},
		InitFunc:              sockets.init(s.websocketInit),
		InitTimeout:           10 * time.Second,
		KeepAlivePingInterval: 15 * time.Second,
		PayloadReadLimit:      &payloadLimit,
	})
	srv.Use(sockets)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	docs := graph.NewCache[*ast.QueryDocument](graph.CachedQueryBytes)
	srv.SetQueryCache(docs)
	srv.SetParserTokenLimit(graph.MaxTokens)
	// Order matters: parameter mutators run in this order, before gqlgen
	// parses and validates the document.
	srv.Use(websocketOperations{limiter})
	srv.Use(extension.AutomaticPersistedQuery{Cache: graph.NewCache[string](graph.CachedQueryBytes)})
	srv.Use(graph.Bounds{Checked: docs})
	srv.Use(signedInIntrospection{})
	srv.Use(extension.FixedComplexityLimit(graph.MaxComplexity))
	srv.Use(graph.RefuseNUL{})
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
	// The acknowledgement carries no payload: echoing this one would send
	// the token back.
	if token == "" {
		return ctx, nil, nil
	}
	v, err := s.deps.Auth.Authenticate(ctx, token)
	if err != nil {
		if errors.Is(err, auth.ErrInvalidToken) {
			return ctx, nil, errors.New("UNAUTHENTICATED: " + err.Error())
		}
		return ctx, nil, err
	}
	return viewer.NewContext(ctx, v), nil, nil
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

// InterceptOperation ends a mutation after its one answer. A websocket asks
// for answers until it gets none; asking again would open a second
// transaction around no answer, and entgql's extension panics on that
// (after the first transaction has committed).
func (transactioner) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	answers := next(ctx)
	op := graphql.GetOperationContext(ctx).Operation
	if op == nil || op.Operation != ast.Mutation {
		return answers
	}
	answered := false
	return func(ctx context.Context) *graphql.Response {
		if answered {
			return nil
		}
		answered = true
		return answers(ctx)
	}
}

// signedInIntrospection lets signed-in users read the schema; anonymous
// requests may not. The SPA needs none: its types are generated from the
// schema files.
type signedInIntrospection struct{}

func (signedInIntrospection) ExtensionName() string                   { return "TocsinIntrospection" }
func (signedInIntrospection) Validate(graphql.ExecutableSchema) error { return nil }
func (signedInIntrospection) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	oc.DisableIntrospection = viewer.FromContext(ctx) == nil
	return nil
}

// incidents is the incident lifecycle the API uses.
func (d Deps) incidents() *incident.Incidents {
	if d.Incidents != nil || d.Alerts == nil {
		return d.Incidents
	}
	return incident.NewIncidents(d.Alerts)
}
