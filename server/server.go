// Package server is Tocsin's HTTP door: routing, authentication, the GraphQL
// endpoint (HTTP and websocket), health and metrics, and the embedded SPA.
//
// Handlers are thin; the rules live in the domain packages. Every error a
// client sees is JSON with a message that says what was wrong.
package server

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/graph"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/internal/clientip"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/notify/actiontoken"
	"github.com/tocsin/tocsin/ratelimit"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/server/ingest"
	"github.com/tocsin/tocsin/statuspage"
)

// Deps is what the server needs; main builds it once.
type Deps struct {
	Config  *config.Config
	Client  *ent.Client
	DB      *sql.DB
	Redis   redis.UniversalClient
	Auth    *auth.Service
	Inviter graph.Inviter
	// Alerts is the alert lifecycle every door shares.
	Alerts *incident.Alerts
	// Incidents is the incident lifecycle; nil: one on Alerts that announces nothing.
	Incidents    *incident.Incidents
	Integrations *integration.Integrations
	Heartbeats   *heartbeat.Monitor
	// Schedules answers on-call questions and serves calendar feeds.
	Schedules *schedule.Schedules
	// Live is the live-event broker behind the GraphQL subscriptions.
	Live *live.Broker
	// Contacts holds people's contact methods and rules, and sends their
	// verification codes and test notifications.
	Contacts *contact.Methods
	// Queues reports Asynq queue sizes for /metrics; nil leaves them out.
	Queues QueueSizer
	// SPA is the built front end (frontend.Files()).
	SPA fs.FS
	// ActionTokens checks the tokens of /actions/{token}; nil turns the
	// endpoint off (no TOCSIN_ACTION_SECRET on a public server).
	ActionTokens *actiontoken.Signer
	// StatusPages serves /status; nil: built from Client.
	StatusPages *statuspage.Pages
	// StatusSubscriptions are the status pages' email subscribers; nil or
	// off hides the form.
	StatusSubscriptions *statuspage.Subscriptions
	// Now is the clock of the rate limits; nil: time.Now.
	Now func() time.Time
}

// Server serves HTTP.
type Server struct {
	deps          Deps
	metrics       *metrics
	handler       http.Handler
	statusLimiter *statuspage.Limiter
}

// New wires the routes.
func New(d Deps) *Server {
	if d.StatusPages == nil {
		d.StatusPages = &statuspage.Pages{Client: d.Client}
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Server{deps: d, metrics: newMetrics(d.Queues), statusLimiter: &statuspage.Limiter{Redis: d.Redis}}
	limiter := graphqlLimiter{&ratelimit.Buckets{Redis: d.Redis, Prefix: "tocsin:ratelimit:graphql:", Now: d.Now}}
	mux := http.NewServeMux()
	mux.Handle("/healthz", only(http.MethodGet, http.HandlerFunc(s.healthz)))
	mux.Handle("/readyz", only(http.MethodGet, http.HandlerFunc(s.readyz)))
	// /metrics has an address of its own (Metrics, TOCSIN_METRICS_ADDR).
	mux.Handle("/graphql", limiter.middleware(s.graphql(limiter)))
	mux.Handle("/", withPolicy(spaPolicy, s.spa(d.SPA)))

	var app http.Handler = mux
	app = s.authenticate(app)
	app = limitBody(d.Config.MaxBodyBytes, app)

	// The ingest doors check integration keys (GenieKey, Basic, Bearer,
	// ?apiKey=) and their own 512 KiB body limit, so they sit beside the
	// user authentication, not behind it. So do calendar feeds, whose
	// secret URL is their credential.
	root := http.NewServeMux()
	doors := ingest.New(ingest.Deps{Client: d.Client, Alerts: d.Alerts, Integrations: d.Integrations, Heartbeats: d.Heartbeats})
	root.Handle("/v2/", doors)
	root.Handle("/hooks/", doors)
	root.Handle("/hooks/twilio/", limitBody(d.Config.MaxBodyBytes, s.twilioHooks()))
	// Action tokens are their own credential: no session, so no CSRF.
	root.Handle("/actions/", limitBody(d.Config.MaxBodyBytes, withPolicy(pagePolicy, s.actions())))
	root.Handle("/ical/", s.ical())
	// Status pages need no sign-in (the internal one checks the cookie).
	status := limitBody(d.Config.MaxBodyBytes, withPolicy(pagePolicy, s.status()))
	root.Handle("/status", status)
	root.Handle("/status/", status)
	root.Handle("/", app)

	var h http.Handler = root
	h = s.metrics.instrument(h)
	h = withDeadline(RequestTimeout, h)
	h = logRequests(h)
	h = securityHeaders(h)
	h = clientip.Middleware(d.Config.TrustedProxies, h)
	h = recoverPanics(h)
	h = withRequestID(h)
	s.handler = h
	return s
}

// ServeHTTP makes the Server an http.Handler (for tests).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Run listens on addr until ctx is done, then shuts down gracefully: new
// connections are refused and running requests get up to 20 s to finish.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		// No WriteTimeout: websockets live long. Other requests get a deadline
		// in their context (withDeadline). Requests must not end when ctx does:
		// shutdown lets the running ones finish.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	slog.Info("http server listening", "addr", ln.Addr().String(), "base_url", s.deps.Config.BaseURL)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	slog.Info("http server shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 20*time.Second)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	if errors.Is(<-errc, http.ErrServerClosed) {
		return err
	}
	return err
}
