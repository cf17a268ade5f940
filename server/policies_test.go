package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tocsin/tocsin/ent/user"
)

// Admins write escalation policies over GraphQL; bad input names the field
// and stores nothing; a policy in use cannot be deleted; the preview says
// whom each step would page now.
func TestEscalationPoliciesOverGraphQL(t *testing.T) {
	h := newHarness(t)
	admin := h.login("admin@tocsin.local")
	rui := env.Client.User.Query().Where(user.Email("responder@tocsin.local")).OnlyX(viewerSystem())
	create := `mutation($in:EscalationPolicyInput!){createEscalationPolicy(input:$in){id name repeat
		steps{position delayMinutes targets{kind id name}} preview{position users{name}}}}`
	in := map[string]any{"name": "Checkout on call", "repeat": 1, "steps": []any{
		map[string]any{"delayMinutes": 5, "targets": []any{map[string]any{"kind": "USER", "id": rui.ID}}},
	}}
	_, res := h.do(nil, create, map[string]any{"in": in}, bearer(admin))
	var pol struct {
		ID    string
		Steps []struct {
			Targets []struct{ Kind, Name string }
		}
		Preview []struct {
			Users []struct{ Name string }
		}
	}
	if err := json.Unmarshal(res.Data["createEscalationPolicy"], &pol); err != nil || len(pol.Steps) != 1 ||
		pol.Steps[0].Targets[0].Name != "Rui Responder" || len(pol.Preview) != 1 || pol.Preview[0].Users[0].Name != "Rui Responder" {
		t.Fatalf("createEscalationPolicy: %s %+v", res.Data["createEscalationPolicy"], res.Errors)
	}

	for _, tc := range []struct {
		name  string
		in    map[string]any
		field string
	}{
		{"no steps", map[string]any{"name": "x", "steps": []any{}}, "steps"},
		{"unknown user", map[string]any{"name": "x", "steps": []any{map[string]any{"delayMinutes": 5,
			"targets": []any{map[string]any{"kind": "USER", "id": rui.ID + 999}}}}}, "steps[0].targets"},
		{"repeat without a delay", map[string]any{"name": "x", "repeat": 2, "steps": []any{map[string]any{"delayMinutes": 0,
			"targets": []any{map[string]any{"kind": "USER", "id": rui.ID}}}}}, "steps[0].delayMinutes"},
	} {
		_, res := h.do(nil, create, map[string]any{"in": tc.in}, bearer(admin))
		if res.code() != "BAD_USER_INPUT" || len(res.Errors) == 0 || res.Errors[0].Extensions["field"] != tc.field {
			t.Errorf("%s: want BAD_USER_INPUT on %s, got %+v", tc.name, tc.field, res.Errors)
		}
	}
	_, res = h.do(nil, `{escalationPolicies(first:10){totalCount}}`, nil, bearer(admin))
	if string(res.Data["escalationPolicies"]) != `{"totalCount":1}` {
		t.Fatalf("refused input stores nothing: %s %+v", res.Data["escalationPolicies"], res.Errors)
	}

	svc := serviceID(t, h, admin, "Checkout")
	_, res = h.do(nil, `mutation($s:ID!,$p:ID!){updateService(id:$s, input:{escalationPolicyID:$p}){escalationPolicy{name}}}`,
		map[string]any{"s": svc, "p": pol.ID}, bearer(admin))
	if !strings.Contains(string(res.Data["updateService"]), "Checkout on call") {
		t.Fatalf("a service takes the policy: %s %+v", res.Data["updateService"], res.Errors)
	}
	_, res = h.do(nil, `mutation($p:ID!){deleteEscalationPolicy(id:$p)}`, map[string]any{"p": pol.ID}, bearer(admin))
	if res.code() != "BAD_USER_INPUT" {
		t.Fatalf("deleting a policy in use: want BAD_USER_INPUT, got %+v", res.Errors)
	}

	responder := h.login("responder@tocsin.local")
	_, res = h.do(nil, create, map[string]any{"in": in}, bearer(responder))
	if res.code() != "FORBIDDEN" {
		t.Fatalf("responders read policies, admins write them: got %+v", res.Errors)
	}
}
