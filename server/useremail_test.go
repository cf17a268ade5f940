package server_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tocsin/tocsin/internal/seed"
)

// What a stakeholder may see of other people: their name (on timelines,
// rosters, status updates), never how to reach them. Their own e-mail they
// see. The rule lives in the data layer (ent/rule.Reads), so every read path
// agrees: the field, wherever the user is reached from; filters on it; and
// the order by it, whose cursors carry the value.
func TestStakeholderSeesOnlyTheirOwnEmail(t *testing.T) {
	h := newHarness(t)
	seedUnreadable(t)
	const own = "stakeholder@tocsin.local"
	var others []string
	for _, u := range seed.DemoUsers {
		if u.Email != own {
			others = append(others, u.Email)
		}
	}
	rid := h.userID(t, "responder@tocsin.local")
	reads := `query($r: ID!){
		viewer { email }
		users(orderBy: {field: EMAIL}) { totalCount edges { cursor node { name email } } }
		teams { edges { node { members { edges { node { email } } } } } }
		incidents { edges { node {
			members { user { email } }
			statusUpdates { edges { node { author { email } } } }
			timeline { edges { node { actor { email } } } }
			alerts { edges { node { owner { email } acknowledgedBy { email } } } }
		} } }
		node(id: $r) { ... on User { name email } }
	}`
	answer := func(token string) string {
		_, res := h.do(nil, reads, map[string]any{"r": rid}, bearer(token))
		if len(res.Errors) > 0 {
			t.Fatalf("reading people: %+v", res.Errors)
		}
		raw, _ := json.Marshal(res.Data)
		text := string(raw)
		// The cursors of users ordered by e-mail carry the e-mail.
		var users struct {
			Edges []struct{ Cursor string }
		}
		_ = json.Unmarshal(res.Data["users"], &users)
		for _, e := range users.Edges {
			c, _ := base64.StdEncoding.DecodeString(e.Cursor)
			text += " " + string(c)
		}
		return text
	}

	asStakeholder := answer(h.login(own))
	for _, e := range others {
		if strings.Contains(asStakeholder, e) {
			t.Errorf("a stakeholder reads %s's e-mail: %s", e, asStakeholder)
		}
	}
	if !strings.Contains(asStakeholder, `"viewer":{"email":"`+own+`"}`) {
		t.Errorf("a stakeholder no longer reads their own e-mail: %s", asStakeholder)
	}
	if !strings.Contains(asStakeholder, "Rui Responder") {
		t.Errorf("a stakeholder no longer reads other people's names: %s", asStakeholder)
	}
	// Responders page and manage these people: they see every address.
	if asResponder := answer(h.login("responder@tocsin.local")); !strings.Contains(asResponder, "admin@tocsin.local") {
		t.Errorf("a responder no longer reads the others' e-mail: %s", asResponder)
	}

	stakeholder := h.login(own)
	// Only their own address matches, whatever the filter.
	for f, want := range map[string]int{`{emailContains: "@"}`: 1, `{emailHasPrefix: "r"}`: 0,
		`{emailEqualFold: "ADMIN@tocsin.local"}`: 0, `{or: [{emailContainsFold: "ADMIN"}, {emailHasSuffix: ".local"}]}`: 1,
		`{quietHoursStartNotNil: true}`: 0} {
		_, res := h.do(nil, `{users(where: `+f+`){totalCount}}`, nil, bearer(stakeholder))
		if len(res.Errors) > 0 || totalCounts(res.Data) != want {
			t.Errorf("users(where: %s) as a stakeholder: %d users (%+v), want %d", f, totalCounts(res.Data), res.Errors, want)
		}
	}
}
