package ingest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tocsin/tocsin/ent/alert"
	entintegration "github.com/tocsin/tocsin/ent/integration"
)

// pd returns a testdata event with the PagerDuty integration's key as routing_key.
func (h *harness) pd(name string) string {
	body := string(testdata(h.t, name))
	for _, k := range []string{"e93facc04764012d7bfb002500d5d1a6", "0123456789abcdef0123456789abcdef"} {
		body = strings.ReplaceAll(body, k, h.keys[entintegration.KindPAGERDUTY])
	}
	return body
}

func TestPagerDutyEventsAsDocumented(t *testing.T) {
	h := newHarness(t)
	steps := []struct {
		file, raw string
		status    alert.Status
		count     int
	}{
		{"pagerduty_docs_trigger.json", `{"status":"success","message":"Event processed","dedup_key":"srv01/mysql"}`, alert.StatusOPEN, 1},
		{"pagerduty_docs_trigger.json", `{"status":"success","message":"Event processed","dedup_key":"srv01/mysql"}`, alert.StatusOPEN, 2},
		{"pagerduty_docs_acknowledge.json", `{"status":"success","message":"Event processed","dedup_key":"srv01/mysql"}`, alert.StatusACKED, 2},
		{"pagerduty_docs_resolve.json", `{"status":"success","message":"Event processed","dedup_key":"srv01/mysql"}`, alert.StatusCLOSED, 2},
		// After resolve, acknowledge and resolve of the key are dropped, and still answered 202.
		{"pagerduty_docs_acknowledge.json", `{"status":"success","message":"Event processed","dedup_key":"srv01/mysql"}`, alert.StatusCLOSED, 2},
		{"pagerduty_docs_resolve.json", `{"status":"success","message":"Event processed","dedup_key":"srv01/mysql"}`, alert.StatusCLOSED, 2},
	}
	for n, s := range steps {
		r := h.do("POST", "/v2/enqueue", h.pd(s.file))
		if r.status != http.StatusAccepted || strings.TrimSpace(r.raw) != s.raw {
			t.Fatalf("step %d %s: want 202 %s, got %d %s", n, s.file, s.raw, r.status, r.raw)
		}
		if a := h.onlyAlert(); a.Status != s.status || a.Count != s.count {
			t.Fatalf("step %d %s: want %s count %d, got %s count %d", n, s.file, s.status, s.count, a.Status, a.Count)
		}
	}
	a := h.onlyAlert()
	want := map[string]string{"component": "mysql", "group": "prod-datapipe", "class": "disk", "free space": "1%",
		"ping time": "1500ms", "load avg": "0.75", "client": "Sample Monitoring Service", "client_url": "https://monitoring.service.com"}
	for k, v := range want {
		if a.Details[k] != v {
			t.Errorf("details[%q]: want %q, got %q", k, v, a.Details[k])
		}
	}
	if a.Message != "DISK at 99% on machine prod-datapipe03.example.com" || a.Priority != alert.PriorityP1 ||
		a.Source != "prod-datapipe03.example.com" || a.FirstOccurredAt.UTC().Format("2006-01-02T15:04:05.000") != "2015-07-17T08:42:58.315" {
		t.Fatalf("the trigger as sent: %+v", a)
	}
	// A trigger after resolve opens a new alert.
	h.expect(h.do("POST", "/v2/enqueue", h.pd("pagerduty_docs_trigger.json")), http.StatusAccepted)
	if n := env.Client.Alert.Query().Where(alert.Alias("srv01/mysql")).CountX(sys); n != 2 {
		t.Fatalf("want a new alert after resolve, got %d alerts", n)
	}
}

func TestPagerDutySeveritiesAndGeneratedDedupKey(t *testing.T) {
	h := newHarness(t)
	key := h.keys[entintegration.KindPAGERDUTY]
	for sev, want := range map[string]alert.Priority{"critical": alert.PriorityP1, "error": alert.PriorityP2, "warning": alert.PriorityP3, "info": alert.PriorityP5} {
		r := h.do("POST", "/v2/enqueue", `{"routing_key":"`+key+`","event_action":"trigger","payload":{"summary":"s `+sev+`","source":"host","severity":"`+sev+`"}}`)
		h.expect(r, http.StatusAccepted)
		dk := r.str("dedup_key")
		if len(dk) != 36 {
			t.Fatalf("a trigger without dedup_key gets a generated one, got %q", dk)
		}
		a := env.Client.Alert.Query().Where(alert.Alias(dk)).OnlyX(sys)
		if a.Priority != want {
			t.Errorf("severity %s: want %s, got %s", sev, want, a.Priority)
		}
	}
}

// Alertmanager's pagerduty_configs trigger, captured from v0.31.1.
func TestPagerDutyFromAlertmanager(t *testing.T) {
	h := newHarness(t)
	h.expect(h.do("POST", "/v2/enqueue", h.pd("alertmanager_v0.31.1_pagerduty_trigger.json")), http.StatusAccepted)
	a := h.onlyAlert()
	if a.Alias != "95c86ac8f42bf23e4f8269820a74733b18c5d5ce4d933ac2fc78ec0b9b250250" || a.Priority != alert.PriorityP1 ||
		a.Details["num_firing"] != "1" || !strings.HasPrefix(a.Details["firing"], `[{"annotations":`) || a.Details["client"] != "Alertmanager" {
		t.Fatalf("Alertmanager's trigger: %+v", a)
	}
}
