package live_test

import (
	"encoding/json"
	"testing"
	"time"
)

// A subscriber away while an alert was linked comes back with after = the
// last id it had; the alert's story moved into the incident with older ids
// than that. The replay by id alone would skip it: it arrives once, with
// the ALERT_LINKED event, and nothing else is sent twice.
func TestReconnectAfterALinkGetsTheAlertsStoryOnce(t *testing.T) {
	bin := build(t)
	cr := newCrew(t, "Relink")
	svc, key := opsgenieService(t, cr, 0)
	a, b := serve(t, bin, "serve-a"), serve(t, bin, "serve-b")
	tok := cr.responderToken
	// The alert's story starts before the incident exists.
	alias := "relink-disk-full"
	alert := createAlert(t, b, key, alias, "Disk full on db-1")
	alertAction(t, b, key, alias, "notes", map[string]any{"note": "looking"})
	var declared struct {
		DeclareIncident struct{ ID json.RawMessage } `json:"declareIncident"`
	}
	gql(t, b, tok, `mutation($svc: ID!) { declareIncident(input: {title: "Database degraded", severity: SEV2, serviceIDs: [$svc]}) { id } }`,
		map[string]any{"svc": svc.ID}, &declared)
	inc := idOf(t, declared.DeclareIncident.ID)

	before := stored(t, inc, 0)
	first := subscribe(t, a, "responder on A", tok, inc, nil)
	got := first.next(len(before))
	first.conn.Close()
	last := got[len(got)-1].ID

	// Away: the alert is linked (its story joins with ids below last), and
	// a note follows.
	gql(t, b, tok, `mutation($id: ID!, $alert: ID!) { linkAlertsToIncident(incidentID: $id, alertIDs: [$alert]) { id } }`,
		map[string]any{"id": inc, "alert": alert}, nil)
	gql(t, b, tok, `mutation($id: ID!) { addIncidentNote(incidentID: $id, note: "linked the disk alert") { id } }`,
		map[string]any{"id": inc}, nil)
	all := stored(t, inc, 0)
	missed := len(all) - len(before)
	var story int
	for _, e := range all {
		if e.ID < last && e.Kind != "INCIDENT_DECLARED" {
			story++
		}
	}
	if story == 0 {
		t.Fatalf("the fixture should move the alert's story below %d: %v", last, all)
	}

	back := subscribe(t, a, "responder on A, reconnected", tok, inc, &last)
	again := back.next(missed)
	if got := sortedByID(append(got, again...)); !same(got, all) {
		t.Errorf("before and after the reconnect together: want each event of the timeline once %v, got %v", all, got)
	}
	back.quiet(300 * time.Millisecond)
}
