package server_test

import (
	"encoding/json"
	"strings"
	"testing"
)

func serviceID(t *testing.T, h *harness, token, name string) string {
	t.Helper()
	_, res := h.do(nil, `query($n:String!){services(first:1, where:{name:$n}){edges{node{id}}}}`, map[string]any{"n": name}, bearer(token))
	var conn struct {
		Edges []struct{ Node struct{ ID string } }
	}
	if err := json.Unmarshal(res.Data["services"], &conn); err != nil || len(conn.Edges) != 1 {
		t.Fatalf("service %s: %s %+v", name, res.Data["services"], res.Errors)
	}
	return conn.Edges[0].Node.ID
}

func TestAlertsOverGraphQL(t *testing.T) {
	h := newHarness(t)
	token := h.login("responder@tocsin.local")
	svc := serviceID(t, h, token, "Checkout")
	create := `mutation($s:ID!,$a:String){createAlert(input:{serviceID:$s, message:"Card payments failing", alias:$a, priority:P1, tags:["payments","pci"]}){deduplicated alert{id tinyID count status}}}`
	_, res := h.do(nil, create, map[string]any{"s": svc, "a": "cards"}, bearer(token))
	var first struct {
		Deduplicated bool
		Alert        struct {
			ID     string
			TinyID int
			Count  int
			Status string
		}
	}
	if err := json.Unmarshal(res.Data["createAlert"], &first); err != nil || first.Deduplicated || first.Alert.TinyID < 1 {
		t.Fatalf("createAlert: %s %+v", res.Data["createAlert"], res.Errors)
	}
	_, res = h.do(nil, create, map[string]any{"s": svc, "a": "cards"}, bearer(token))
	if !strings.Contains(string(res.Data["createAlert"]), `"deduplicated":true`) || !strings.Contains(string(res.Data["createAlert"]), `"count":2`) {
		t.Fatalf("a repeat dedupes: %s %+v", res.Data["createAlert"], res.Errors)
	}

	_, res = h.do(nil, `{alerts(first:10, where:{tag:"pci"}){totalCount} s:alerts(first:10, where:{search:"CARD PAY"}){totalCount}}`, nil, bearer(token))
	if string(res.Data["alerts"]) != `{"totalCount":1}` || string(res.Data["s"]) != `{"totalCount":1}` {
		t.Fatalf("tag and text filters: %s %s %+v", res.Data["alerts"], res.Data["s"], res.Errors)
	}

	// Bulk acknowledge: the already-acknowledged demo alert comes back unchanged.
	_, res = h.do(nil, `{alerts(first:10, where:{statusIn:[OPEN, ACKED]}){edges{node{id}}}}`, nil, bearer(token))
	var conn struct {
		Edges []struct{ Node struct{ ID string } }
	}
	_ = json.Unmarshal(res.Data["alerts"], &conn)
	var ids []string
	for _, e := range conn.Edges {
		ids = append(ids, e.Node.ID)
	}
	_, res = h.do(nil, `mutation($ids:[ID!]!){acknowledgeAlerts(ids:$ids, note:"looking"){status acknowledgedBy{email}}}`, map[string]any{"ids": ids}, bearer(token))
	if len(res.Errors) > 0 || strings.Count(string(res.Data["acknowledgeAlerts"]), `"ACKED"`) != len(ids) {
		t.Fatalf("bulk ack of %d alerts: %s %+v", len(ids), res.Data["acknowledgeAlerts"], res.Errors)
	}

	_, res = h.do(nil, `mutation($id:ID!){snoozeAlert(id:$id, until:"2001-01-01T00:00:00Z"){id}}`, map[string]any{"id": first.Alert.ID}, bearer(token))
	if res.code() != "BAD_USER_INPUT" {
		t.Fatalf("snooze into the past: want BAD_USER_INPUT, got %+v", res.Errors)
	}
	_, res = h.do(nil, `mutation($id:ID!){updateAlert(id:$id, priority:P2, message:"Card payments failing in EU"){priority message timeline(first:20){edges{node{kind actorName data}}}}}`,
		map[string]any{"id": first.Alert.ID}, bearer(token))
	out := string(res.Data["updateAlert"])
	for _, want := range []string{`"priority":"P2"`, `"PRIORITY_CHANGED"`, `"MESSAGE_CHANGED"`, `"ACKNOWLEDGED"`, `"note":"looking"`, `"actorName":"Rui Responder"`} {
		if !strings.Contains(out, want) {
			t.Errorf("updateAlert answer lacks %s: %s %+v", want, out, res.Errors)
		}
	}
	_, res = h.do(nil, `mutation($ids:[ID!]!){closeAlerts(ids:$ids){status}}`, map[string]any{"ids": []string{first.Alert.ID}}, bearer(token))
	if !strings.Contains(string(res.Data["closeAlerts"]), "CLOSED") {
		t.Fatalf("close: %s %+v", res.Data["closeAlerts"], res.Errors)
	}
}

func TestIntegrationKeyIsShownOnceOverGraphQL(t *testing.T) {
	h := newHarness(t)
	admin := h.login("admin@tocsin.local")
	svc := serviceID(t, h, admin, "Checkout")
	_, res := h.do(nil, `mutation($s:ID!){createIntegration(input:{serviceID:$s, kind:OPSGENIE, name:"Prometheus"}){key snippets{curl} integration{id url keyPrefix}}}`,
		map[string]any{"s": svc}, bearer(admin))
	var p struct {
		Key         string
		Snippets    struct{ Curl string }
		Integration struct{ ID, URL, KeyPrefix string }
	}
	if err := json.Unmarshal(res.Data["createIntegration"], &p); err != nil || p.Key == "" || !strings.Contains(p.Snippets.Curl, p.Key) {
		t.Fatalf("createIntegration: %s %+v", res.Data["createIntegration"], res.Errors)
	}
	if p.Integration.URL != "http://tocsin.test/v2/alerts" || p.Integration.KeyPrefix != p.Key[:8] {
		t.Fatalf("url/prefix: %+v", p.Integration)
	}
	_, res = h.do(nil, `query($id:ID!){node(id:$id){... on Integration{snippets{curl alertmanager}}}}`, map[string]any{"id": p.Integration.ID}, bearer(admin))
	if strings.Contains(string(res.Data["node"]), p.Key) || !strings.Contains(string(res.Data["node"]), "YOUR_INTEGRATION_KEY") {
		t.Fatalf("later reads must not show the key: %s", res.Data["node"])
	}
	responder := h.login("responder@tocsin.local")
	_, res = h.do(nil, `mutation($s:ID!){createIntegration(input:{serviceID:$s, kind:GENERIC, name:"x", mapping:{message:"body.t"}}){key}}`,
		map[string]any{"s": svc}, bearer(responder))
	if res.code() != "FORBIDDEN" {
		t.Fatalf("a responder creating an integration: want FORBIDDEN, got %+v", res.Errors)
	}
	const try = `{testGenericMapping(mapping:{message:"body.title", priority:"body.sev"}, sample:{title:"Disk", sev:"P9"}){message priority errors}}`
	_, res = h.do(nil, try, nil, bearer(admin))
	if !strings.Contains(string(res.Data["testGenericMapping"]), `"message":"Disk"`) || !strings.Contains(string(res.Data["testGenericMapping"]), "P9") {
		t.Fatalf("testGenericMapping shows the result and what is wrong: %s %+v", res.Data["testGenericMapping"], res.Errors)
	}
}

// Trying a mapping is for whoever may save one (the Integration write
// policy: admins): it ran for anonymous callers, a free JSON-mapping
// engine before sign-in.
func TestTryingAMappingIsForWhoMaySaveOne(t *testing.T) {
	h := newHarness(t)
	const try = `{testGenericMapping(mapping:{message:"body.t"}, sample:{t:"x"}){message}}`
	for who, c := range map[string]struct {
		headers map[string]string
		code    string
	}{
		"anonymous":   {nil, "UNAUTHENTICATED"},
		"responder":   {bearer(h.login("responder@tocsin.local")), "FORBIDDEN"},
		"stakeholder": {bearer(h.login("stakeholder@tocsin.local")), "FORBIDDEN"},
	} {
		_, res := h.do(nil, try, nil, c.headers)
		if res.code() != c.code || strings.Contains(string(res.Data["testGenericMapping"]), `"x"`) {
			t.Errorf("%s: want %s and no result, got %s %+v", who, c.code, res.Data["testGenericMapping"], res.Errors)
		}
	}
}
