package alertmanager_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "alertmanager", &env)) }

var sys = viewer.System(context.Background())

// receivers are the Alertmanager receivers under test, each delivering to
// its own Tocsin integration of the one service.
var receivers = []struct {
	name string
	kind entintegration.Kind
}{
	{"opsgenie", entintegration.KindOPSGENIE},
	{"pagerduty", entintegration.KindPAGERDUTY},
	{"webhook", entintegration.KindALERTMANAGER},
}

// Each route groups by other labels, so each receiver's group key — and so
// the Opsgenie alias and PagerDuty dedup_key, sha256(group key) — differs:
// the three doors make three alerts on the one service, not one counted thrice.
const configTemplate = `global:
  resolve_timeout: 5m
route:
  receiver: blackhole
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 4s
  routes:
    - receiver: opsgenie
      group_by: [alertname]
      continue: true
    - receiver: pagerduty
      group_by: [alertname, service]
      continue: true
    - receiver: webhook
      group_by: [alertname, instance]
receivers:
  - name: blackhole
  - name: opsgenie
    opsgenie_configs:
      - api_key: {{OPSGENIE}}
        api_url: {{TOCSIN}}/
        update_alerts: true
        priority: '{{ if eq .CommonLabels.severity "critical" }}P1{{ else }}P3{{ end }}'
  - name: pagerduty
    pagerduty_configs:
      - routing_key: {{PAGERDUTY}}
        url: {{TOCSIN}}/v2/enqueue
        severity: critical
  - name: webhook
    webhook_configs:
      - url: {{TOCSIN}}/hooks/alertmanager
        http_config:
          authorization:
            credentials: {{ALERTMANAGER}}
`

// TestAlertmanagerReceiversOpenDedupeAndClose runs a real Alertmanager
// against a real `tocsin serve`: a firing alert opens one Tocsin alert per
// receiver, repeat notifications only count up, update_alerts rewrites the
// Opsgenie message, and resolving closes them all.
func TestAlertmanagerReceiversOpenDedupeAndClose(t *testing.T) {
	root := repoRoot(t)
	amBin := alertmanagerBinary(t, root)
	dir := t.TempDir()
	tocsinBin := buildTocsin(t, root, dir)

	team := env.Client.Team.Create().SetName("Payments").SaveX(sys)
	svc := env.Client.Service.Create().SetName("Checkout").SetTeam(team).SaveX(sys)
	integrations := integration.New(env.Client, nil, "", "")
	ids := map[string]int{}
	keys := map[string]string{}
	for _, r := range receivers {
		i, key, err := integrations.Create(sys, integration.CreateInput{ServiceID: svc.ID, Kind: r.kind, Name: "Alertmanager " + r.name})
		if err != nil {
			t.Fatalf("creating the %s integration: %v", r.kind, err)
		}
		ids[r.name], keys[string(r.kind)] = i.ID, key
	}

	tocsinURL := fmt.Sprintf("http://127.0.0.1:%d", freePort(t))
	tocsin := start(t, "tocsin", tocsinBin, []string{
		"TOCSIN_DATABASE_URL=" + env.DatabaseURL,
		"TOCSIN_REDIS_URL=" + env.RedisURL,
		"TOCSIN_HTTP_ADDR=" + strings.TrimPrefix(tocsinURL, "http://"),
		"TOCSIN_BASE_URL=" + tocsinURL,
		"TOCSIN_SMTP_URL=smtp://127.0.0.1:9",
	}, "serve")
	tocsin.waitReady(t, tocsinURL+"/readyz")

	config := strings.NewReplacer("{{TOCSIN}}", tocsinURL,
		"{{OPSGENIE}}", keys["OPSGENIE"], "{{PAGERDUTY}}", keys["PAGERDUTY"], "{{ALERTMANAGER}}", keys["ALERTMANAGER"],
	).Replace(configTemplate)
	configFile := filepath.Join(dir, "alertmanager.yml")
	if err := os.WriteFile(configFile, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	amURL := fmt.Sprintf("http://127.0.0.1:%d", freePort(t))
	am := start(t, "alertmanager", amBin, nil,
		"--config.file="+configFile,
		"--storage.path="+filepath.Join(dir, "alertmanager-data"),
		"--web.listen-address="+strings.TrimPrefix(amURL, "http://"),
		"--web.external-url="+amURL,
		"--cluster.listen-address=",
		"--log.level=debug",
	)
	am.waitReady(t, amURL+"/-/ready")

	startsAt := time.Now().Add(-time.Minute).UTC()
	first := amAlert("checkout-1:8080", startsAt)

	// Firing: one open alert per receiver.
	postAlerts(t, amURL, first)
	waitFor(t, "one open alert from each receiver", func() (bool, string) {
		return eachReceiver(t, ids, func(open, all []*ent.Alert) bool { return len(open) == 1 })
	})

	// Repeat notifications (repeat_interval 4 s) count up the same alert.
	postAlerts(t, amURL, first)
	waitFor(t, "repeat notifications to count up the one open alert of each receiver", func() (bool, string) {
		return eachReceiver(t, ids, func(open, all []*ent.Alert) bool {
			return len(open) == 1 && len(all) == 1 && open[0].Count >= 2
		})
	})

	// A second alert joins the Opsgenie group (by alertname): the create is a
	// repeat, and update_alerts' PUT .../message rewrites the message.
	second := amAlert("checkout-2:8080", startsAt)
	postAlerts(t, amURL, first, second)
	waitFor(t, "the Opsgenie alert's message to say [FIRING:2] (PUT message)", func() (bool, string) {
		open := alerts(t, ids["opsgenie"], true)
		if len(open) != 1 {
			return false, fmt.Sprintf("%d open Opsgenie alerts", len(open))
		}
		return strings.HasPrefix(open[0].Message, "[FIRING:2]"), fmt.Sprintf("message %q", open[0].Message)
	})
	if open := alerts(t, ids["opsgenie"], true)[0]; open.Priority != alert.PriorityP1 || !strings.Contains(open.Description, "Alerts Firing:") {
		t.Errorf("Opsgenie alert: want priority P1 (severity critical) and Alertmanager's description, got %s and %q", open.Priority, open.Description)
	}

	// Resolved (endsAt in the past): every alert closes.
	endsAt := time.Now().Add(-time.Second).UTC()
	first["endsAt"], second["endsAt"] = endsAt, endsAt
	postAlerts(t, amURL, first, second)
	waitFor(t, "every alert of every receiver to close", func() (bool, string) {
		return eachReceiver(t, ids, func(open, all []*ent.Alert) bool { return len(open) == 0 && len(all) > 0 })
	})
	// Alertmanager takes any 2xx as delivered; anything else it logs and retries.
	if failed := grepLines(am.log, "Notify attempt failed", "Notify for alerts failed", "unexpected status code"); failed != "" {
		t.Errorf("Alertmanager could not deliver every notification to Tocsin:\n%s", failed)
	}
	for name, id := range ids {
		for _, a := range alerts(t, id, false) {
			if a.ClosedAt == nil {
				t.Errorf("%s alert %q: CLOSED without closed_at", name, a.Alias)
			}
		}
	}
}

// amAlert is an alert as Prometheus posts it to Alertmanager's API.
func amAlert(instance string, startsAt time.Time) map[string]any {
	return map[string]any{
		"labels": map[string]string{"alertname": "HighErrorRate", "service": "checkout", "instance": instance,
			"severity": "critical", "team": "payments"},
		"annotations": map[string]string{"summary": "5xx rate above 5% on checkout",
			"runbook_url": "https://runbooks.example.com/checkout-5xx"},
		"startsAt":     startsAt,
		"generatorURL": "http://prometheus.example:9090/graph?g0.expr=rate5xx",
	}
}

// postAlerts sends alerts to Alertmanager's API v2.
func postAlerts(t *testing.T, amURL string, alerts ...map[string]any) {
	t.Helper()
	body, _ := json.Marshal(alerts)
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Post(amURL+"/api/v2/alerts", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /api/v2/alerts: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /api/v2/alerts: want 200, got %s", resp.Status)
	}
}

// alerts lists an integration's alerts (only the open ones: not CLOSED).
func alerts(t *testing.T, integrationID int, openOnly bool) []*ent.Alert {
	t.Helper()
	q := env.Client.Alert.Query().Where(alert.IntegrationID(integrationID))
	if openOnly {
		q = q.Where(alert.StatusNEQ(alert.StatusCLOSED))
	}
	as, err := q.Order(ent.Asc(alert.FieldID)).All(sys)
	if err != nil {
		t.Fatalf("listing alerts: %v", err)
	}
	return as
}

// eachReceiver checks ok against each receiver's open and all alerts, and
// describes what it saw.
func eachReceiver(t *testing.T, ids map[string]int, ok func(open, all []*ent.Alert) bool) (bool, string) {
	t.Helper()
	good := true
	var seen []string
	for name, id := range ids {
		open, all := alerts(t, id, true), alerts(t, id, false)
		good = good && ok(open, all)
		var each []string
		for _, a := range all {
			each = append(each, fmt.Sprintf("%s count %d alias %.12s…", a.Status, a.Count, a.Alias))
		}
		seen = append(seen, fmt.Sprintf("%s: %d alerts [%s]", name, len(all), strings.Join(each, "; ")))
	}
	sort.Strings(seen)
	return good, strings.Join(seen, "; ")
}

// waitFor polls cond every 200 ms for up to 60 s.
func waitFor(t *testing.T, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		ok, seen := cond()
		if ok {
			t.Logf("saw %s: %s", what, seen)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited 60 s for %s; last seen: %s", what, seen)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
