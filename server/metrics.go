package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
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
			Name: "tocsin_graphql_operations_total", Help: "GraphQL operations by type, name and outcome.",
		}, []string{"type", "name", "outcome"}),
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

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// route keeps label cardinality bounded: known prefixes, else "other".
func route(path string) string {
	for _, p := range []string{"/graphql", "/healthz", "/readyz", "/metrics", "/assets/", "/v2/", "/hooks/"} {
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
	typ, name := "unknown", ""
	if oc.Operation != nil {
		typ, name = string(oc.Operation.Operation), oc.Operation.Name
	}
	outcome := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		outcome = "error"
	}
	if len(name) > 64 {
		name = name[:64]
	}
	o.m.operations.WithLabelValues(typ, name, outcome).Inc()
	if typ != "subscription" {
		o.m.opLatency.WithLabelValues(typ).Observe(time.Since(start).Seconds())
	}
	return resp
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
