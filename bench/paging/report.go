package main

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/tocsin/tocsin/bench/internal/machine"
)

// report is the run's outcome, as markdown.
type report struct {
	o       options
	started time.Time
	env     *benchEnv
	phases  []*phase
	storm   *stormPhase
}

func (r *report) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	e := r.env
	p("## Paging benchmark, %s UTC\n\n", r.started.UTC().Format("2006-01-02 15:04"))
	p("- machine: %d cores (%s), %s/%s, %s\n", runtime.NumCPU(), machine.CPUModel(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	p("- PostgreSQL %s (%s); raw INSERT right before: **%s**; load average %s before it, %s after\n",
		e.pgVersion, e.pgSettings, e.raw, e.loadBeforeRaw, e.loadAt)
	p("- `tocsin all` on a scratch database; internal/pagingfix: %d responders with a webhook each to this tool's receiver, "+
		"schedule (daily rotation of %d, an override adding a fourth), policy: step 0 → the schedule and a round robin of the team, "+
		"step 1 after %v → the whole team, repeat once after 30 min (after the run)\n", len(e.fix.Responders), len(e.fix.Rotation), step1After)
	p("- latency: accepted (202) → first page at the receiver")
	if len(r.phases) > 0 {
		p("; Opsgenie creates at a fixed rate (open loop), %v per rate", r.o.d)
	}
	if r.storm != nil {
		p("; the storm's alerts from their request's answer")
	}
	p("\n\n")

	all := r.all()
	p("| phase | load average before → after | alerts | paged | lost | duplicates | p50 | p90 | p99 | max |\n")
	p("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, ph := range all {
		o := ph.out
		p("| %s | %s → %s | %d | %d | %d | %d | %s | %s | %s | %s |\n", ph.name, ph.loadBefore, ph.loadAfter,
			o.alerts, o.paged, o.lost, o.duplicates, at(o.latency, 50), at(o.latency, 90), at(o.latency, 99), at(o.latency, 100))
	}
	for _, ph := range all {
		if n := ph.out.alerts - ph.out.accepted; n > 0 {
			p("\n%s: %d alerts not accepted (no 202).\n", ph.name, n)
		}
		if ph.out.wrong > 0 {
			p("\n%s: %d first steps paged other people than the schedule had on call, e.g. %s.\n", ph.name, ph.out.wrong, ph.out.wrongSample)
		}
	}

	p("\nWhere the time goes, p50 / p99 per alert (PostgreSQL: `alerts.created_at`, set in the create statement; the first step's " +
		"`ESCALATION_STEP` event, the step transaction's clock; the first page's `deliveries.sent_at`, taken before the send). " +
		"Accepted → first page ≈ created → step fired + step fired → sent_at + sent_at → received − created → 202:\n\n")
	p("| phase | request sent → created_at | created_at → 202 | created_at → step fired | step fired → first sent_at | sent_at → received |\n")
	p("| --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, ph := range all {
		p("| %s", ph.name)
		for _, xs := range ph.out.parts {
			p(" | %s / %s", at(xs, 50), at(xs, 99))
		}
		p(" |\n")
	}

	p("\nWhat Tocsin's PostgreSQL backends were doing from the first alert sent to the first pages out (pg_stat_activity every %v; "+
		"CPU: running; Lock:…: waiting for a lock another transaction holds; Client:ClientRead: a transaction waiting on Tocsin):\n\n", waitEvery)
	p("| phase | busy backends on average | doing |\n| --- | ---: | --- |\n")
	for _, ph := range all {
		p("| %s | %.1f | %s |\n", ph.name, ph.waits.Busy(), ph.waits.Top(5))
	}

	p("\nEscalation timers: step 1's pages (the whole team, due %v after step 0), `sent_at − due_at`:\n\n", step1After)
	p("| phase | pages | missing | p50 | p99 | max | early |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, ph := range all {
		o := ph.out
		p("| %s | %d | %d | %s | %s | %s | %d |\n", ph.name, len(o.timers), o.missing, at(o.timers, 50), at(o.timers, 99), at(o.timers, 100), o.early)
	}

	if st := r.storm; st != nil {
		o := st.out
		p("\nStorm: %d Alertmanager webhook requests of %d firing alerts, sent at once; %d of %d answered 202, the slowest in %s. ",
			st.requests, st.size.size, st.accepted, st.requests, round(st.slowest))
		if o.accepted == 0 {
			p("**No request was accepted**")
		} else if o.lost == 0 {
			p("Every alert's first page was out **%s** after the first request was sent", round(st.everyPaged))
		} else {
			p("**%d of %d alerts were not paged in full**", o.lost, o.accepted)
		}
		p(" (per alert from its request's answer: p50 %s, p99 %s, max %s); duplicates %d.\n\n",
			at(o.latency, 50), at(o.latency, 99), at(o.latency, 100), o.duplicates)
		p("Throughout the storm, one request every %v, each given %v:\n\n", probeEvery, probeTimeout)
		p("| probe | requests | failed | p50 | p99 | max |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
		for _, pr := range []struct {
			name string
			p    *probe
		}{{"sign-in (GraphQL `login`)", st.login}, {"`GET /readyz`", st.readyz}} {
			p("| %s | %d | %d | %s | %s | %s |\n", pr.name, len(pr.p.lat), pr.p.failed(), at(pr.p.lat, 50), at(pr.p.lat, 99), at(pr.p.lat, 100))
		}
		for _, pr := range []struct {
			name string
			*probe
		}{{"sign-in", st.login}, {"/readyz", st.readyz}} {
			var msgs []string
			for m, n := range pr.failures {
				msgs = append(msgs, fmt.Sprintf("%s (%d)", m, n))
			}
			sort.Strings(msgs)
			if len(msgs) > 0 {
				p("\nFailures of %s: %s\n", pr.name, strings.Join(msgs, "; "))
			}
		}
	}
	return b.String()
}

// all is every phase, the storm last.
func (r *report) all() []*phase {
	out := append([]*phase(nil), r.phases...)
	if r.storm != nil {
		out = append(out, &r.storm.phase)
	}
	return out
}

func at(xs []time.Duration, p float64) string {
	v, ok := pct(xs, p)
	if !ok {
		return "–"
	}
	return round(v)
}

func round(d time.Duration) string {
	if d.Abs() < 10*time.Millisecond {
		return d.Round(10 * time.Microsecond).String()
	}
	return d.Round(100 * time.Microsecond).String()
}
