package ingest_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/server/ingest"
)

// amBatch is an Alertmanager webhook with n firing alerts of distinct
// fingerprints (prefix-0, prefix-1, …).
func amBatch(prefix string, n int) string {
	alerts := make([]string, n)
	for k := range alerts {
		alerts[k] = fmt.Sprintf(`{"status":"firing","labels":{"alertname":"Down","instance":"%s-%d"},"fingerprint":"%s-%d"}`, prefix, k, prefix, k)
	}
	return `{"version":"4","status":"firing","receiver":"tocsin","alerts":[` + strings.Join(alerts, ",") + `]}`
}

// stopClock freezes the rate limiter's clock, so no token comes back
// between requests however slow the machine is.
func (h *harness) stopClock() {
	now := time.Now()
	h.ints.Now = func() time.Time { return now }
}

// Each alert of a request costs a token: one Alertmanager request can no
// longer open more alerts than the integration's bucket allows.
func TestRateLimitChargesEachAlertOfAWebhook(t *testing.T) {
	h := newHarness(t)
	h.stopClock()
	_, key, _ := h.ints.Create(sys, integration.CreateInput{ServiceID: h.svc.ID, Kind: entintegration.KindALERTMANAGER, Name: "tight",
		RateLimitPerMinute: 60, RateLimitBurst: 10})
	auth := []string{"Authorization", "Bearer " + key}

	r := h.do("POST", "/hooks/alertmanager", amBatch("a", 4), auth...)
	h.expect(r, http.StatusAccepted)
	if got := r.header.Get("X-RateLimit-Remaining"); got != "6" {
		t.Fatalf("a batch of 4 from a bucket of 10: want 6 left, got %q", got)
	}
	// A batch larger than what is left is taken whole (a sender cannot
	// take a partial answer) and leaves the bucket in debt: 6 - 25 = -19.
	h.expect(h.do("POST", "/hooks/alertmanager", amBatch("b", 25), auth...), http.StatusAccepted)
	if n := env.Client.Alert.Query().CountX(sys); n != 29 {
		t.Fatalf("want both batches whole, 29 alerts, got %d", n)
	}
	before := rows(t)
	r = h.do("POST", "/hooks/alertmanager", amBatch("c", 1), auth...)
	h.expect(r, http.StatusTooManyRequests)
	// One token back takes 20 s at 1/s.
	if r.header.Get("Retry-After") != "20" || r.header.Get("X-RateLimit-Remaining") != "0" || !strings.Contains(r.str("message"), "each alert") {
		t.Fatalf("want 429 with Retry-After 20 (the debt of 19 and one token at 1/s), got %v %s", r.header, r.raw)
	}
	if after := rows(t); after != before {
		t.Fatalf("a throttled request stored something: %v → %v", before, after)
	}
}

// A webhook may carry at most ingest.MaxAlerts alerts: more is a 413 that
// says how to bound it at the sender, stores nothing and costs nothing.
func TestWebhookOverMaxAlertsIs413(t *testing.T) {
	h := newHarness(t)
	h.stopClock()
	key := h.keys[entintegration.KindALERTMANAGER]
	env.Client.Integration.UpdateOne(h.intgs[entintegration.KindALERTMANAGER]).SetRateLimitBurst(ingest.MaxAlerts).ExecX(sys)

	before := rows(t)
	r := h.do("POST", "/hooks/alertmanager", amBatch("over", ingest.MaxAlerts+1), "Authorization", "Bearer "+key)
	h.expect(r, http.StatusRequestEntityTooLarge)
	errs, _ := r.body["errors"].(map[string]any)
	if !strings.Contains(r.str("message"), "max_alerts") || errs["alerts"] == nil {
		t.Fatalf("want a 413 naming max_alerts and errors.alerts, got %s", r.raw)
	}
	if after := rows(t); after != before {
		t.Fatalf("a refused request stored something: %v → %v", before, after)
	}
	r = h.do("POST", "/hooks/alertmanager", amBatch("cap", ingest.MaxAlerts), "Authorization", "Bearer "+key)
	h.expect(r, http.StatusAccepted)
	if n := env.Client.Alert.Query().CountX(sys); n != ingest.MaxAlerts {
		t.Fatalf("a batch of exactly %d: want all of it, got %d alerts", ingest.MaxAlerts, n)
	}
}

// At the default limits, the storm (one Alertmanager sending 20
// batches of 100 at once) is taken whole; the next batch waits.
func TestDefaultLimitsTakeAnAlertmanagerStorm(t *testing.T) {
	h := newHarness(t)
	h.stopClock()
	i := h.intgs[entintegration.KindALERTMANAGER]
	auth := []string{"Authorization", "Bearer " + h.keys[entintegration.KindALERTMANAGER]}
	for b := range 20 {
		h.expect(h.do("POST", "/hooks/alertmanager", amBatch(fmt.Sprint("storm", b), 100), auth...), http.StatusAccepted)
	}
	r := h.do("POST", "/hooks/alertmanager", amBatch("after", 100), auth...)
	h.expect(r, http.StatusTooManyRequests)
	if i.RateLimitPerMinute != 6000 || i.RateLimitBurst != 2000 || r.header.Get("Retry-After") != "1" {
		t.Fatalf("want defaults 6000/min burst 2000 and the next token in 1 s, got %d/min burst %d, Retry-After %s",
			i.RateLimitPerMinute, i.RateLimitBurst, r.header.Get("Retry-After"))
	}
}
