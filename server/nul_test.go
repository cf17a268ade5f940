package server_test

import (
	"strings"
	"testing"
)

// A NUL (\u0000) in any GraphQL input, a variable or a literal, at any
// depth, is BAD_USER_INPUT naming the input, and changes nothing; the
// database's own words ("pq: invalid byte sequence…") are never shown.
func TestNULInGraphQLInputIsBadUserInputNamingIt(t *testing.T) {
	h := newHarness(t)
	token := h.login("admin@tocsin.local")
	cases := []struct {
		name, query string
		vars        map[string]any
		field       string
	}{
		{"a variable", `mutation($n:String!){createTeam(input:{name:$n}){id}}`, map[string]any{"n": "Pay\x00ments"}, "$n"},
		{"a field of an input variable", `mutation($in:CreateTeamInput!){createTeam(input:$in){id}}`,
			map[string]any{"in": map[string]any{"name": "Pay\x00ments"}}, "$in.name"},
		{"a literal", `mutation{createTeam(input:{name:"Pay\u0000ments"}){id}}`, nil, "createTeam.input.name"},
		{"a filter", `{alerts(first:1,where:{messageContains:"\u0000"}){totalCount}}`, nil, "alerts.where.messageContains"},
		{"a list item of a filter", `query($m:[String!]){alerts(first:1,where:{messageIn:$m}){totalCount}}`,
			map[string]any{"m": []any{"ok", "n\x00"}}, "$m[1]"},
		{"a Map value", `{testGenericMapping(mapping:{message:"body.a"},sample:{a:"x\u0000"}){message}}`, nil, "testGenericMapping.sample.a"},
		{"a login before sign-in", `mutation($e:String!){login(email:$e,password:"x"){token}}`, map[string]any{"e": "ada\x00@example.com"}, "$e"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			teams := env.Client.Team.Query().CountX(viewerSystem())
			_, res := h.do(nil, c.query, c.vars, bearer(token))
			if len(res.Errors) != 1 || res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != c.field ||
				!strings.Contains(res.Errors[0].Message, "NUL character") || strings.Contains(res.Errors[0].Message, "pq:") {
				t.Fatalf("want one BAD_USER_INPUT naming %s and the NUL, got %+v", c.field, res.Errors)
			}
			if n := env.Client.Team.Query().CountX(viewerSystem()); n != teams {
				t.Fatalf("a refused operation changed something: %d teams → %d", teams, n)
			}
		})
	}
}
