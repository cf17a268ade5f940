package server_test

import (
	"encoding/json"
	"testing"
)

// Whoever may read an alert reads its escalation progress (a stakeholder
// too). This server runs no paging engine, so the first step never fires:
// acknowledged, the alert was never paged and its progress is null (the
// engine's walk is pager's tests, and the browser e2e's).
func TestEscalationProgressOverGraphQL(t *testing.T) {
	h := newHarness(t)
	responder := h.login("responder@tocsin.local")
	svc := serviceID(t, h, responder, "Checkout")
	_, res := h.do(nil, `mutation($s:ID!){createAlert(input:{serviceID:$s, message:"Card payments failing", priority:P1}){alert{id}}}`,
		map[string]any{"s": svc}, bearer(responder))
	var created struct{ Alert struct{ ID string } }
	if err := json.Unmarshal(res.Data["createAlert"], &created); err != nil || created.Alert.ID == "" {
		t.Fatalf("createAlert: %s %+v", res.Data["createAlert"], res.Errors)
	}
	read := `query($id:ID!){node(id:$id){... on Alert{escalation{state step steps round rounds stoppedBy next{step round}}}}}`
	type progress struct {
		Escalation *struct {
			State                      string
			Step, Steps, Round, Rounds int
			StoppedBy                  *string
			Next                       *struct{ Step, Round int }
		}
	}
	get := func(token string) progress {
		t.Helper()
		_, res := h.do(nil, read, map[string]any{"id": created.Alert.ID}, bearer(token))
		var p progress
		if err := json.Unmarshal(res.Data["node"], &p); err != nil || len(res.Errors) > 0 {
			t.Fatalf("escalation: %s %+v", res.Data["node"], res.Errors)
		}
		return p
	}
	// Checkout has no policy of its own: its team's schedules, three rounds.
	p := get(h.login("stakeholder@tocsin.local"))
	if e := p.Escalation; e == nil || e.State != "PAGING" || e.Step != 0 || e.Steps != 1 || e.Round != 1 || e.Rounds != 3 ||
		e.Next == nil || e.Next.Step != 1 || e.Next.Round != 1 {
		t.Fatalf("a new alert: want PAGING with step 1 of round 1 next, got %+v", e)
	}
	_, res = h.do(nil, `mutation($id:ID!){acknowledgeAlerts(ids:[$id]){status}}`, map[string]any{"id": created.Alert.ID}, bearer(responder))
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	if p = get(responder); p.Escalation != nil {
		t.Fatalf("acknowledged before any step fired: want no progress, got %+v", *p.Escalation)
	}
}
