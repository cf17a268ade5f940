package server_test

import (
	"encoding/json"
	"testing"
)

// Whoever may read an alert reads its escalation progress (a stakeholder
// too); an acknowledge shows as paging stopped, by whom.
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
		if err := json.Unmarshal(res.Data["node"], &p); err != nil || p.Escalation == nil {
			t.Fatalf("escalation: %s %+v", res.Data["node"], res.Errors)
		}
		return p
	}
	// Checkout has no policy of its own: its team's schedules, three rounds.
	p := get(h.login("stakeholder@tocsin.local"))
	if e := p.Escalation; e.State != "PAGING" || e.Step != 0 || e.Steps != 1 || e.Round != 1 || e.Rounds != 3 ||
		e.Next == nil || e.Next.Step != 1 || e.Next.Round != 1 {
		t.Fatalf("a new alert: want PAGING with step 1 of round 1 next, got %+v (next %+v)", *e, e.Next)
	}
	_, res = h.do(nil, `mutation($id:ID!){acknowledgeAlerts(ids:[$id]){status}}`, map[string]any{"id": created.Alert.ID}, bearer(responder))
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	p = get(responder)
	if e := p.Escalation; e.State != "ACKNOWLEDGED" || e.StoppedBy == nil || *e.StoppedBy != "Rui Responder" || e.Next != nil {
		t.Fatalf("acknowledged: want ACKNOWLEDGED by Rui Responder and nothing next, got %+v", *e)
	}
}
