package faults_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// tally is what the provider and the sender saw for the alerts of one
// quarter (one fault), or all.
type tally struct {
	alerts, acked, pages, lost, duplicatePages, afterAck, retries int
	// resends repeat a key; resendsAtKill and resendsAtShutdown of them
	// repeat a page in flight when the worker was killed or PostgreSQL
	// went down.
	resends, resendsAtKill, resendsAtShutdown int
	// slowest is the longest wait from an alert accepted (the create
	// answered) to its first page, of the alerts not acknowledged.
	slowest time.Duration
}

func (c tally) String() string {
	return fmt.Sprintf("alerts %d, acknowledged %d, pages %d, lost %d, duplicate pages %d, transport resends %d (in flight at the worker kill %d, at a PostgreSQL shutdown %d), after acknowledge %d; sends retried %d, slowest page %.1fs",
		c.alerts, c.acked, c.pages, c.lost, c.duplicatePages, c.resends, c.resendsAtKill, c.resendsAtShutdown, c.afterAck, c.retries, c.slowest.Seconds())
}

// count tallies, by quarter of the n alerts, what the sender and the
// provider saw, and logs each alert that breaks a rule. unexplained counts
// the transport resends of pages that were not in flight at the worker
// kill or at one of the PostgreSQL shutdowns.
func count(t *testing.T, n, quarters int, created, acked map[string]time.Time, hits map[string][]hit,
	kill *fault, shutdowns ...*fault) (counts []tally, unexplained int) {
	counts = make([]tally, quarters)
	for i := range n {
		msg := fmt.Sprintf("fault-%d", i)
		if _, ok := created[msg]; !ok {
			continue
		}
		c := &counts[quarter(i, n, quarters)]
		c.alerts++
		got := hits[msg]
		if _, ok := acked[msg]; !ok && len(got) > 0 {
			c.slowest = max(c.slowest, got[0].at.Sub(created[msg]))
		}
		for _, h := range got {
			if !strings.HasPrefix(h.key, "tocsin-delivery-") {
				t.Errorf("%s: a page without the engine's delivery key (%s %q)", msg, "X-Tocsin-Delivery", h.key)
			}
		}
		shown, resends := pages(got)
		c.pages += len(got)
		ack, wasAcked := acked[msg]
		if wasAcked {
			c.acked++
			for _, h := range got {
				if h.at.After(ack) {
					c.afterAck++
					t.Logf("%s paged %v after its acknowledge was answered", msg, h.at.Sub(ack))
				}
			}
		} else if len(got) == 0 {
			c.lost++
			t.Logf("%s was accepted and never paged", msg)
		}
		if len(shown) > 1 {
			c.duplicatePages += len(shown) - 1
			t.Logf("%s paged under %d delivery keys", msg, len(shown))
		}
		for _, r := range resends {
			c.resends++
			switch {
			case inFlightAtKill(kill, r.at):
				c.resendsAtKill++
			case slices.ContainsFunc(shutdowns, func(f *fault) bool { return inFlightAtShutdown(f, r.at) }):
				c.resendsAtShutdown++
			default:
				unexplained++
				t.Logf("%s: %s sent again; first sent at %s, not in flight at the worker kill or a PostgreSQL shutdown (faults at %s)",
					msg, r.key, r.at.Format("15:04:05.000"), faultTimes(append([]*fault{kill}, shutdowns...)))
			}
		}
	}
	return counts, unexplained
}

// sum adds the quarters up.
func sum(counts []tally) tally {
	var all tally
	for _, c := range counts {
		all.alerts += c.alerts
		all.acked += c.acked
		all.pages += c.pages
		all.lost += c.lost
		all.duplicatePages += c.duplicatePages
		all.resends += c.resends
		all.resendsAtKill += c.resendsAtKill
		all.resendsAtShutdown += c.resendsAtShutdown
		all.afterAck += c.afterAck
		all.retries += c.retries
		all.slowest = max(all.slowest, c.slowest)
	}
	return all
}

// inFlightAtKill says whether a page first received at t left the killed
// worker in its last moments (2 s, for a loaded machine), before it could
// commit that it had sent it.
func inFlightAtKill(kill *fault, t time.Time) bool {
	d := kill.start.Sub(t)
	return d >= 0 && d <= 2*time.Second
}

// inFlightAtShutdown says whether a page first received at t was in flight
// when PostgreSQL went down: sent from a transaction that then could not
// commit, so the page is still planned and goes again, under its key.
func inFlightAtShutdown(f *fault, t time.Time) bool {
	return !t.Before(f.start.Add(-2*time.Second)) && !t.After(f.end)
}

func faultTimes(faults []*fault) string {
	var b strings.Builder
	for i, f := range faults {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s–%s", f.name, f.start.Format("15:04:05.000"), f.end.Format("15:04:05.000"))
	}
	return b.String()
}

// TestCountTellsDuplicatePagesFromResends checks the accounting itself on
// made-up hits, so that a run's zeros mean something.
func TestCountTellsDuplicatePagesFromResends(t *testing.T) {
	t0 := time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)
	kill := &fault{name: "kill", start: t0.Add(10 * time.Second), end: t0.Add(11 * time.Second)}
	crash := &fault{name: "crash", start: t0.Add(30 * time.Second), end: t0.Add(32 * time.Second)}
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	created := map[string]time.Time{}
	for i := range 8 {
		created[fmt.Sprintf("fault-%d", i)] = t0
	}
	acked := map[string]time.Time{"fault-5": at(20)}
	hits := map[string][]hit{
		"fault-0": {{at(1), "tocsin-delivery-1"}},
		"fault-1": {{at(9.5), "tocsin-delivery-2"}, {at(40), "tocsin-delivery-2"}},  // in flight at the kill
		"fault-2": {{at(5), "tocsin-delivery-3"}, {at(6), "tocsin-delivery-3"}},     // resent for no fault
		"fault-3": {{at(1), "tocsin-delivery-4"}, {at(2), "tocsin-delivery-5"}},     // two pages
		"fault-4": {{at(30.1), "tocsin-delivery-6"}, {at(33), "tocsin-delivery-6"}}, // in flight at the crash
		"fault-5": {{at(21), "tocsin-delivery-7"}},                                  // after the acknowledge
		// fault-6 is lost; fault-7 was paged.
		"fault-7": {{at(3), "tocsin-delivery-8"}},
	}
	counts, unexplained := count(t, 8, 1, created, acked, hits, kill, crash)
	got := sum(counts)
	want := tally{alerts: 8, acked: 1, pages: 11, lost: 1, duplicatePages: 1, afterAck: 1,
		resends: 3, resendsAtKill: 1, resendsAtShutdown: 1, slowest: 30100 * time.Millisecond}
	if got != want || unexplained != 1 {
		t.Errorf("got %s, %d unexplained\nwant %s, 1 unexplained", got, unexplained, want)
	}
}
