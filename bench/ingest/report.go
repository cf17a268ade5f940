package main

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Goals the run is judged by.
const (
	goalRatio = 0.5                   // new alerts/s ≥ half the raw insert commits/s
	goalP99   = 50 * time.Millisecond // p99 of the paced phase
)

func (rep *report) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	o := rep.o
	p("## Ingest benchmark, %s\n\n", rep.started.Format("2006-01-02 15:04 MST"))
	p("- machine: %s; load average before the run %s\n", machineDescription(), rep.load)
	p("- PostgreSQL %s (%s)\n", rep.pgVersion, rep.pgSettings)
	target := o.url
	switch {
	case o.inProcess:
		target = "Tocsin's HTTP handler served inside the tool (-spawn -inprocess; tool CPU includes the server's)"
	case o.spawn:
		target = "`tocsin " + o.mode + "` started by the tool (-spawn -mode " + o.mode + ") on a fresh database"
	}
	p("- target: %s; %d senders, %s per phase, dedup pool of %d aliases\n\n", target, o.c, o.d, o.pool)

	p("| phase | requests | failed | rate /s | p50 | p90 | p99 | max |\n")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range rep.phases() {
		p("| %s | %d | %d | %.0f | %s | %s | %s | %s |\n", r.label(), r.ok, r.failed(), r.rate(),
			ms(r.pct(0.5)), ms(r.pct(0.9)), ms(r.pct(0.99)), ms(r.pct(1)))
	}
	ratio := rep.fresh.rate() / rep.raw.rate()
	p("\nNew alerts/s ÷ raw insert commits/s = **%.0f%%** (goal ≥ %.0f%%: %s).  \n", 100*ratio, 100*goalRatio,
		verdict(ratio >= goalRatio, fmt.Sprintf("short by %.0f alerts/s, %.0f%% of the goal", goalRatio*rep.raw.rate()-rep.fresh.rate(), 100*(1-ratio/goalRatio))))
	p("p99 at %s = **%s** (goal < %s: %s).\n", rep.pace.note, ms(rep.pace.pct(0.99)), ms(goalP99),
		verdict(rep.pace.pct(0.99) < goalP99 && rep.pace.failed() == 0, "missed"))

	p("\nWhere the time went (CPU per request; PostgreSQL work of the database under load per request;\n")
	p("what its active backends waited for, sampled every 50 ms):\n\n")
	p("| phase | machine busy | server CPU | postgres CPU | tool CPU | CPU ceiling /s | xact_commit | rows ins/upd | rows read | WAL bytes | backends waiting on |\n")
	p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n")
	for _, r := range rep.phases() {
		n := float64(max(r.ok+r.failed(), 1))
		ob := r.obs
		server := "–"
		if o.serverPID > 0 && r != rep.raw {
			server = us(ob.server, n)
		}
		// What the machine could do if these three had every core to themselves.
		ceiling := float64(ob.cores) * time.Second.Seconds() / ((ob.server + ob.postgres + ob.tool).Seconds() / n)
		p("| %s | %.0f%% of %d | %s | %s | %s | %.0f | %.1f | %.1f / %.1f | %.0f | %.0f | %s |\n", r.label(),
			100*ob.machineBusy, ob.cores, server, us(ob.postgres, n), us(ob.tool, n), ceiling,
			float64(ob.db.commits)/n, float64(ob.db.inserted)/n, float64(ob.db.updated)/n,
			float64(ob.db.fetched+ob.db.returned)/n, float64(ob.wal.bytes)/n, ob.topWaits(4))
	}
	for _, r := range rep.phases() {
		if len(r.errors) == 0 {
			continue
		}
		p("\nFailures in %s:\n", r.name)
		var keys []string
		for k := range r.errors {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p("- %s: %d\n", k, r.errors[k])
		}
	}
	return b.String()
}

func (rep *report) phases() []*result { return []*result{rep.raw, rep.fresh, rep.dedup, rep.pace} }

func (r *result) label() string {
	if r.note != "" {
		return r.name + " (" + r.note + ")"
	}
	return r.name
}

func verdict(ok bool, miss string) string {
	if ok {
		return "met"
	}
	return "**not met**, " + miss
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

// us is CPU time per request in microseconds.
func us(d time.Duration, n float64) string {
	return fmt.Sprintf("%.0f µs", float64(d.Microseconds())/n)
}
