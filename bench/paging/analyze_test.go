package main

import (
	"testing"
	"time"
)

// TestAnalyzeCountsPerRecipientAndStep checks the report's arithmetic on
// made-up data: a page lost is a first-step recipient never paged, a
// duplicate is a second request for one alert, step and recipient (not a
// page of another step), and the parts are read from the right rows.
func TestAnalyzeCountsPerRecipientAndStep(t *testing.T) {
	t0 := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	sent := []sentAlert{
		{msg: "a", sent: at(0), answered: at(0.01), accepted: true},
		{msg: "b", sent: at(0), answered: at(0.01), accepted: true},
		{msg: "c", sent: at(0), answered: at(10)}, // not accepted
	}
	want := []string{"/u1", "/u2"}
	db := pageData{
		alerts: map[string]dbAlert{
			"a": {id: 10, created: at(0.005), fired: at(0.5), want: want},
			"b": {id: 11, created: at(0.005), fired: at(0.5), want: want},
		},
		deliveries: map[string]dbDelivery{
			"tocsin-delivery-1": {alertID: 10, step: 0, path: "/u1", due: at(0.5), sent: at(1)},
			"tocsin-delivery-2": {alertID: 10, step: 0, path: "/u2", due: at(0.5), sent: at(1.1)},
			"tocsin-delivery-3": {alertID: 10, step: 1, path: "/u1", due: at(60.5), sent: at(60.55)},
			"tocsin-delivery-4": {alertID: 11, step: 0, path: "/u1", due: at(0.5), sent: at(1)},
			"tocsin-delivery-5": {alertID: 11, step: 0, path: "/u2", due: at(0.5)}, // never sent: b is lost
		},
	}
	got := []receipt{
		{at: at(1.01), path: "/u1", key: "tocsin-delivery-1", message: "a"},
		{at: at(1.5), path: "/u1", key: "tocsin-delivery-1", message: "a"}, // again: a duplicate
		{at: at(1.12), path: "/u2", key: "tocsin-delivery-2", message: "a"},
		{at: at(60.56), path: "/u1", key: "tocsin-delivery-3", message: "a"}, // step 1: not a duplicate
		{at: at(1.02), path: "/u1", key: "tocsin-delivery-4", message: "b"},
		{at: at(2), path: "/u1", key: "tocsin-delivery-99", message: "other"}, // another phase's
	}
	o := analyze(sent, db, got, 2, true)
	if o.alerts != 3 || o.accepted != 2 || o.paged != 1 || o.lost != 1 || o.duplicates != 1 {
		t.Errorf("alerts %d accepted %d paged %d lost %d duplicates %d; want 3 2 1 1 1", o.alerts, o.accepted, o.paged, o.lost, o.duplicates)
	}
	if len(o.latency) != 2 || o.latency[0] != time.Second || o.latency[1] != 1010*time.Millisecond {
		t.Errorf("latency %v, want [1s 1.01s] (202 → first page of each)", o.latency)
	}
	if len(o.timers) != 1 || o.timers[0] != 50*time.Millisecond || o.missing != 3 {
		t.Errorf("timers %v, %d missing; want [50ms] and 3 missing (two alerts × a team of two, one sent)", o.timers, o.missing)
	}
	wantParts := map[int][]time.Duration{
		partSentCreated:     {5 * time.Millisecond, 5 * time.Millisecond},
		partCreatedAnswered: {5 * time.Millisecond, 5 * time.Millisecond},
		partCreatedFired:    {495 * time.Millisecond, 495 * time.Millisecond},
		partFiredSent:       {500 * time.Millisecond, 500 * time.Millisecond},
		partSentReceived:    {10 * time.Millisecond, 20 * time.Millisecond},
	}
	for i, w := range wantParts {
		if len(o.parts[i]) != len(w) || o.parts[i][0] != w[0] || o.parts[i][1] != w[1] {
			t.Errorf("part %d: %v, want %v", i, o.parts[i], w)
		}
	}
}
