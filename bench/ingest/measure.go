package main

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strconv"
	"time"
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
	rep := &report{o: o, started: time.Now(), load: loadAvg()}
	admin, err := sql.Open("postgres", o.pg+"/postgres?sslmode=disable")
	if err != nil {
		return nil, err
	}
	defer admin.Close()
	if err := admin.QueryRowContext(ctx, `SELECT current_setting('server_version'),
		'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') ||
		', shared_buffers=' || current_setting('shared_buffers')`).Scan(&rep.pgVersion, &rep.pgSettings); err != nil {
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
	name := fmt.Sprintf("tocsin_bench_raw_%d", time.Now().UnixNano()%1e9)
	if _, err := admin.ExecContext(ctx, fmt.Sprintf("CREATE DATABASE %q", name)); err != nil {
		return nil, fmt.Errorf("creating scratch database %s: %w", name, err)
	}
	defer func() {
		if _, err := admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %q WITH (FORCE)", name)); err != nil {
			logf("could not drop scratch database %s: %v", name, err)
		}
	}()
	db, err := sql.Open("postgres", fmt.Sprintf("%s/%s?sslmode=disable", o.pg, name))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(o.c)
	db.SetMaxIdleConns(o.c)
	if _, err := db.ExecContext(ctx, `CREATE TABLE bench (
		id bigserial PRIMARY KEY,
		alias text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return nil, err
	}
	stmt, err := db.PrepareContext(ctx, `INSERT INTO bench (alias) VALUES ($1) RETURNING id`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	obs := &observer{pg: admin, db: name}
	r := obs.during(ctx, func() *result {
		return closedLoop(ctx, "raw INSERT … RETURNING id", o.c, o.d, func(ctx context.Context, i int64) error {
			var id int64
			return stmt.QueryRowContext(ctx, "bench-"+strconv.FormatInt(i, 10)).Scan(&id)
		})
	})
	r.note = fmt.Sprintf("%d connections, prepared, autocommit", o.c)
	return r, ctx.Err()
}

// machine describes where the run happened.
func machine() string {
	return fmt.Sprintf("%d cores (%s), %s/%s, %s", cores(), cpuModel(), runtime.GOOS, runtime.GOARCH, runtime.Version())
}
