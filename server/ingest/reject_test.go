package ingest_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/integration"
)

// Bad requests get a clear 4xx in the door's shape and store nothing.
func TestRejectedRequestsStoreNothing(t *testing.T) {
	h := newHarness(t)
	isAccepted(t, h.genie("POST", "/v2/alerts", `{"message":"existing","alias":"existing"}`))
	env.Client.User.Create().SetName("Ada").SetEmail("ada@example.com").SaveX(sys)
	_, disabledKey, _ := h.ints.Create(sys, integration.CreateInput{ServiceID: h.svc.ID, Kind: entintegration.KindOPSGENIE, Name: "off"})
	off := env.Client.Integration.Query().AllX(sys)
	for _, i := range off {
		if i.Name == "off" {
			env.Client.Integration.UpdateOne(i).SetEnabled(false).ExecX(sys)
		}
	}
	genie := "GenieKey " + h.keys[entintegration.KindOPSGENIE]
	bearer := func(k entintegration.Kind) string { return "Bearer " + h.keys[k] }
	tags21 := `["` + strings.Repeat(`t","`, 20) + `t"]`
	big := `{"message":"x","description":"` + strings.Repeat("a", 513<<10) + `"}`
	pdKey := h.keys[entintegration.KindPAGERDUTY]

	cases := []struct {
		name, method, path, body, auth string
		status                         int
		// field is the key of "errors" that must name the problem (Opsgenie shape),
		// or a text the PagerDuty errors list must contain.
		field string
	}{
		{"broken JSON", "POST", "/v2/alerts", `{"message":`, genie, 400, "body"},
		{"empty body", "POST", "/v2/alerts", ``, genie, 400, "body"},
		{"not an object", "POST", "/v2/alerts", `["message"]`, genie, 400, "body"},
		{"two objects", "POST", "/v2/alerts", `{"message":"a"}{"message":"b"}`, genie, 400, "body"},
		{"missing message", "POST", "/v2/alerts", `{"alias":"a"}`, genie, 422, "message"},
		{"blank message", "POST", "/v2/alerts", `{"message":"   "}`, genie, 422, "message"},
		{"message of the wrong type", "POST", "/v2/alerts", `{"message":5}`, genie, 422, "message"},
		{"priority P9", "POST", "/v2/alerts", `{"message":"m","priority":"P9"}`, genie, 422, "priority"},
		{"tag longer than 50", "POST", "/v2/alerts", `{"message":"m","tags":["` + strings.Repeat("x", 51) + `"]}`, genie, 422, "tags"},
		{"21 tags", "POST", "/v2/alerts", `{"message":"m","tags":` + tags21 + `}`, genie, 422, "tags"},
		{"11 actions", "POST", "/v2/alerts", `{"message":"m","actions":["1","2","3","4","5","6","7","8","9","10","11"]}`, genie, 422, "actions"},
		{"details too long", "POST", "/v2/alerts", `{"message":"m","details":{"k":"` + strings.Repeat("v", 8001) + `"}}`, genie, 422, "details"},
		{"alias too long", "POST", "/v2/alerts", `{"message":"m","alias":"` + strings.Repeat("a", 513) + `"}`, genie, 422, "alias"},
		{"bad responder type", "POST", "/v2/alerts", `{"message":"m","responders":[{"type":"bb","name":"x"}]}`, genie, 422, "responders#type"},
		{"user too long", "POST", "/v2/alerts", `{"message":"m","user":"` + strings.Repeat("u", 101) + `"}`, genie, 422, "user"},
		{"body over 512 KiB", "POST", "/v2/alerts", big, genie, 413, ""},
		{"no key", "POST", "/v2/alerts", `{"message":"m"}`, "", 401, ""},
		{"unknown key", "POST", "/v2/alerts", `{"message":"m"}`, "GenieKey 00000000-1111-2222-3333-444444444444", 401, ""},
		{"disabled key", "POST", "/v2/alerts", `{"message":"m"}`, "GenieKey " + disabledKey, 401, ""},
		{"unknown scheme", "POST", "/v2/alerts", `{"message":"m"}`, "Token abc", 401, ""},
		{"Grafana key on the Opsgenie API", "POST", "/v2/alerts", `{"message":"m"}`, bearer(entintegration.KindGRAFANA), 403, ""},
		{"HEARTBEAT key on the Opsgenie API", "POST", "/v2/alerts", `{"message":"m"}`, bearer(entintegration.KindHEARTBEAT), 403, ""},
		{"bad identifierType", "POST", "/v2/alerts/existing/close?identifierType=name", ``, genie, 422, "identifierType"},
		{"note without note", "POST", "/v2/alerts/existing/notes?identifierType=alias", `{"user":"x"}`, genie, 422, "note"},
		{"snooze without endTime", "POST", "/v2/alerts/existing/snooze?identifierType=alias", `{}`, genie, 422, "endTime"},
		{"snooze with a bad endTime", "POST", "/v2/alerts/existing/snooze?identifierType=alias", `{"endTime":"tomorrow"}`, genie, 422, "endTime"},
		{"snooze into the past", "POST", "/v2/alerts/existing/snooze?identifierType=alias", `{"endTime":"2001-01-01T00:00:00Z"}`, genie, 422, "endTime"},
		// A snooze is a week at most (incident.MaxSnooze): 9999 was taken.
		{"snooze for years", "POST", "/v2/alerts/existing/snooze?identifierType=alias", `{"endTime":"9999-01-01T00:00:00Z"}`, genie, 422, "endTime"},
		{"assign to nobody", "POST", "/v2/alerts/existing/assign?identifierType=alias", `{"owner":{"username":"nobody@example.com"}}`, genie, 422, "owner"},
		{"PUT priority P0", "PUT", "/v2/alerts/existing/priority?identifierType=alias", `{"priority":"P0"}`, genie, 422, "priority"},
		{"PUT empty message", "PUT", "/v2/alerts/existing/message?identifierType=alias", `{"message":""}`, genie, 422, "message"},
		{"action with broken JSON", "POST", "/v2/alerts/existing/close?identifierType=alias", `{"note":`, genie, 400, "body"},
		{"wrong method", "PATCH", "/v2/alerts", `{}`, genie, 405, ""},
		{"no such route", "POST", "/hooks/nagios", `{}`, genie, 404, ""},

		{"PD broken JSON", "POST", "/v2/enqueue", `{"routing_key":`, "", 400, "not valid JSON"},
		{"PD no routing key", "POST", "/v2/enqueue", `{"event_action":"trigger"}`, "", 400, "routing_key is required"},
		{"PD unknown routing key", "POST", "/v2/enqueue", `{"routing_key":"e93facc04764012d7bfb002500d5d1a6","event_action":"trigger"}`, "", 401, "unknown"},
		{"PD Opsgenie key", "POST", "/v2/enqueue", `{"routing_key":"` + h.keys[entintegration.KindOPSGENIE] + `","event_action":"trigger"}`, "", 403, "PAGERDUTY"},
		{"PD bad action", "POST", "/v2/enqueue", `{"routing_key":"` + pdKey + `","event_action":"explode"}`, "", 400, "event_action"},
		{"PD no summary", "POST", "/v2/enqueue", `{"routing_key":"` + pdKey + `","event_action":"trigger","payload":{"source":"s","severity":"info"}}`, "", 400, "payload.summary is required"},
		{"PD bad severity", "POST", "/v2/enqueue", `{"routing_key":"` + pdKey + `","event_action":"trigger","payload":{"summary":"s","source":"s","severity":"fatal"}}`, "", 400, "payload.severity"},
		{"PD summary over 1024", "POST", "/v2/enqueue", `{"routing_key":"` + pdKey + `","event_action":"trigger","payload":{"summary":"` + strings.Repeat("s", 1025) + `","source":"s","severity":"info"}}`, "", 400, "payload.summary"},
		{"PD resolve without dedup_key", "POST", "/v2/enqueue", `{"routing_key":"` + pdKey + `","event_action":"resolve"}`, "", 400, "dedup_key"},
		{"PD over 512 KiB", "POST", "/v2/enqueue", big, "", 413, "512 KiB"},

		{"Alertmanager without fingerprint", "POST", "/hooks/alertmanager", `{"alerts":[{"status":"firing","labels":{"alertname":"x"}}]}`, bearer(entintegration.KindALERTMANAGER), 422, "alerts[0].fingerprint"},
		{"Alertmanager bad status", "POST", "/hooks/alertmanager", `{"alerts":[{"status":"burning","fingerprint":"f"}]}`, bearer(entintegration.KindALERTMANAGER), 422, "alerts[0].status"},
		{"Alertmanager numeric label", "POST", "/hooks/alertmanager", `{"alerts":[{"fingerprint":"f","labels":{"n":1}}]}`, bearer(entintegration.KindALERTMANAGER), 422, "alerts.labels"},
		{"Alertmanager, one bad alert of two", "POST", "/hooks/alertmanager", `{"alerts":[{"fingerprint":"ok","labels":{"alertname":"x"}},{"status":"firing"}]}`, bearer(entintegration.KindALERTMANAGER), 422, "alerts[1].fingerprint"},
		{"Alertmanager key on Grafana", "POST", "/hooks/grafana", `{"alerts":[]}`, bearer(entintegration.KindALERTMANAGER), 403, ""},
		{"Grafana broken JSON", "POST", "/hooks/grafana", `{"alerts":[`, bearer(entintegration.KindGRAFANA), 400, "body"},
		{"Grafana bad og_priority", "POST", "/hooks/grafana", `{"alerts":[{"fingerprint":"f","labels":{"og_priority":"P7"}}]}`, bearer(entintegration.KindGRAFANA), 422, "alerts[0].labels.og_priority"},
		{"Generic array body", "POST", "/hooks/generic", `[1,2]`, bearer(entintegration.KindGENERIC), 400, "body"},
		{"Generic null body", "POST", "/hooks/generic", `null`, bearer(entintegration.KindGENERIC), 400, "body"},
		{"Generic mapping gives no message", "POST", "/hooks/generic", `{"monitor":{"id":1},"heartbeat":{"status":0}}`, bearer(entintegration.KindGENERIC), 422, "message"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := rows(t)
			var headers []string
			if c.auth != "" {
				headers = []string{"Authorization", c.auth}
			}
			var body any
			if c.body != "" {
				body = c.body
			}
			r := h.do(c.method, c.path, body, headers...)
			if r.status != c.status {
				t.Fatalf("want %d, got %d: %.300s", c.status, r.status, r.raw)
			}
			if after := rows(t); after != before {
				t.Fatalf("a refused request stored something: alerts, timeline, request statuses %v → %v", before, after)
			}
			if r.str("message") == "" {
				t.Fatalf("every refusal says what was wrong in message: %.300s", r.raw)
			}
			switch {
			case strings.HasPrefix(c.path, "/v2/enqueue"):
				if r.str("status") == "" || !strings.Contains(r.raw, c.field) {
					t.Fatalf("want PagerDuty's {status,message,errors} mentioning %q, got %.300s", c.field, r.raw)
				}
			case c.status >= 404 && c.status <= 405:
			default:
				if r.str("requestId") == "" || r.body["took"] == nil {
					t.Fatalf("want Opsgenie's error shape with took and requestId, got %.300s", r.raw)
				}
				errs, _ := r.body["errors"].(map[string]any)
				if c.field != "" && errs[c.field] == nil {
					t.Fatalf("want errors[%q] naming the problem, got %.300s", c.field, r.raw)
				}
				if c.status == 403 && r.body["code"] != float64(40301) {
					t.Fatalf("a key of the wrong kind is Opsgenie's 40301: %.300s", r.raw)
				}
			}
		})
	}
}

func TestRateLimitedRequestsAre429WithHeaders(t *testing.T) {
	h := newHarness(t)
	_, key, _ := h.ints.Create(sys, integration.CreateInput{ServiceID: h.svc.ID, Kind: entintegration.KindOPSGENIE, Name: "tight",
		RateLimitPerMinute: 60, RateLimitBurst: 2})
	_, pdKey, _ := h.ints.Create(sys, integration.CreateInput{ServiceID: h.svc.ID, Kind: entintegration.KindPAGERDUTY, Name: "tight pd",
		RateLimitPerMinute: 1, RateLimitBurst: 1})
	for n := 1; n <= 2; n++ {
		r := h.do("POST", "/v2/alerts", `{"message":"m"}`, "Authorization", "GenieKey "+key)
		isAccepted(t, r)
		if r.header.Get("X-RateLimit-Limit") != "60" || r.header.Get("X-RateLimit-Remaining") != strconv.Itoa(2-n) {
			t.Fatalf("request %d: rate headers on every answer, got limit %q remaining %q", n, r.header.Get("X-RateLimit-Limit"), r.header.Get("X-RateLimit-Remaining"))
		}
	}
	before := rows(t)
	r := h.do("POST", "/v2/alerts", `{"message":"m"}`, "Authorization", "GenieKey "+key)
	h.expect(r, http.StatusTooManyRequests)
	for k, v := range map[string]string{"Retry-After": "1", "X-RateLimit-State": "THROTTLED", "X-RateLimit-Reason": "INTEGRATION",
		"X-RateLimit-Period-In-Sec": "60", "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0"} {
		if got := r.header.Get(k); got != v {
			t.Errorf("429 header %s: want %q, got %q", k, v, got)
		}
	}
	if r.str("requestId") == "" || !strings.Contains(r.str("message"), "60 a minute") {
		t.Errorf("429 body: %s", r.raw)
	}
	if after := rows(t); after != before {
		t.Fatalf("a throttled request stored something: %v → %v", before, after)
	}

	ev := `{"routing_key":"` + pdKey + `","event_action":"trigger","payload":{"summary":"s","source":"s","severity":"info"}}`
	h.expect(h.do("POST", "/v2/enqueue", ev), http.StatusAccepted)
	r = h.do("POST", "/v2/enqueue", ev)
	h.expect(r, http.StatusTooManyRequests)
	if r.str("status") != "throttle event" || r.header.Get("Retry-After") != "60" {
		t.Fatalf("PagerDuty's 429: %v %s", r.header, r.raw)
	}
}
