package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"
)

// QueueSizer reports the number of tasks per queue and state
// (pending, active, scheduled, retry, archived).
type QueueSizer interface {
	QueueSizes(ctx context.Context) (map[string]map[string]int, error)
}

type metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	operations *prometheus.CounterVec
	opLatency  *prometheus.HistogramVec
}

func newMetrics(q QueueSizer) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tocsin_http_requests_total", Help: "HTTP requests by route, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tocsin_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method"}),
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tocsin_graphql_operations_total", Help: "GraphQL operations by type, first root field and outcome.",
		}, []string{"type", "field", "outcome"}),
		opLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tocsin_graphql_operation_duration_seconds", Help: "GraphQL operation latency by type.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"type"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.operations, m.opLatency,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if q != nil {
		m.reg.MustRegister(&queueCollector{q: q, desc: prometheus.NewDesc("tocsin_asynq_queue_tasks",
			"Asynq tasks by queue and state.", []string{"queue", "state"}, nil)})
	}
	return m
}

// Metrics serves the Prometheus metrics. It is not on the main address:
// it tells anyone who can read it how busy the site is and what fails, so
// it listens where only the scraper reaches (RunMetrics).
func (s *Server) Metrics() http.Handler {
	return only(http.MethodGet, promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
}

// RunMetrics serves Metrics at /metrics, and Go's profiles at
// /debug/pprof/, on addr until ctx is done. An
// address it cannot listen on is logged, not fatal: paging must not stop
// for want of metrics (several Tocsins on one laptop share the default).
func (s *Server) RunMetrics(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		slog.Warn("metrics are off: cannot listen on TOCSIN_METRICS_ADDR", "addr", addr, "err", err)
		<-ctx.Done()
		return nil
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", s.Metrics())
	// Profiles for whoever runs the process (the paging benchmark takes
	// one under load): the same loopback-only address as the metrics.
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	slog.Info("metrics listening", "addr", ln.Addr().String())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// route keeps label cardinality bounded: known prefixes, else "other".
func route(path string) string {
	for _, p := range []string{"/graphql", "/healthz", "/readyz", "/assets/", "/v2/", "/hooks/"} {
		if path == p || strings.HasPrefix(path, p) && strings.HasSuffix(p, "/") {
			return p
		}
	}
	return "other"
}

func (m *metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := record(w)
		next.ServeHTTP(rec, r)
		rt := route(r.URL.Path)
		m.requests.WithLabelValues(rt, r.Method, strconv.Itoa(rec.status)).Inc()
		m.latency.WithLabelValues(rt, r.Method).Observe(time.Since(start).Seconds())
	})
}

// operationMetrics is a gqlgen extension counting operations.
type operationMetrics struct{ m *metrics }

func (operationMetrics) ExtensionName() string                   { return "TocsinOperationMetrics" }
func (operationMetrics) Validate(graphql.ExecutableSchema) error { return nil }
func (o operationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	start := time.Now()
	resp := next(ctx)
	typ, field := "unknown", ""
	if oc.Operation != nil {
		typ, field = string(oc.Operation.Operation), rootField(oc.Operation)
	}
	outcome := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		outcome = "error"
	}
	o.m.operations.WithLabelValues(typ, field, outcome).Inc()
	if typ != "subscription" {
		o.m.opLatency.WithLabelValues(typ).Observe(time.Since(start).Seconds())
	}
	return resp
}

// rootField names an operation by its first root field, a name the schema
// fixes: operation names are the client's to choose, and each new one
// would be a new series. gqlgen has validated the operation by now, so the
// field exists.
func rootField(op *ast.OperationDefinition) string {
	if len(op.SelectionSet) > 0 {
		if f, ok := op.SelectionSet[0].(*ast.Field); ok {
			return f.Name
		}
	}
	return "other"
}

type queueCollector struct {
	q    QueueSizer
	desc *prometheus.Desc
}

func (c *queueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	sizes, err := c.q.QueueSizes(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for queue, states := range sizes {
		for state, n := range states {
			ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), queue, state)
		}
	}
}
