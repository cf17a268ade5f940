// Package ingest is Tocsin's door for monitoring tools: the Opsgenie Alert
// and Heartbeat APIs (served at the path root, as Opsgenie senders expect),
// PagerDuty Events v2, and the Alertmanager, Grafana and GENERIC webhooks.
//
// Every request goes the same way: the body is read up to 512 KiB, the key
// is checked and must belong to an integration of a kind the route accepts,
// the integration's token bucket is charged, the body is decoded and
// checked, and only then does the request reach package incident, as the
// system viewer with the integration as the timeline actor and only on the
// integration's own service. A request refused on the way (400, 401, 403,
// 413, 422, 429) stores nothing.
//
// Opsgenie actions are answered 202 like Opsgenie does, also when they
// fail (unknown alert, "Alert is already closed"): the outcome is written
// as a request status in the same transaction as the change, so
// GET /v2/alerts/requests/{id} can read it as soon as the 202 is sent.
//
// Deliberate differences from Opsgenie, for senders to know:
//   - DELETE /v2/alerts/{identifier} closes the alert: Tocsin keeps history.
//   - A ping for a heartbeat that does not exist is a 404, not a PONG.
package ingest

import (
	"net/http"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
)

// MaxBody is the largest request body accepted (PagerDuty's own limit).
const MaxBody = 512 << 10

// Deps is what the doors need; the server builds it once.
type Deps struct {
	Client       *ent.Client
	Alerts       *incident.Alerts
	Integrations *integration.Integrations
	Heartbeats   *heartbeat.Monitor
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

type doors struct{ Deps }

// New returns the handler of every ingest route; mount it at /v2/ and /hooks/.
func New(d Deps) http.Handler {
	if d.Now == nil {
		d.Now = time.Now
	}
	h := &doors{d}
	mux := http.NewServeMux()

	og := h.door(opsgenieStyle, kindsOpsgenie)
	mux.Handle("POST /v2/alerts", og(h.opsgenieCreate))
	mux.Handle("GET /v2/alerts/requests/{requestId}", og(h.requestStatus))
	mux.Handle("GET /v2/alerts/{identifier}", og(h.getAlert))
	mux.Handle("DELETE /v2/alerts/{identifier}", og(h.opsgenieAction(actionDelete)))
	for _, a := range postActions {
		mux.Handle("POST /v2/alerts/{identifier}/"+a.path, og(h.opsgenieAction(a)))
	}
	for _, a := range putActions {
		mux.Handle("PUT /v2/alerts/{identifier}/"+a.path, og(h.opsgenieAction(a)))
	}
	hb := h.door(opsgenieStyle, kindsHeartbeat)(h.heartbeatPing)
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch} {
		mux.Handle(m+" /v2/heartbeats/{name}/ping", hb)
	}

	mux.Handle("POST /v2/enqueue", h.door(pagerDutyStyle, kindsPagerDuty)(h.pagerDuty))
	mux.Handle("POST /hooks/alertmanager", h.door(opsgenieStyle, kindsAlertmanager)(h.alertmanager))
	mux.Handle("POST /hooks/grafana", h.door(opsgenieStyle, kindsGrafana)(h.grafana))
	mux.Handle("POST /hooks/generic", h.door(opsgenieStyle, kindsGeneric)(h.generic))

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			notFound(w, r, allowed(mux, r))
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// allowed lists the methods a path does take, for a 405's Allow header.
func allowed(mux *http.ServeMux, r *http.Request) []string {
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "" {
			out = append(out, m)
		}
	}
	return out
}
