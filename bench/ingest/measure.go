package main

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strconv"
	"time"

	"github.com/tocsin/tocsin/bench/internal/machine"
	"github.com/tocsin/tocsin/bench/internal/rawinsert"
)

// report is the outcome of a run.
type report struct {
	o                       options
	started                 time.Time
	raw, fresh, dedup, pace *result
	pgVersion, pgSettings   string
	load                    string // load average when the run began
}

// measure runs the four phases in order: raw insert first, on an idle
// server, then the three HTTP phases.
func measure(ctx context.Context, o options) (*report, error) {
	rep := &report{o: o, started: time.Now(), load: machine.LoadAvg()}
	admin, err := sql.Open("postgres", o.pg+"/postgres?sslmode=disable")
	if err != nil {
		return nil, err
	}
	defer admin.Close()
	if rep.pgVersion, rep.pgSettings, err = machine.PostgreSQL(ctx, admin); err != nil {
		return nil, fmt.Errorf("PostgreSQL at %s: %w", o.pg, err)
	}

	if rep.raw, err = rawInserts(ctx, o, admin); err != nil {
		return nil, err
	}
	logf("raw insert: %.0f commits/s", rep.raw.rate())

	run := aliases{run: strconv.FormatInt(time.Now().UnixNano()%1e9, 36)}
	og := newOpsgenie(o.url, o.key, o.c)
	obs := &observer{pg: admin, db: o.db, serverPID: o.serverPID}

	rep.fresh = obs.during(ctx, func() *result {
		return closedLoop(ctx, "new alerts", o.c, o.d, func(ctx context.Context, i int64) error {
			return og.create(ctx, run.fresh(i))
		})
	})
	logf("new alerts: %.0f/s, %d failed", rep.fresh.rate(), rep.fresh.failed())
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	for i := range int64(o.pool) {
		if err := og.create(ctx, run.pooled(i, o.pool)); err != nil {
			return nil, fmt.Errorf("opening the dedup pool: %w", err)
		}
	}
	rep.dedup = obs.during(ctx, func() *result {
		return closedLoop(ctx, "dedup hits", o.c, o.d, func(ctx context.Context, i int64) error {
			return og.create(ctx, run.pooled(i, o.pool))
		})
	})
	logf("dedup hits: %.0f/s, %d failed", rep.dedup.rate(), rep.dedup.failed())
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	rate := o.rate
	if rate <= 0 {
		rate = rep.fresh.rate() / 2
	}
	if rate < 1 {
		return nil, fmt.Errorf("no rate for the paced phase: the new-alert phase managed %.1f/s", rep.fresh.rate())
	}
	rep.pace = obs.during(ctx, func() *result {
		return openLoop(ctx, "new alerts, paced", o.c, o.d, rate, func(ctx context.Context, i int64) error {
			return og.create(ctx, run.paced(i))
		})
	})
	logf("paced: %.0f/s offered, p99 %s", rate, rep.pace.pct(0.99))
	return rep, ctx.Err()
}

// rawInserts measures single-row INSERT ... RETURNING id commits with c
// connections into a scratch table of a scratch database (dropped after):
// what PostgreSQL itself can do, one transaction per alert.
func rawInserts(ctx context.Context, o options, admin *sql.DB) (*result, error) {
	scratch, err := rawinsert.Open(ctx, o.pg, admin, o.c)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err := scratch.Close(); err != nil {
			logf("%v", err)
		}
	}()
	obs := &observer{pg: admin, db: scratch.Name}
	r := obs.during(ctx, func() *result {
		return closedLoop(ctx, "raw INSERT … RETURNING id", o.c, o.d, scratch.Insert)
	})
	r.note = fmt.Sprintf("%d connections, prepared, autocommit", o.c)
	return r, ctx.Err()
}

// machineDescription says where the run happened.
func machineDescription() string {
	return fmt.Sprintf("%d cores (%s), %s/%s, %s", cores(), machine.CPUModel(), runtime.GOOS, runtime.GOARCH, runtime.Version())
}
