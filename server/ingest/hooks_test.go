package ingest_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
)

func TestAlertmanagerWebhookOpensDedupesAndResolves(t *testing.T) {
	h := newHarness(t)
	key := h.keys[entintegration.KindALERTMANAGER]
	firing, resolved := testdata(t, "alertmanager_v0.31.1_webhook_firing.json"), testdata(t, "alertmanager_v0.31.1_webhook_resolved.json")
	steps := []struct {
		body    []byte
		headers []string
		path    string
		result  string
		status  alert.Status
		count   int
	}{
		{firing, []string{"Authorization", "Bearer " + key}, "/hooks/alertmanager", "created", alert.StatusOPEN, 1},
		{firing, nil, "/hooks/alertmanager?key=" + key, "deduplicated", alert.StatusOPEN, 2},
		{resolved, []string{"Authorization", "Bearer " + key}, "/hooks/alertmanager", "closed", alert.StatusCLOSED, 2},
		{resolved, []string{"Authorization", "Bearer " + key}, "/hooks/alertmanager", "ignored: already closed", alert.StatusCLOSED, 2},
	}
	for n, s := range steps {
		r := h.do("POST", s.path, s.body, s.headers...)
		h.expect(r, http.StatusAccepted)
		outcomes, _ := r.body["alerts"].([]any)
		if len(outcomes) != 1 || outcomes[0].(map[string]any)["result"] != s.result || outcomes[0].(map[string]any)["alias"] != "e020b1da622c5f20" {
			t.Fatalf("step %d: want one alert %q, got %s", n, s.result, r.raw)
		}
		if a := h.onlyAlert(); a.Status != s.status || a.Count != s.count {
			t.Fatalf("step %d: want %s count %d, got %s count %d", n, s.status, s.count, a.Status, a.Count)
		}
	}
	a := h.onlyAlert()
	if a.Message != "5xx rate above 5% on checkout" || a.Priority != alert.PriorityP1 || a.Source != "http://127.0.0.1:19093" ||
		a.Details["runbook_url"] != "https://runbooks.example.com/checkout-5xx" || a.Details["generatorURL"] != "http://prometheus.example:9090/graph?g0.expr=rate5xx" ||
		fmt.Sprint(a.Tags) != "[alertname:HighErrorRate instance:checkout-1:8080 service:checkout severity:critical team:payments]" ||
		a.FirstOccurredAt.UTC().Format("15:04:05") != "19:03:25" {
		t.Fatalf("the alert from the webhook: %+v", a)
	}
	closed := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(a.ID), timelineevent.Kind(incident.KindClosed)).OnlyX(sys)
	if closed.ActorType != timelineevent.ActorTypeINTEGRATION || closed.ActorName != "Prometheus alertmanager" {
		t.Fatalf("the close is by the integration: %s %q", closed.ActorType, closed.ActorName)
	}
	// A firing repeat after the close opens a new alert.
	h.expect(h.do("POST", "/hooks/alertmanager", firing, "Authorization", "Bearer "+key), http.StatusAccepted)
	if n := env.Client.Alert.Query().CountX(sys); n != 2 {
		t.Fatalf("want a new alert after resolve, got %d", n)
	}
}

func TestAlertmanagerMessageFallbackAndSeverity(t *testing.T) {
	h := newHarness(t)
	body := `{"version":"4","status":"firing","alerts":[
		{"status":"firing","labels":{"alertname":"DiskFull","instance":"db-1","severity":"high"},"fingerprint":"a1"},
		{"status":"firing","labels":{"severity":"info"},"fingerprint":"a2"},
		{"status":"resolved","labels":{"alertname":"Never"},"fingerprint":"a3"}]}`
	r := h.do("POST", "/hooks/alertmanager", body, "Authorization", "Bearer "+h.keys[entintegration.KindALERTMANAGER])
	h.expect(r, http.StatusAccepted)
	as := env.Client.Alert.Query().Order(ent.Asc(alert.FieldAlias)).AllX(sys)
	if len(as) != 2 || as[0].Message != "DiskFull (db-1)" || as[0].Priority != alert.PriorityP2 || as[1].Message != "Alert a2" || as[1].Priority != alert.PriorityP5 {
		t.Fatalf("messages from alertname (+instance) and severities: %+v", as)
	}
	if !strings.Contains(r.raw, `"result":"ignored: no alert with this alias"`) {
		t.Fatalf("a resolved alert never seen is ignored: %s", r.raw)
	}
}

func TestGrafanaWebhook(t *testing.T) {
	h := newHarness(t)
	key := h.keys[entintegration.KindGRAFANA]
	h.expect(h.do("POST", "/hooks/grafana", testdata(t, "grafana_docs_webhook.json"), "Authorization", "Bearer "+key), http.StatusAccepted)
	a := h.onlyAlert()
	if a.Alias != "c6eadffa33fcdf37" || a.Message != "This alert was triggered for zone us-1" || a.Description != "The system has high memory usage" ||
		a.Source != "Grafana" || a.Priority != alert.PriorityP3 || a.Details["values"] != "B=44.2394, C=1" ||
		!strings.HasPrefix(a.Details["silenceURL"], "https://play.grafana.org/alerting/silence/new") || a.Details["zone"] != "us-1" {
		t.Fatalf("the docs' Grafana webhook: %+v", a)
	}
	if _, has := a.Details["dashboardURL"]; has {
		t.Errorf("empty links are not kept: %v", a.Details)
	}
	resolved := strings.ReplaceAll(string(testdata(t, "grafana_docs_webhook.json")), `"status": "firing"`, `"status": "resolved"`)
	h.expect(h.do("POST", "/hooks/grafana?key="+key, resolved), http.StatusAccepted)
	if a := h.onlyAlert(); a.Status != alert.StatusCLOSED {
		t.Fatalf("resolved closes: %s", a.Status)
	}

	r := h.do("POST", "/hooks/grafana", testdata(t, "grafana_alerting_webhook_test.json"), "Authorization", "Bearer "+key)
	h.expect(r, http.StatusAccepted)
	g := env.Client.Alert.Query().Where(alert.Alias("fac0861a85de433a")).OnlyX(sys)
	if g.Message != "alert1" || g.Details["panelURL"] != "http://localhost/d/abcd?orgId=1&viewPanel=efgh" || g.Details["ann1"] != "annv1" {
		t.Fatalf("grafana/alerting's own test body: %+v", g)
	}
}

func TestGrafanaOgPriorityLabelWins(t *testing.T) {
	h := newHarness(t)
	body := `{"version":"1","alerts":[{"status":"firing","labels":{"alertname":"x","severity":"critical","og_priority":"P4"},"fingerprint":"f1"}]}`
	h.expect(h.do("POST", "/hooks/grafana", body, "Authorization", "Bearer "+h.keys[entintegration.KindGRAFANA]), http.StatusAccepted)
	if a := h.onlyAlert(); a.Priority != alert.PriorityP4 {
		t.Fatalf("og_priority wins over severity: %s", a.Priority)
	}
}

func TestGenericWebhookMapsOpensAndCloses(t *testing.T) {
	h := newHarness(t)
	key := h.keys[entintegration.KindGENERIC]
	r := h.do("POST", "/hooks/generic", testdata(t, "generic_uptime_kuma_down.json"), "Authorization", "Bearer "+key)
	h.expect(r, http.StatusAccepted)
	a := h.onlyAlert()
	if a.Alias != "uptime-kuma/7" || a.Message != "[checkout] [🔴 Down] connect ECONNREFUSED 10.0.0.7:443" || a.Priority != alert.PriorityP2 ||
		a.Details["url"] != "https://checkout.example.com/health" || fmt.Sprint(a.Tags) != "[http uptime-kuma]" {
		t.Fatalf("the mapped alert: %+v", a)
	}
	r = h.do("POST", "/hooks/generic?key="+key, testdata(t, "generic_uptime_kuma_up.json"))
	h.expect(r, http.StatusAccepted)
	if a := h.onlyAlert(); a.Status != alert.StatusCLOSED || !strings.Contains(r.raw, `"result":"closed"`) {
		t.Fatalf("close=true closes the alias: %s %s", a.Status, r.raw)
	}
}

func TestHeartbeatPing(t *testing.T) {
	h := newHarness(t)
	interval := 60
	_, err := env.Client.Heartbeat.Create().SetServiceID(h.svc.ID).SetName("nightly backup").SetIntervalSeconds(interval).SetExpiresAt(h.alerts.Now()).Save(sys)
	if err != nil {
		t.Fatal(err)
	}
	path := "/v2/heartbeats/nightly%20backup/ping"
	for _, c := range []struct {
		method string
		kind   entintegration.Kind
		body   any
	}{
		{"GET", entintegration.KindOPSGENIE, nil},
		{"POST", entintegration.KindHEARTBEAT, testdata(t, "alertmanager_v0.31.1_webhook_firing.json")},
		{"PUT", entintegration.KindHEARTBEAT, nil},
		{"PATCH", entintegration.KindOPSGENIE, "not even JSON"},
	} {
		r := h.do(c.method, path, c.body, "Authorization", "Basic "+b64(":"+h.keys[c.kind]))
		if r.status != http.StatusAccepted || !strings.HasPrefix(r.raw, `{"result":"PONG - Heartbeat received","took":`) {
			t.Fatalf("%s ping: %d %s", c.method, r.status, r.raw)
		}
	}
	hb := env.Client.Heartbeat.Query().OnlyX(sys)
	if hb.LastPingAt == nil {
		t.Fatal("the ping was not recorded")
	}
	r := h.do("GET", "/v2/heartbeats/nope/ping", nil, "Authorization", "GenieKey "+h.keys[entintegration.KindOPSGENIE])
	h.expect(r, http.StatusNotFound)
	h.expect(h.do("GET", path, nil, "Authorization", "Bearer "+h.keys[entintegration.KindGRAFANA]), http.StatusForbidden)
}
