package live_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"
)

const alertsChangedQuery = `subscription($svc: ID!) {
  alertsChanged(filter: {status: [ACKED], serviceID: $svc}) { id status }
}`

// An alert opened through the Opsgenie door of serve A is paged by a
// `tocsin worker` process (a real webhook to a receiver here), and the
// timeline events the worker writes — ESCALATION_STEP, PAGE_SENT — reach
// alertTimeline subscribers on serve A and serve B; the acknowledge sent
// through serve B's Opsgenie door reaches both timelines and the
// alertsChanged(ACKED) subscribers on both, and nothing is paged after it.
func TestWorkerPagesReachAlertSubscribersOnBothServes(t *testing.T) {
	bin := build(t)
	cr := newCrew(t, "Pager")
	hook := newReceiver(t)
	svc, key := opsgenieService(t, cr, pagedByWebhook(t, cr.responder, hook.URL+"/page"))
	a, b := serve(t, bin, "serve-a"), serve(t, bin, "serve-b")
	tok := cr.responderToken
	changed := []*subscriber{
		subscribeTo(t, a, "alertsChanged(ACKED) on A", tok, "alertsChanged", alertsChangedQuery, map[string]any{"svc": svc.ID}),
		subscribeTo(t, b, "alertsChanged(ACKED) on B", tok, "alertsChanged", alertsChangedQuery, map[string]any{"svc": svc.ID}),
	}

	// No worker runs yet: serve A opens the alert and queues its first
	// step; the subscribers start with its story so far.
	alias := "pager-payments-timeouts"
	alert := createAlert(t, a, key, alias, "Payments API timeouts")
	timelines := []*subscriber{
		subscribeAlert(t, a, "alert timeline on A", tok, alert, nil),
		subscribeAlert(t, b, "alert timeline on B", tok, alert, nil),
	}
	before := stored(t, 0, alert)
	for _, s := range timelines {
		if got := s.next(len(before)); !same(got, before) {
			t.Fatalf("%s, before the worker runs: want %v, got %v", s.name, before, got)
		}
	}

	worker(t, bin, "worker")
	if p := hook.next(t, 20*time.Second); p.alertID != alert {
		t.Fatalf("the page the worker sent: want alert %d, got %+v", alert, p)
	}
	paged := waitStored(t, alert, "PAGE_SENT", 10*time.Second)[len(before):]
	if kinds := kindsOf(paged); !slices.Contains(kinds, "ESCALATION_STEP") || !slices.Contains(kinds, "PAGE_SENT") {
		t.Fatalf("what the worker wrote on the alert's timeline: want ESCALATION_STEP and PAGE_SENT, got %v", paged)
	}
	t.Logf("before the worker: %v; the worker wrote: %v", before, paged)
	for _, s := range timelines {
		got, err := s.take(len(paged), 5*time.Second)
		if err == nil {
			err = arrivedInOrder(got, paged, before[len(before)-1].ID)
		}
		if err != nil {
			t.Fatalf("%s, what the worker wrote: want %v: %v", s.name, paged, err)
		}
	}

	// The acknowledge, through the other serve's Opsgenie door.
	alertAction(t, b, key, alias, "acknowledge", map[string]any{"note": "looking"})
	all := stored(t, 0, alert)
	acked := all[len(before)+len(paged):]
	if kinds := kindsOf(acked); !slices.Contains(kinds, "ACKNOWLEDGED") {
		t.Fatalf("after the acknowledge: want ACKNOWLEDGED on the alert's timeline, got %v", acked)
	}
	t.Logf("the acknowledge wrote: %v", acked)
	for _, s := range timelines {
		got, err := s.take(len(acked), 5*time.Second)
		if err == nil {
			err = arrivedInOrder(got, acked, paged[len(paged)-1].ID)
		}
		if err != nil {
			t.Fatalf("%s, the acknowledge: want %v: %v", s.name, acked, err)
		}
	}
	for _, s := range changed {
		var got struct {
			ID     json.RawMessage `json:"id"`
			Status string          `json:"status"`
		}
		// The first message: nothing the worker changed before was ACKED.
		if err := json.Unmarshal(s.message(5*time.Second), &got); err != nil {
			t.Fatal(err)
		}
		if idOf(t, got.ID) != alert || got.Status != "ACKED" {
			t.Fatalf("%s: want alert %d ACKED, got %s %s", s.name, alert, got.ID, got.Status)
		}
	}
	// Nothing more on the timelines, and no page after the acknowledge.
	allQuiet(500*time.Millisecond, timelines...)
	hook.none(t)
}

// page is one webhook page the receiver got.
type page struct {
	alertID  int
	delivery string
}

// receiver is the on-call person's webhook endpoint.
type receiver struct {
	*httptest.Server
	pages chan page
}

func newReceiver(t *testing.T) *receiver {
	t.Helper()
	r := &receiver{pages: make(chan page, 16)}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		var body struct {
			Event string `json:"event"`
			Alert struct {
				ID int `json:"id"`
			} `json:"alert"`
		}
		if req.Method != http.MethodPost || req.URL.Path != "/page" || json.Unmarshal(b, &body) != nil || body.Event != "alert.page" {
			t.Errorf("receiver: want a POST /page of an alert.page, got %s %s %s", req.Method, req.URL.Path, b)
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		r.pages <- page{alertID: body.Alert.ID, delivery: req.Header.Get("X-Tocsin-Delivery")}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.Close)
	return r
}

// next waits up to d for a page.
func (r *receiver) next(t *testing.T, d time.Duration) page {
	t.Helper()
	select {
	case p := <-r.pages:
		return p
	case <-time.After(d):
		t.Fatalf("receiver: want a page within %v, got none", d)
		return page{}
	}
}

// none checks that no further page came.
func (r *receiver) none(t *testing.T) {
	t.Helper()
	select {
	case p := <-r.pages:
		t.Fatalf("receiver: want no more pages, got %+v", p)
	default:
	}
}

// waitStored polls the alert's stored timeline until it holds an event of
// kind (the worker may still be committing it after the provider answered).
func waitStored(t *testing.T, alert int, kind string, d time.Duration) []event {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		all := stored(t, 0, alert)
		if slices.Contains(kindsOf(all), kind) {
			return all
		}
		if time.Now().After(deadline) {
			t.Fatalf("alert %d: want a %s event within %v, got %v", alert, kind, d, all)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func kindsOf(es []event) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, e.Kind)
	}
	return out
}
