package ingest_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	entintegration "github.com/tocsin/tocsin/ent/integration"
)

// A NUL (\u0000) anywhere a door reads, body, path or query, is refused
// with a 4xx naming the field, and stores nothing; the same request without
// it is taken. (PostgreSQL text cannot hold NUL: it used to be a 500 and a
// lost alert.)
func TestNULIsRefusedByEveryDoorNamingTheField(t *testing.T) {
	h := newHarness(t)
	isAccepted(t, h.genie("POST", "/v2/alerts", `{"message":"existing","alias":"existing"}`))
	env.Client.User.Create().SetName("Ada").SetEmail("ada@example.com").SaveX(sys)

	genie := "GenieKey " + h.keys[entintegration.KindOPSGENIE]
	bearer := func(k entintegration.Kind) string { return "Bearer " + h.keys[k] }
	nul := func(s string) string { return strings.Replace(s, "NUL", `\u0000`, 1) }
	nulPath := func(s string) string { return strings.Replace(s, "NUL", "%00", 1) }
	pd := strings.Replace(string(testdata(t, "pagerduty_docs_trigger.json")), "e93facc04764012d7bfb002500d5d1a6", h.keys[entintegration.KindPAGERDUTY], 1)
	am := string(testdata(t, "alertmanager_v0.31.1_webhook_firing.json"))
	grafana := string(testdata(t, "grafana_docs_webhook.json"))
	generic := string(testdata(t, "generic_uptime_kuma_down.json"))
	const act = "/v2/alerts/existing/"
	tomorrow := time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)

	cases := []struct {
		name, method, path, body, auth string
		field                          string // errors[field] (Opsgenie shape), or text in PagerDuty's errors
		clean                          int    // the status of the same request without the NUL
	}{
		{"create: message", "POST", "/v2/alerts", `{"message":"diskNUL full"}`, genie, "message", 202},
		{"create: a details key", "POST", "/v2/alerts", `{"message":"m","details":{"hostNUL":"a"}}`, genie, `details.host\u0000 (a key)`, 202},
		{"create: a responder's name", "POST", "/v2/alerts", `{"message":"m","responders":[{"type":"team","name":"NOCNUL"}]}`, genie, "responders[0].name", 202},
		{"get: identifier", "GET", "/v2/alerts/existNULing?identifierType=alias", "", genie, "identifier", 200},
		{"request status: requestId", "GET", "/v2/alerts/requests/abcNUL", "", genie, "requestId", 404},
		{"acknowledge: note", "POST", act + "acknowledge?identifierType=alias", `{"note":"on itNUL"}`, genie, "note", 202},
		{"unacknowledge: user", "POST", act + "unacknowledge?identifierType=alias", `{"user":"adaNUL"}`, genie, "user", 202},
		{"close: identifier", "POST", "/v2/alerts/existNULing/close?identifierType=alias", `{}`, genie, "identifier", 202},
		{"add note: note", "POST", act + "notes?identifierType=alias", `{"note":"seenNUL"}`, genie, "note", 202},
		{"snooze: endTime", "POST", act + "snooze?identifierType=alias", `{"endTime":"` + tomorrow + `NUL"}`, genie, "endTime", 202},
		{"escalate: source", "POST", act + "escalate?identifierType=alias", `{"source":"cliNUL"}`, genie, "source", 202},
		{"assign: owner", "POST", act + "assign?identifierType=alias", `{"owner":{"username":"ada@example.comNUL"}}`, genie, "owner.username", 202},
		{"update message", "PUT", act + "message?identifierType=alias", `{"message":"newNUL"}`, genie, "message", 202},
		{"update description", "PUT", act + "description?identifierType=alias", `{"description":"longerNUL"}`, genie, "description", 202},
		{"update priority", "PUT", act + "priority?identifierType=alias", `{"priority":"P1NUL"}`, genie, "priority", 202},
		{"delete: user in the query", "DELETE", "/v2/alerts/existing?identifierType=alias&user=adaNUL", "", genie, "user", 202},
		{"heartbeat ping: name", "GET", "/v2/heartbeats/nightlyNUL/ping", "", genie, "name", 404},
		{"PagerDuty: summary", "POST", "/v2/enqueue", strings.Replace(pd, "DISK at 99%", "DISK NUL", 1), "", "payload.summary", 202},
		{"PagerDuty: custom_details", "POST", "/v2/enqueue", strings.Replace(pd, `"1500ms"`, `"15NUL"`, 1), "", "payload.custom_details.ping time", 202},
		{"PagerDuty: links", "POST", "/v2/enqueue", strings.Replace(pd, "An example link.", "NUL", 1), "", "links[0].text", 202},
		{"Alertmanager: a label", "POST", "/hooks/alertmanager", strings.Replace(am, `"payments"`, `"payNULments"`, 1), bearer(entintegration.KindALERTMANAGER), "alerts[0].labels.team", 202},
		{"Alertmanager: fingerprint", "POST", "/hooks/alertmanager", strings.Replace(am, `"e020b1da622c5f20"`, `"e020NUL"`, 1), bearer(entintegration.KindALERTMANAGER), "alerts[0].fingerprint", 202},
		{"Grafana: silenceURL", "POST", "/hooks/grafana", strings.Replace(grafana, "silence/new", "silence/NUL", 1), bearer(entintegration.KindGRAFANA), "alerts[0].silenceURL", 202},
		{"Generic: a field the mapping reads", "POST", "/hooks/generic", strings.Replace(generic, `"name":"checkout"`, `"name":"checkNUL"`, 1), bearer(entintegration.KindGENERIC), "monitor.name", 202},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var headers []string
			if c.auth != "" {
				headers = []string{"Authorization", c.auth}
			}
			send := func(path, body string) response {
				var b any
				if body != "" {
					b = body
				}
				return h.do(c.method, path, b, headers...)
			}
			before := rows(t)
			r := send(nulPath(c.path), nul(c.body))
			if c.path == "/v2/enqueue" {
				if r.status != http.StatusBadRequest || r.str("status") != "invalid event" || !strings.Contains(r.raw, c.field+" must not contain the NUL character") {
					t.Fatalf("want PagerDuty's 400 invalid event naming %s, got %d %.400s", c.field, r.status, r.raw)
				}
			} else {
				errs, _ := r.body["errors"].(map[string]any)
				if r.status != http.StatusUnprocessableEntity || !strings.Contains(errs[c.field].(string), "NUL character") {
					t.Fatalf("want 422 with errors[%q] naming the NUL, got %d %.400s", c.field, r.status, r.raw)
				}
			}
			if after := rows(t); after != before {
				t.Fatalf("a refused request stored something: alerts, timeline, request statuses %v → %v", before, after)
			}
			clean := strings.Replace(c.path, "NUL", "", 1)
			if r := send(clean, strings.Replace(c.body, "NUL", "", 1)); r.status != c.clean {
				t.Fatalf("without the NUL: want %d, got %d %.400s", c.clean, r.status, r.raw)
			}
		})
	}
}
