package live_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// Everything written through the real doors of a third `tocsin serve` —
// GraphQL mutations over HTTP and the Opsgenie Alert API — reaches the
// incident-timeline subscribers on serve A and serve B, each event once, in
// the order the doors wrote them; stakeholders get only what is meant for
// them; a subscriber that drops out and comes back with `after` gets what
// it missed once; and a new subscriber reads the same timeline.
func TestRealDoorsOfAThirdServeReachBothServesInOrder(t *testing.T) {
	bin := build(t)
	cr := newCrew(t, "Doors")
	// No policy: nobody is paged here (worker_test.go pages).
	svc, key := opsgenieService(t, cr, 0)
	a, b, door := serve(t, bin, "serve-a"), serve(t, bin, "serve-b"), serve(t, bin, "serve-c (the door)")
	tok := cr.responderToken
	var declared struct {
		DeclareIncident struct{ ID json.RawMessage } `json:"declareIncident"`
	}
	gql(t, door, tok, `mutation($svc: ID!) {
	  declareIncident(input: {title: "Checkout is failing", severity: SEV3, serviceIDs: [$svc]}) { id }
	}`, map[string]any{"svc": svc.ID}, &declared)
	inc := idOf(t, declared.DeclareIncident.ID)

	responders := []*subscriber{
		subscribe(t, a, "responder on A", tok, inc, nil),
		subscribe(t, b, "responder on B", tok, inc, nil),
	}
	stakeholders := []*subscriber{
		subscribe(t, a, "stakeholder on A", cr.stakeholderToken, inc, nil),
		subscribe(t, b, "stakeholder on B", cr.stakeholderToken, inc, nil),
	}
	l := &ledger{incident: inc, seen: map[int]bool{}}
	// What each subscriber has received, to compare with PostgreSQL at the end.
	received := map[*subscriber][]event{}
	expect := func(what string, batch []event, floor int, subs ...*subscriber) {
		t.Helper()
		for _, s := range subs {
			want := batch
			if strings.HasPrefix(s.name, "stakeholder") {
				want = visibleToStakeholders(batch)
			}
			got, err := s.take(len(want), 5*time.Second)
			if err == nil {
				err = arrivedInOrder(got, want, floor)
			}
			if err != nil {
				t.Fatalf("%s, %s: want %v: %v", s.name, what, want, err)
			}
			received[s] = append(received[s], got...)
		}
	}
	// The declaration is the replay: it was written before anyone subscribed.
	batch, floor := l.step(t)
	expect("the declaration (replayed)", batch, floor, append(responders, stakeholders...)...)

	alias := "doors-checkout-5xx"
	var alert int
	note := func(text string) func() {
		return func() {
			gql(t, door, tok, `mutation($id: ID!, $note: String!) { addIncidentNote(incidentID: $id, note: $note) { id } }`,
				map[string]any{"id": inc, "note": text}, nil)
		}
	}
	update := func(audience, status, message string) func() {
		return func() {
			gql(t, door, tok, `mutation($id: ID!, $m: String!, $s: IncidentStatus!, $a: StatusUpdateAudience!) {
			  postStatusUpdate(incidentID: $id, message: $m, status: $s, audience: $a) { id }
			}`, map[string]any{"id": inc, "m": message, "s": status, "a": audience}, nil)
		}
	}
	steps := []struct {
		what string
		do   func()
	}{
		{"an internal note (GraphQL addIncidentNote)", note("Error rate doubled at 14:02")},
		{"an alert opened through the Opsgenie door, not yet in the incident", func() {
			alert = createAlert(t, door, key, alias, "Checkout 5xx above 2%")
		}},
		// Between the alert's creation and its link: its story joins the
		// timeline later, with ids below this event's.
		{"the severity raised (GraphQL setIncidentSeverity)", func() {
			gql(t, door, tok, `mutation($id: ID!) { setIncidentSeverity(incidentID: $id, severity: SEV1) { id } }`,
				map[string]any{"id": inc}, nil)
		}},
		{"the alert linked (GraphQL linkAlertsToIncident)", func() {
			gql(t, door, tok, `mutation($id: ID!, $alert: ID!) { linkAlertsToIncident(incidentID: $id, alertIDs: [$alert]) { id } }`,
				map[string]any{"id": inc, "alert": alert}, nil)
		}},
		{"the alert acknowledged through the Opsgenie door", func() {
			alertAction(t, door, key, alias, "acknowledge", map[string]any{"note": "on it"})
		}},
		{"a stakeholder update (GraphQL postStatusUpdate)", update("STAKEHOLDER", "IDENTIFIED", "A bad deploy; rolling back")},
		{"a note on the alert through the Opsgenie door", func() {
			alertAction(t, door, key, alias, "notes", map[string]any{"note": "rollback started"})
		}},
		{"an internal update (GraphQL postStatusUpdate)", update("INTERNAL", "MONITORING", "Rollback done, watching")},
		{"the alert closed through the Opsgenie door", func() { alertAction(t, door, key, alias, "close", nil) }},
		{"a public update resolving the incident", update("PUBLIC", "RESOLVED", "Checkout works again")},
	}
	// The responder on B drops out for a while and comes back with after.
	const dropAfter, backAfter = 5, 8
	var back *subscriber
	var missed []event
	for i, st := range steps {
		st.do()
		batch, floor := l.step(t)
		subs := append([]*subscriber{responders[0]}, stakeholders...)
		switch {
		case i < dropAfter:
			subs = append(subs, responders[1])
		case i < backAfter:
			missed = append(missed, batch...)
		default:
			subs = append(subs, back)
		}
		expect(st.what, batch, floor, subs...)
		if i == dropAfter-1 {
			responders[1].conn.Close()
		}
		if i == backAfter-1 {
			got := received[responders[1]]
			last := got[len(got)-1].ID
			back = subscribe(t, b, "responder on B, reconnected", tok, inc, &last)
			expect(fmt.Sprintf("the %d events missed while away (after %d)", len(missed), last), missed, last, back)
		}
	}

	// Each event once, on every serve: together what each subscriber got is
	// the timeline PostgreSQL holds (the reconnected responder's two
	// subscriptions together); a new subscriber reads the same.
	all := stored(t, inc, 0)
	received[back] = append(received[responders[1]], received[back]...)
	for _, s := range append([]*subscriber{responders[0], back}, stakeholders...) {
		want := all
		if strings.HasPrefix(s.name, "stakeholder") {
			want = visibleToStakeholders(all)
		}
		if got := sortedByID(received[s]); !same(got, want) {
			t.Errorf("%s: want each event of the timeline once %v, got %v", s.name, want, got)
		}
	}
	fresh := subscribe(t, b, "a new responder subscription on B", tok, inc, nil)
	if got := fresh.next(len(all)); !same(got, all) {
		t.Errorf("%s: want the stored timeline %v, got %v", fresh.name, all, got)
	}
	kinds := map[string]bool{}
	for _, e := range all {
		kinds[e.Kind] = true
	}
	for _, k := range []string{"INCIDENT_DECLARED", "NOTE_ADDED", "CREATED", "SEVERITY_CHANGED", "ALERT_LINKED",
		"ACKNOWLEDGED", "STATUS_CHANGED", "STATUS_UPDATE", "CLOSED"} {
		if !kinds[k] {
			t.Errorf("the doors wrote no %s event on the incident's timeline: %v", k, all)
		}
	}
	allQuiet(300*time.Millisecond, append([]*subscriber{fresh, responders[0], back}, stakeholders...)...)
}

// ledger follows the incident's timeline in PostgreSQL: step returns the
// events that joined it since the last step, in id order, and the highest
// id before them.
type ledger struct {
	incident int
	seen     map[int]bool
	max      int
}

func (l *ledger) step(t *testing.T) (batch []event, floor int) {
	t.Helper()
	floor = l.max
	for _, e := range stored(t, l.incident, 0) {
		if !l.seen[e.ID] {
			l.seen[e.ID] = true
			batch = append(batch, e)
			l.max = max(l.max, e.ID)
		}
	}
	return batch, floor
}

// arrivedInOrder checks that got holds each event of want once, the new
// ones (ids above floor) in id order. Events with lower ids are older
// entries that joined the timeline with this step (an alert's story when
// it is linked): they come once, anywhere among the step's events.
func arrivedInOrder(got, want []event, floor int) error {
	if !same(sortedByID(got), sortedByID(want)) {
		return fmt.Errorf("want each of %v once, got %v", want, got)
	}
	last := floor
	for _, e := range got {
		if e.ID <= floor {
			continue
		}
		if e.ID < last {
			return fmt.Errorf("want the new events in the order written %v, got %v", want, got)
		}
		last = e.ID
	}
	return nil
}

func sortedByID(es []event) []event {
	out := slices.Clone(es)
	slices.SortFunc(out, func(a, b event) int { return a.ID - b.ID })
	return out
}
