package faults_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// tally is what the provider and the sender saw for the alerts of one
// fault (or the storm, or all).
type tally struct {
	alerts, acked, pages, lost, duplicatePages, afterAck, retries int
	// wrong counts first steps that paged other people than the schedule
	// had on call (pagingfix.Fixture.FirstStepRecipients).
	wrong int
	// resends repeat a key; resendsAtKill and resendsAtShutdown of them
	// repeat a page in flight when the worker was killed or PostgreSQL
	// went down.
	resends, resendsAtKill, resendsAtShutdown int
	// slowest is the longest wait from an alert accepted (the create
	// answered) to its first page, of the alerts not acknowledged.
	slowest time.Duration
}

func (c tally) String() string {
	return fmt.Sprintf("alerts %d, acknowledged %d, pages %d, lost %d, duplicate pages %d, wrong recipients %d, transport resends %d (in flight at the worker kill %d, at a PostgreSQL shutdown %d), after acknowledge %d; sends retried %d, slowest first page %.1fs",
		c.alerts, c.acked, c.pages, c.lost, c.duplicatePages, c.wrong, c.resends, c.resendsAtKill, c.resendsAtShutdown, c.afterAck, c.retries, c.slowest.Seconds())
}

// sentAlert is one alert the test sent, and the tally it counts in.
type sentAlert struct {
	msg    string
	bucket int
}

// position is a page's step: its deliveries row's round and step.
type position struct{ round, step int }

// firstStep is whom an alert's first step had to page (paths), or why
// it paged the wrong people.
type firstStep struct {
	want  []string
	wrong string
}

// count tallies, by bucket, what the sender and the provider saw, and logs
// each alert that breaks a rule. steps gives each delivery key's step
// (from PostgreSQL); first, each alert's first step (missing: it never
// fired). unexplained counts the transport resends of pages that were not
// in flight at the worker kill or at one of the PostgreSQL shutdowns.
func count(t *testing.T, sent []sentAlert, buckets int, created, acked map[string]time.Time, hits map[string][]hit,
	steps map[string]position, first map[string]firstStep, kill *fault, shutdowns ...*fault) (counts []tally, unexplained int) {
	counts = make([]tally, buckets)
	for _, s := range sent {
		msg := s.msg
		if _, ok := created[msg]; !ok {
			continue
		}
		c := &counts[s.bucket]
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
		fs, fired := first[msg]
		if fired && fs.wrong != "" {
			c.wrong++
			t.Logf("%s: its first step %s", msg, fs.wrong)
		}
		if wasAcked {
			c.acked++
			for _, h := range got {
				if h.at.After(ack) {
					c.afterAck++
					t.Logf("%s paged %v after its acknowledge was answered", msg, h.at.Sub(ack))
				}
			}
		} else if missing := notPaged(shown, steps, fs.want); !fired || len(missing) > 0 {
			c.lost++
			if !fired {
				t.Logf("%s was accepted and its first step never fired", msg)
			} else {
				t.Logf("%s was accepted and %s of its first step's recipients never paged", msg, strings.Join(missing, ", "))
			}
		}
		// A recipient paged under more than one key for one step.
		keys := map[string]int{}
		for _, h := range shown {
			p, ok := steps[h.key]
			if !ok {
				p = position{-1, -1} // not in PostgreSQL: compareSent says so
			}
			keys[fmt.Sprintf("%s round %d step %d", h.path, p.round, p.step)]++
		}
		for who, n := range keys {
			if n > 1 {
				c.duplicatePages += n - 1
				t.Logf("%s paged %s under %d delivery keys", msg, who, n)
			}
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

// notPaged is who of want (paths) got no page of the first step (round 0,
// step 0) among shown.
func notPaged(shown []hit, steps map[string]position, want []string) []string {
	var missing []string
	for _, w := range want {
		if !slices.ContainsFunc(shown, func(h hit) bool { return h.path == w && steps[h.key] == position{0, 0} }) {
			missing = append(missing, w)
		}
	}
	return missing
}

// sum adds the tallies up.
func sum(counts []tally) tally {
	var all tally
	for _, c := range counts {
		all.alerts += c.alerts
		all.acked += c.acked
		all.pages += c.pages
		all.lost += c.lost
		all.duplicatePages += c.duplicatePages
		all.wrong += c.wrong
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
// worker in its last moments (2 s, for a loaded machine), or between the
// signal and its death, before it could commit that it had sent it.
func inFlightAtKill(kill *fault, t time.Time) bool {
	d := kill.start.Sub(t)
	return d >= 0 && d <= 2*time.Second || !t.Before(kill.start) && !t.After(kill.dead)
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
// made-up hits, so that a run's zeros mean something: several recipients
// per alert, and steps.
func TestCountTellsDuplicatePagesFromResends(t *testing.T) {
	t0 := time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)
	kill := &fault{name: "kill", start: t0.Add(10 * time.Second), end: t0.Add(11 * time.Second)}
	crash := &fault{name: "crash", start: t0.Add(30 * time.Second), end: t0.Add(32 * time.Second)}
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	created := map[string]time.Time{}
	var sent []sentAlert
	for i := range 11 {
		msg := fmt.Sprintf("fault-%d", i)
		created[msg] = t0
		sent = append(sent, sentAlert{msg: msg})
	}
	acked := map[string]time.Time{"fault-5": at(20)}
	// Every first step had to page /u1 and /u2; fault-9's paged /u3 too
	// (the round robin's pick).
	first := map[string]firstStep{}
	for _, s := range sent {
		first[s.msg] = firstStep{want: []string{"/u1", "/u2"}}
	}
	first["fault-9"] = firstStep{want: []string{"/u1", "/u2", "/u3"}}
	delete(first, "fault-6")                                                               // its step never fired
	first["fault-10"] = firstStep{want: []string{"/u1", "/u2"}, wrong: "did not page /u4"} // the engine left someone out
	steps := map[string]position{}
	for i := 1; i <= 30; i++ {
		steps[fmt.Sprintf("tocsin-delivery-%d", i)] = position{0, 0}
	}
	steps["tocsin-delivery-20"] = position{0, 1}
	pair := func(s float64, k1, k2 int) []hit {
		return []hit{{at(s), fmt.Sprintf("tocsin-delivery-%d", k1), "/u1"}, {at(s), fmt.Sprintf("tocsin-delivery-%d", k2), "/u2"}}
	}
	hits := map[string][]hit{
		"fault-0":  pair(1, 1, 2),
		"fault-1":  append(pair(9.5, 3, 4), hit{at(40), "tocsin-delivery-3", "/u1"}),     // in flight at the kill
		"fault-2":  append(pair(5, 5, 6), hit{at(6), "tocsin-delivery-5", "/u1"}),        // resent for no fault
		"fault-3":  append(pair(1, 7, 8), hit{at(2), "tocsin-delivery-9", "/u1"}),        // /u1 paged twice for step 0
		"fault-4":  append(pair(30.1, 10, 11), hit{at(33), "tocsin-delivery-10", "/u1"}), // in flight at the crash
		"fault-5":  pair(21, 12, 13),                                                     // after the acknowledge
		"fault-7":  {{at(3), "tocsin-delivery-14", "/u1"}},                               // /u2, on call, never paged: lost
		"fault-8":  append(pair(2, 15, 16), hit{at(62), "tocsin-delivery-20", "/u1"}),    // step 1 paged /u1 again: fine
		"fault-9":  append(pair(2, 17, 18), hit{at(2), "tocsin-delivery-19", "/u3"}),     // all three
		"fault-10": pair(2, 21, 22),                                                      // paged, but the wrong people
	}
	// fault-6 is lost: its first step never fired.
	counts, unexplained := count(t, sent, 1, created, acked, hits, steps, first, kill, crash)
	got := sum(counts)
	want := tally{alerts: 11, acked: 1, pages: 25, lost: 2, duplicatePages: 1, afterAck: 2, wrong: 1,
		resends: 3, resendsAtKill: 1, resendsAtShutdown: 1, slowest: 30100 * time.Millisecond}
	if got != want || unexplained != 1 {
		t.Errorf("got %s, %d unexplained\nwant %s, 1 unexplained", got, unexplained, want)
	}
}
