package server_test

import (
	"testing"
)

// TestIncidentOverGraphQL declares an incident from an alert, runs it
// through roles, updates and notes, and reads it back as a responder and
// as a stakeholder (who sees no internal update or event).
func TestIncidentOverGraphQL(t *testing.T) {
	h := newHarness(t)
	responder := h.login("responder@tocsin.local")
	stakeholder := h.login("stakeholder@tocsin.local")
	admin := h.login("admin@tocsin.local")

	var svcs struct {
		Edges []struct{ Node struct{ ID string } }
	}
	h.gql(responder, `{services(first:1){edges{node{id}}}}`, nil, "services", &svcs)
	var created struct{ Alert struct{ ID string } }
	h.gql(responder, `mutation($s:ID!){createAlert(input:{serviceID:$s, message:"Checkout 500s"}){alert{id}}}`,
		map[string]any{"s": svcs.Edges[0].Node.ID}, "createAlert", &created)

	var inc struct {
		ID, Severity, Status string
		NextUpdateDueAt      *string
		Commander            struct{ Email string }
		Alerts               struct{ TotalCount int }
	}
	h.gql(responder, `mutation($a:ID!){declareIncident(input:{title:"Checkout down", severity:SEV2, alertIDs:[$a]}){
		id severity status nextUpdateDueAt commander{email} alerts{totalCount}}}`,
		map[string]any{"a": created.Alert.ID}, "declareIncident", &inc)
	if inc.Severity != "SEV2" || inc.Status != "INVESTIGATING" || inc.NextUpdateDueAt == nil ||
		inc.Commander.Email != "responder@tocsin.local" || inc.Alerts.TotalCount != 1 {
		t.Fatalf("declared: want SEV2 investigating, due, commanded by the declarer, one alert; got %+v", inc)
	}

	var users struct {
		Edges []struct{ Node struct{ ID, Email string } }
	}
	h.gql(admin, `{users(first:50){edges{node{id email}}}}`, nil, "users", &users)
	userID := map[string]string{}
	for _, e := range users.Edges {
		userID[e.Node.Email] = e.Node.ID
	}
	var after struct {
		CommsLead    struct{ Email string }
		Stakeholders []struct{ Email string }
	}
	h.gql(responder, `mutation($i:ID!,$u:ID!){assignIncidentRole(incidentID:$i, userID:$u, role:COMMS_LEAD){commsLead{email}}}`,
		map[string]any{"i": inc.ID, "u": userID["admin@tocsin.local"]}, "assignIncidentRole", &after)
	h.gql(responder, `mutation($i:ID!,$u:ID!){addIncidentStakeholder(incidentID:$i, userID:$u){stakeholders{email}}}`,
		map[string]any{"i": inc.ID, "u": userID["stakeholder@tocsin.local"]}, "addIncidentStakeholder", &after)
	if after.Stakeholders[0].Email != "stakeholder@tocsin.local" {
		t.Fatalf("the stakeholder follows: %+v", after)
	}

	post := `mutation($i:ID!,$m:String!,$a:StatusUpdateAudience!){postStatusUpdate(incidentID:$i, message:$m, status:IDENTIFIED, audience:$a){
		id audience incident{status nextUpdateDueAt}}}`
	var up struct {
		Audience string
		Incident struct{ Status string }
	}
	h.gql(responder, post, map[string]any{"i": inc.ID, "m": "DB failover in progress", "a": "INTERNAL"}, "postStatusUpdate", &up)
	h.gql(responder, post, map[string]any{"i": inc.ID, "m": "We found the cause; a fix is rolling out.", "a": "STAKEHOLDER"}, "postStatusUpdate", &up)
	if up.Incident.Status != "IDENTIFIED" {
		t.Fatalf("the update sets the status: %+v", up)
	}
	h.gql(responder, `mutation($i:ID!){addIncidentNote(incidentID:$i, note:"replica lag 40s"){id}}`, map[string]any{"i": inc.ID}, "addIncidentNote", &struct{}{})

	read := `query($i:ID!){node(id:$i){... on Incident{statusUpdates(first:10){totalCount edges{node{message}}} timeline(first:50){edges{node{kind visibility}}}}}}`
	var seen struct {
		StatusUpdates struct{ TotalCount int }
		Timeline      struct {
			Edges []struct {
				Node struct{ Kind, Visibility string }
			}
		}
	}
	h.gql(stakeholder, read, map[string]any{"i": inc.ID}, "node", &seen)
	if seen.StatusUpdates.TotalCount != 1 {
		t.Fatalf("a stakeholder reads the one stakeholder update, got %d", seen.StatusUpdates.TotalCount)
	}
	for _, e := range seen.Timeline.Edges {
		if e.Node.Visibility == "INTERNAL" {
			t.Fatalf("a stakeholder saw an internal event: %+v", e.Node)
		}
	}
	h.gql(responder, read, map[string]any{"i": inc.ID}, "node", &seen)
	if seen.StatusUpdates.TotalCount != 2 {
		t.Fatalf("a responder reads both updates, got %d", seen.StatusUpdates.TotalCount)
	}

	_, res := h.do(nil, post, map[string]any{"i": inc.ID, "m": "  ", "a": "PUBLIC"}, bearer(responder))
	if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "message" {
		t.Fatalf("an empty update: want BAD_USER_INPUT on message, got %+v", res.Errors)
	}
	_, res = h.do(nil, post, map[string]any{"i": inc.ID, "m": "hello", "a": "PUBLIC"}, bearer(stakeholder))
	if res.code() != "FORBIDDEN" {
		t.Fatalf("a stakeholder posting: want FORBIDDEN, got %+v", res.Errors)
	}
	_, res = h.do(nil, `mutation($i:ID!,$u:ID!){addIncidentResponder(incidentID:$i, userID:$u){id}}`,
		map[string]any{"i": inc.ID, "u": userID["stakeholder@tocsin.local"]}, bearer(responder))
	if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "userID" {
		t.Fatalf("paging a stakeholder: want BAD_USER_INPUT on userID, got %+v", res.Errors)
	}
	var lvl struct{ UpdateCadenceMinutes int }
	h.gql(admin, `mutation{updateSeverityLevel(level:SEV2, updateCadenceMinutes:45){updateCadenceMinutes}}`, nil, "updateSeverityLevel", &lvl)
	if lvl.UpdateCadenceMinutes != 45 {
		t.Fatalf("an admin sets the cadence, got %+v", lvl)
	}
	_, res = h.do(nil, `mutation{updateSeverityLevel(level:SEV2, updateCadenceMinutes:45){id}}`, nil, bearer(responder))
	if res.code() != "FORBIDDEN" {
		t.Fatalf("a responder changing a severity level: want FORBIDDEN, got %+v", res.Errors)
	}
}
