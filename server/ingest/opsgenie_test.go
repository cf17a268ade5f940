package ingest_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
)

// The "must show" scenario: the Opsgenie docs' create, a repeat, an
// acknowledge, a note and a close by alias behave as Opsgenie documents
// them, and the alias is free again after the close.
func TestOpsgenieLifecycleByAliasAsDocumented(t *testing.T) {
	h := newHarness(t)
	create := testdata(t, "opsgenie_docs_create.json")
	alias := "Life is too short for no alias"
	path := "/v2/alerts/" + url.PathEscape(alias)

	first := h.genie("POST", "/v2/alerts", create)
	isAccepted(t, first)
	st := h.requestStatus(first)
	a := h.onlyAlert()
	want := map[string]any{"success": true, "isSuccess": true, "action": "Create", "status": "Created alert",
		"alertId": strconv.Itoa(a.ID), "alias": alias, "integrationId": strconv.Itoa(h.intgs[entintegration.KindOPSGENIE].ID)}
	for k, v := range want {
		if st[k] != v {
			t.Errorf("request status %s: want %v, got %v", k, v, st[k])
		}
	}
	if _, ok := st["processedAt"].(string); !ok {
		t.Errorf("request status needs processedAt, got %v", st)
	}

	repeat := h.genie("POST", "/v2/alerts", create)
	isAccepted(t, repeat)
	if st := h.requestStatus(repeat); st["success"] != true || st["alertId"] != strconv.Itoa(a.ID) {
		t.Fatalf("a repeat is the same alert: %v", st)
	}

	action := testdata(t, "opsgenie_docs_action.json")
	for _, step := range []struct{ path, body, action, status string }{
		{path + "/acknowledge?identifierType=alias", string(action), "Acknowledge", "Acknowledged alert"},
		{path + "/notes?identifierType=alias", `{"user":"Monitoring Script","note":"Rebooted the checkout pods"}`, "AddNote", "Added note"},
		{path + "/close?identifierType=alias", string(action), "Close", "Closed alert"},
	} {
		r := h.genie("POST", step.path, step.body)
		isAccepted(t, r)
		if st := h.requestStatus(r); st["success"] != true || st["action"] != step.action || st["status"] != step.status || st["alias"] != alias {
			t.Fatalf("%s: want a successful %s (%q), got %v", step.path, step.action, step.status, st)
		}
	}

	got := h.genie("GET", path+"?identifierType=alias", nil)
	h.expect(got, http.StatusOK)
	data := got.body["data"].(map[string]any)
	for k, v := range map[string]any{"id": strconv.Itoa(a.ID), "tinyId": strconv.Itoa(incident.TinyID(a.ID)), "alias": alias,
		"message": "An example alert message", "status": "closed", "acknowledged": true, "count": float64(2),
		"priority": "P1", "entity": "An example entity", "description": "Every alert needs a description"} {
		if data[k] != v {
			t.Errorf("alert %s: want %v, got %v", k, v, data[k])
		}
	}
	if fmt.Sprint(data["tags"]) != "[OverwriteQuietHours Critical]" || fmt.Sprint(data["details"]) != "map[key1:value1 key2:value2]" {
		t.Errorf("tags and details as sent: %v %v", data["tags"], data["details"])
	}
	if in, _ := data["integration"].(map[string]any); in["type"] != "OPSGENIE" || in["name"] != "Prometheus opsgenie" {
		t.Errorf("integration {id,name,type}: %v", data["integration"])
	}

	events := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(a.ID)).Order(ent.Asc(timelineevent.FieldID)).AllX(sys)
	var kinds []string
	note := false
	for _, e := range events {
		kinds = append(kinds, e.Kind)
		if e.Kind == incident.KindNoteAdded && e.Data["note"] == "Rebooted the checkout pods" &&
			e.ActorType == timelineevent.ActorTypeINTEGRATION && e.ActorName == "Monitoring Script" {
			note = true
		}
	}
	if !note {
		t.Fatalf("the timeline must hold the note by the sender's user: %v", kinds)
	}
	for _, k := range []string{incident.KindCreated, incident.KindDeduplicated, incident.KindAcknowledged, incident.KindClosed} {
		if !strings.Contains(strings.Join(kinds, " "), k) {
			t.Errorf("timeline lacks %s: %v", k, kinds)
		}
	}

	// Closing again and acknowledging nothing are accepted and fail in the request status.
	again := h.genie("POST", path+"/close?identifierType=alias", nil)
	isAccepted(t, again)
	if st := h.requestStatus(again); st["success"] != false || st["status"] != "Alert is already closed" || st["alertId"] != strconv.Itoa(a.ID) {
		t.Fatalf("closing a closed alert: %v", st)
	}
	missing := h.genie("POST", "/v2/alerts/nope/acknowledge?identifierType=alias", nil)
	isAccepted(t, missing)
	if st := h.requestStatus(missing); st["success"] != false || st["status"] != "Alert does not exist" || st["action"] != "Acknowledge" || st["alertId"] != "" {
		t.Fatalf("acknowledging a missing alert: %v", st)
	}

	// After the close the alias opens a new alert.
	isAccepted(t, h.genie("POST", "/v2/alerts", create))
	open := env.Client.Alert.Query().Where(alert.Alias(alias), alert.StatusNEQ(alert.StatusCLOSED)).OnlyX(sys)
	if open.ID == a.ID || open.Count != 1 {
		t.Fatalf("after close the alias must open a new alert with count 1, got %d (count %d)", open.ID, open.Count)
	}
}

func TestOpsgenieCreateDefaultsAndLimits(t *testing.T) {
	h := newHarness(t)
	long := strings.Repeat("é", 200)
	r := h.genie("POST", "/v2/alerts", `{"message":"`+long+`","tags":["a"],"unknownField":{"x":1}}`)
	isAccepted(t, r)
	a := h.onlyAlert()
	if a.Message != strings.Repeat("é", 130) {
		t.Errorf("message is truncated to 130 runes as Opsgenie does, got %d runes", len([]rune(a.Message)))
	}
	if a.Priority != alert.PriorityP3 || a.Source != "127.0.0.1" {
		t.Errorf("defaults: priority P3 and the caller's IP as source, got %s %q", a.Priority, a.Source)
	}
	if st := h.requestStatus(r); st["alias"] != a.Alias || a.Alias == "" {
		t.Errorf("without an alias one is made and reported: %v", st)
	}
}

// Alertmanager's opsgenie_configs (captured from v0.31.1) and Grafana's Opsgenie contact point.
func TestOpsgenieSendersCapturedRequests(t *testing.T) {
	h := newHarness(t)
	alias := "95c86ac8f42bf23e4f8269820a74733b18c5d5ce4d933ac2fc78ec0b9b250250"
	isAccepted(t, h.genie("POST", "/v2/alerts", testdata(t, "alertmanager_v0.31.1_opsgenie_create.json")))
	isAccepted(t, h.genie("PUT", "/v2/alerts/"+alias+"/message?identifierType=alias", testdata(t, "alertmanager_v0.31.1_opsgenie_put_message.json")))
	a := h.onlyAlert()
	if a.Priority != alert.PriorityP1 || a.Details["team"] != "payments" || fmt.Sprint(a.Tags) != "[team=payments prometheus]" ||
		a.Source != "http://127.0.0.1:19093/#/alerts?receiver=opsgenie" || len(a.Responders) != 1 || a.Responders[0]["name"] != "payments" {
		t.Fatalf("Alertmanager's create as sent: %+v", a)
	}
	r := h.genie("POST", "/v2/alerts/"+alias+"/close?identifierType=alias", testdata(t, "alertmanager_v0.31.1_opsgenie_close.json"))
	isAccepted(t, r)
	if a := h.onlyAlert(); a.Status != alert.StatusCLOSED {
		t.Fatalf("Alertmanager's close by alias: %s", a.Status)
	}

	isAccepted(t, h.genie("POST", "/v2/alerts", testdata(t, "grafana_opsgenie_create.json")))
	g := env.Client.Alert.Query().Where(alert.Source("Grafana")).OnlyX(sys)
	if g.Priority != alert.PriorityP2 || g.Details["url"] != "https://grafana.example/alerting/list" {
		t.Fatalf("Grafana's create: %+v", g)
	}
	isAccepted(t, h.genie("POST", "/v2/alerts/"+g.Alias+"/close?identifierType=alias", testdata(t, "grafana_opsgenie_close.json")))
	if g = env.Client.Alert.GetX(sys, g.ID); g.Status != alert.StatusCLOSED {
		t.Fatalf("Grafana's close: %s", g.Status)
	}
}

func TestOpsgenieActionsByIDAndTiny(t *testing.T) {
	h := newHarness(t)
	u := env.Client.User.Create().SetName("Ada").SetEmail("ada@example.com").SaveX(sys)
	isAccepted(t, h.genie("POST", "/v2/alerts", `{"message":"disk full","alias":"web/disk full"}`))
	a := h.onlyAlert()
	id, tiny := strconv.Itoa(a.ID), strconv.Itoa(incident.TinyID(a.ID))
	for _, c := range []struct {
		method, path, body, status string
	}{
		{"PUT", "/v2/alerts/" + id + "/priority", `{"priority":"p2"}`, "Updated priority"},
		{"PUT", "/v2/alerts/" + tiny + "/description?identifierType=tiny", `{"description":"sda1 at 100%"}`, "Updated description"},
		{"POST", "/v2/alerts/" + tiny + "/assign?identifierType=tiny", `{"owner":{"username":"ADA@example.com"}}`, "Assigned alert"},
		{"POST", "/v2/alerts/" + id + "/snooze", `{"endTime":"` + time.Now().Add(48*time.Hour).UTC().Format(time.RFC3339) + `"}`, "Snoozed alert"},
		{"POST", "/v2/alerts/" + id + "/escalate", `{"escalation":{"name":"Nightwatch"}}`, "Escalated alert to next"},
		{"POST", "/v2/alerts/web%2Fdisk%20full/acknowledge?identifierType=alias", ``, "Acknowledged alert"},
		{"POST", "/v2/alerts/" + id + "/unacknowledge", `{}`, "Unacknowledged alert"},
		{"DELETE", "/v2/alerts/" + id + "?user=cleanup-script", ``, "Closed alert (Tocsin closes on delete and keeps the history)"},
	} {
		var body any
		if c.body != "" {
			body = c.body
		}
		r := h.genie(c.method, c.path, body)
		isAccepted(t, r)
		if st := h.requestStatus(r); st["success"] != true || st["status"] != c.status {
			t.Fatalf("%s %s: want %q, got %v", c.method, c.path, c.status, st)
		}
	}
	a = env.Client.Alert.GetX(sys, a.ID)
	if a.Priority != alert.PriorityP2 || a.Description != "sda1 at 100%" || a.OwnerID == nil || *a.OwnerID != u.ID || a.Status != alert.StatusCLOSED {
		t.Fatalf("after the actions: %+v", a)
	}
	closed := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(a.ID), timelineevent.Kind(incident.KindClosed)).OnlyX(sys)
	if closed.ActorName != "cleanup-script" {
		t.Fatalf("DELETE takes user from the query: %q", closed.ActorName)
	}
	got := h.genie("GET", "/v2/alerts/"+tiny+"?identifierType=tiny", nil)
	h.expect(got, http.StatusOK)
	if got.str("data", "owner") != "ada@example.com" || got.str("data", "tinyId") != tiny {
		t.Fatalf("GET by tiny id: %s", got.raw)
	}
}

// A key only reaches alerts of its own service.
func TestOpsgenieKeySeesOnlyItsService(t *testing.T) {
	h := newHarness(t)
	isAccepted(t, h.genie("POST", "/v2/alerts", `{"message":"m","alias":"shared"}`))
	other := "GenieKey " + h.other
	h.expect(h.do("GET", "/v2/alerts/shared?identifierType=alias", nil, "Authorization", other), http.StatusNotFound)
	r := h.do("POST", "/v2/alerts/shared/close?identifierType=alias", nil, "Authorization", other)
	isAccepted(t, r)
	if a := h.onlyAlert(); a.Status != alert.StatusOPEN {
		t.Fatalf("another service's key closed the alert")
	}
	// …nor read another integration's request statuses.
	h.expect(h.do("GET", "/v2/alerts/requests/"+r.str("requestId"), nil, "Authorization", "GenieKey "+h.keys[entintegration.KindOPSGENIE]), http.StatusNotFound)
}

func TestOpsgenieKeyForms(t *testing.T) {
	h := newHarness(t)
	key := h.keys[entintegration.KindOPSGENIE]
	for _, c := range []struct {
		name, path string
		headers    []string
	}{
		{"GenieKey", "/v2/alerts", []string{"Authorization", "GenieKey " + key}},
		{"Basic with empty user", "/v2/alerts", []string{"Authorization", "Basic " + b64(":"+key)}},
		{"Basic of the key alone", "/v2/alerts", []string{"Authorization", "Basic " + b64(key)}},
		{"apiKey query", "/v2/alerts?apiKey=" + key, nil},
	} {
		isAccepted(t, h.do("POST", c.path, `{"message":"`+c.name+`"}`, c.headers...))
	}
}
