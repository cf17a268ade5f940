package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tocsin/tocsin/bench/internal/pgwaits"
)

// observation is where the time of a phase went: CPU of the machine, the
// server, PostgreSQL and this tool; the work PostgreSQL did for the
// database under load; and what its busy backends were waiting for.
type observation struct {
	machineBusy float64       // share of all cores busy, 0..1
	cores       int           // cores the busy share is of
	server      time.Duration // CPU of the server process (-server-pid)
	postgres    time.Duration // CPU of the PostgreSQL processes working for the load (see postgresCPU)
	tool        time.Duration // CPU of this tool
	db          dbStats       // deltas of pg_stat_database for the database under load
	wal         walStats      // deltas of pg_stat_wal (the whole cluster)
	waits       pgwaits.Waits // the database's busy backends during the phase
}

type dbStats struct{ commits, rollbacks, inserted, updated, fetched, returned int64 }
type walStats struct{ records, bytes, syncs int64 }

// observer samples before and after a phase, and pg_stat_activity during it.
type observer struct {
	pg        *sql.DB // any database on the server: pg_stat_* are cluster views
	db        string  // the database whose backends and counters are watched
	serverPID int
}

type snapshot struct {
	cpuBusy, cpuTotal int64
	server, tool      time.Duration
	postgres          map[int]time.Duration
	db                dbStats
	wal               walStats
}

func (o *observer) snap(ctx context.Context) snapshot {
	var s snapshot
	s.cpuBusy, s.cpuTotal = machineCPU()
	if o.serverPID > 0 {
		s.server = processCPU(o.serverPID)
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	s.tool = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	s.postgres = o.postgresCPU(ctx)
	if o.db != "" {
		_ = o.pg.QueryRowContext(ctx, `SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_fetched, tup_returned
			FROM pg_stat_database WHERE datname = $1`, o.db).
			Scan(&s.db.commits, &s.db.rollbacks, &s.db.inserted, &s.db.updated, &s.db.fetched, &s.db.returned)
	}
	_ = o.pg.QueryRowContext(ctx, `SELECT wal_records, wal_bytes::bigint, wal_sync FROM pg_stat_wal`).
		Scan(&s.wal.records, &s.wal.bytes, &s.wal.syncs)
	return s
}

// during runs phase while sampling, every 50 ms, what the active backends
// of the database are waiting for ("CPU" when nothing).
func (o *observer) during(ctx context.Context, phase func() *result) *result {
	// Backends report their counters at most once a second, when idle.
	settle := func() { time.Sleep(1200 * time.Millisecond) }
	settle()
	before := o.snap(ctx)
	stopWaits := func() pgwaits.Waits { return pgwaits.Waits{} }
	if o.db != "" {
		stopWaits = pgwaits.Sample(ctx, o.pg, o.db, 50*time.Millisecond)
	}
	r := phase()
	waits := stopWaits()
	settle()
	after := o.snap(ctx)

	ob := observation{cores: cores(), waits: waits}
	if dt := after.cpuTotal - before.cpuTotal; dt > 0 {
		ob.machineBusy = float64(after.cpuBusy-before.cpuBusy) / float64(dt)
	}
	ob.server = after.server - before.server
	ob.tool = after.tool - before.tool
	for pid, c := range after.postgres {
		ob.postgres += c - before.postgres[pid]
	}
	ob.db = dbStats{after.db.commits - before.db.commits, after.db.rollbacks - before.db.rollbacks,
		after.db.inserted - before.db.inserted, after.db.updated - before.db.updated,
		after.db.fetched - before.db.fetched, after.db.returned - before.db.returned}
	ob.wal = walStats{after.wal.records - before.wal.records, after.wal.bytes - before.wal.bytes, after.wal.syncs - before.wal.syncs}
	r.obs = ob
	return r
}

// topWaits lists the n most sampled wait states as "name share%".
func (ob observation) topWaits(n int) string {
	return fmt.Sprintf("%s (%.1f busy backends on average)", ob.waits.Top(n), ob.waits.Busy())
}

const clockTicks = 100 // USER_HZ on Linux

// machineCPU reads the busy and total jiffies of all cores from /proc/stat.
func machineCPU() (busy, total int64) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	for i, v := range f[1:] {
		n, _ := strconv.ParseInt(v, 10, 64)
		if i >= 8 { // guest time is already counted in user
			break
		}
		total += n
		if i != 3 && i != 4 { // idle, iowait
			busy += n
		}
	}
	return busy, total
}

// processCPU is the user+system CPU of a process so far.
func processCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name may hold spaces; fields resume after its ')'.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+k) * time.Second / clockTicks
}

// postgresCPU maps the PostgreSQL processes that work for the load to
// their CPU so far: the backends connected to the database under load, and
// the WAL writer, checkpointer and background writer (shared with whatever
// else the server runs). Other databases' backends are left out: on a
// shared machine they are someone else's tests.
func (o *observer) postgresCPU(ctx context.Context) map[int]time.Duration {
	out := map[int]time.Duration{}
	rows, err := o.pg.QueryContext(ctx, `SELECT pid FROM pg_stat_activity
		WHERE datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`, o.db)
	if err != nil {
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var pid int
		if rows.Scan(&pid) == nil {
			out[pid] = processCPU(pid)
		}
	}
	return out
}

func cores() int {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	n := 0
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "cpu") && len(l) > 3 && l[3] >= '0' && l[3] <= '9' {
			n++
		}
	}
	return n
}
