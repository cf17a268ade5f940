package live_test

import (
	"encoding/json"
	"testing"
	"time"
)

// A stakeholder's incidentTimeline subscription on serve B gets what is
// written for stakeholders on serve A — severity, status changes, their
// updates, public ones — in order, and never an INTERNAL event (notes,
// internal updates, the alert's story). The schema lets every signed-in
// user read alerts (rule.Reads), so the
// stakeholder may subscribe to an alert's timeline; every alert event is
// INTERNAL, so nothing comes, while a responder's subscription on the same
// serve gets each one.
func TestStakeholdersOnAnotherServeGetOnlyWhatIsMeantForThem(t *testing.T) {
	bin := build(t)
	cr := newCrew(t, "Audience")
	svc, key := opsgenieService(t, cr, 0)
	a, b := serve(t, bin, "serve-a"), serve(t, bin, "serve-b")
	tok := cr.responderToken
	var declared struct {
		DeclareIncident struct{ ID json.RawMessage } `json:"declareIncident"`
	}
	gql(t, a, tok, `mutation($svc: ID!) {
	  declareIncident(input: {title: "Search is slow", severity: SEV2, serviceIDs: [$svc]}) { id }
	}`, map[string]any{"svc": svc.ID}, &declared)
	inc := idOf(t, declared.DeclareIncident.ID)
	alias := "audience-search-latency"
	alert := createAlert(t, a, key, alias, "Search p99 above 3 s")
	gql(t, a, tok, `mutation($id: ID!, $alert: ID!) { linkAlertsToIncident(incidentID: $id, alertIDs: [$alert]) { id } }`,
		map[string]any{"id": inc, "alert": alert}, nil)

	stake := subscribe(t, b, "stakeholder on B", cr.stakeholderToken, inc, nil)
	resp := subscribe(t, b, "responder on B", tok, inc, nil)
	stakeAlert := subscribeAlert(t, b, "stakeholder's alert timeline on B", cr.stakeholderToken, alert, nil)
	respAlert := subscribeAlert(t, b, "responder's alert timeline on B", tok, alert, nil)
	before := stored(t, inc, 0)
	if got, want := stake.next(len(visibleToStakeholders(before))), visibleToStakeholders(before); !same(got, want) {
		t.Fatalf("%s, replay: want %v (no INTERNAL of %v), got %v", stake.name, want, before, got)
	}
	if got := resp.next(len(before)); !same(got, before) {
		t.Fatalf("%s, replay: want %v, got %v", resp.name, before, got)
	}
	alertBefore := stored(t, 0, alert)
	if got := respAlert.next(len(alertBefore)); !same(got, alertBefore) {
		t.Fatalf("%s, replay: want %v, got %v", respAlert.name, alertBefore, got)
	}

	// On serve A: internal writes around the stakeholder-visible ones.
	note := func(text string) {
		gql(t, a, tok, `mutation($id: ID!, $note: String!) { addIncidentNote(incidentID: $id, note: $note) { id } }`,
			map[string]any{"id": inc, "note": text}, nil)
	}
	update := func(audience, status, message string) {
		gql(t, a, tok, `mutation($id: ID!, $m: String!, $s: IncidentStatus!, $a: StatusUpdateAudience!) {
		  postStatusUpdate(incidentID: $id, message: $m, status: $s, audience: $a) { id }
		}`, map[string]any{"id": inc, "m": message, "s": status, "a": audience}, nil)
	}
	note("Index rebuild suspected")
	update("INTERNAL", "INVESTIGATING", "Paging the search team")
	alertAction(t, a, key, alias, "notes", map[string]any{"note": "shard 3 hot"})
	update("STAKEHOLDER", "IDENTIFIED", "A hot shard; rebalancing")
	note("Rebalance at 40%")
	gql(t, a, tok, `mutation($id: ID!) { setIncidentSeverity(incidentID: $id, severity: SEV1) { id } }`,
		map[string]any{"id": inc}, nil)
	update("INTERNAL", "MONITORING", "Rebalanced, watching")
	update("PUBLIC", "RESOLVED", "Search is fast again")
	note("Postmortem on Thursday")

	written := stored(t, inc, 0)[len(before):]
	internal, visible := 0, visibleToStakeholders(written)
	for _, e := range written {
		if e.Visibility == "INTERNAL" {
			internal++
		}
	}
	if internal < 5 || len(visible) < 5 {
		t.Fatalf("the writes on A: want internal and stakeholder events both, got %v", written)
	}
	if got := resp.next(len(written)); !same(got, written) {
		t.Fatalf("%s: want every event in order %v, got %v", resp.name, written, got)
	}
	if got := stake.next(len(visible)); !same(got, visible) {
		t.Fatalf("%s: want only what stakeholders may see, in order %v, got %v", stake.name, visible, got)
	}
	alertNew := stored(t, 0, alert)[len(alertBefore):]
	if got := respAlert.next(len(alertNew)); !same(got, alertNew) {
		t.Fatalf("%s: want the alert's new events %v, got %v", respAlert.name, alertNew, got)
	}
	// The INTERNAL note written last never comes; the stakeholder's alert
	// subscription runs and stays silent.
	allQuiet(500*time.Millisecond, stake, stakeAlert, resp, respAlert)
}
