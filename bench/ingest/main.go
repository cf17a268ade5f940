// Command ingest measures how fast Tocsin takes alerts through its
// Opsgenie-compatible door, and compares that with the physical limit of the
// same PostgreSQL: single-row INSERT ... RETURNING id commits at the same
// concurrency.
//
//	go run ./bench/ingest -spawn            # own server on a fresh database
//	go run ./bench/ingest -url http://127.0.0.1:8080 -key <OPSGENIE key>
//
// Phases, each -d long with -c senders (closed loop: each sender sends its
// next request when the last one answered):
//
//  1. raw insert: INSERT ... RETURNING id, one commit per row, into a scratch
//     table of a scratch database it creates and drops;
//  2. new alerts: POST /v2/alerts with an alias never used before;
//  3. dedup hits: POST /v2/alerts with aliases from a small pool of open alerts;
//  4. paced new alerts: open loop at -rate (default half the rate of phase 2);
//     latency counts from when a request was due, so a slow server cannot
//     hide its queue.
//
// Only loopback is a target: -url must name 127.0.0.1, localhost or ::1.
// Every phase stops by itself after -d, the whole run after -timeout.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/tocsin/tocsin/bench/internal/machine"
)

type options struct {
	url, key, email, password, service string
	spawn, inProcess                   bool
	mode                               string
	bin, pg, redis                     string
	redisDB                            int
	db                                 string
	serverPID                          int
	c, pool                            int
	d, timeout                         time.Duration
	rate                               float64
	cpuProfile, markdown               string
}

func main() {
	var o options
	flag.StringVar(&o.url, "url", "http://127.0.0.1:8080", "Tocsin to load (loopback only); ignored with -spawn")
	flag.StringVar(&o.key, "key", "", "OPSGENIE integration key; empty: sign in as -email and create an integration on -service with a rate limit that never throttles")
	flag.StringVar(&o.email, "email", "admin@tocsin.local", "admin who creates the integration when -key is empty")
	flag.StringVar(&o.password, "password", "tocsin-demo", "that admin's password")
	flag.StringVar(&o.service, "service", "Bench", "service the integration belongs to (created in the first team when missing)")
	flag.BoolVar(&o.spawn, "spawn", false, "start tocsin all on a fresh database (created and dropped), seeded with --demo")
	flag.StringVar(&o.mode, "mode", "serve", "with -spawn: run `tocsin serve` (the intake alone: first escalation steps wait in Redis) or `tocsin all` (the paging engine works on the same cores)")
	flag.BoolVar(&o.inProcess, "inprocess", false, "with -spawn: serve Tocsin's HTTP handler inside this process instead (no workers), so -cpuprofile profiles the server too")
	flag.StringVar(&o.bin, "bin", "bin/tocsin", "tocsin binary for -spawn; built into a temporary directory when missing")
	flag.StringVar(&o.pg, "pg", envOr("TOCSIN_TEST_PG", "postgres://postgres@127.0.0.1:5432"), "PostgreSQL server (no database) for the scratch databases")
	flag.StringVar(&o.redis, "redis", envOr("TOCSIN_TEST_REDIS", "redis://127.0.0.1:6379"), "Redis server (no database number) for -spawn")
	flag.IntVar(&o.redisDB, "redis-db", 10, "Redis database number for -spawn (10 is the benchmark's in internal/testenv); emptied before and after")
	flag.StringVar(&o.db, "db", "", "database the server uses, to count its transactions and rows per alert (set by -spawn)")
	flag.IntVar(&o.serverPID, "server-pid", 0, "process id of the server, to measure its CPU per alert (set by -spawn)")
	flag.IntVar(&o.c, "c", 16, "concurrent senders (and PostgreSQL connections in the raw phase)")
	flag.IntVar(&o.pool, "pool", 20, "open alerts the dedup phase repeats")
	flag.DurationVar(&o.d, "d", 20*time.Second, "length of each phase")
	flag.Float64Var(&o.rate, "rate", 0, "alerts/s of the paced phase; 0 means half the new-alert rate measured")
	flag.DurationVar(&o.timeout, "timeout", 10*time.Minute, "stop everything after this long")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of this tool (the load generator) to this file")
	flag.StringVar(&o.markdown, "o", "", "also write the report (markdown) to this file")
	flag.Parse()

	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/ingest:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if o.c < 1 || o.pool < 1 || o.d <= 0 {
		return fmt.Errorf("-c, -pool and -d must be positive")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()

	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	unlock, err := machine.Lock("bench/ingest")
	if err != nil {
		return err
	}
	defer unlock()

	if o.inProcess && !o.spawn {
		return fmt.Errorf("-inprocess needs -spawn")
	}
	if o.spawn {
		srv, err := spawn(ctx, o)
		if err != nil {
			return err
		}
		defer srv.stop()
		o.url, o.db, o.serverPID = srv.url, srv.db, srv.pid
	}
	if err := loopbackOnly(o.url); err != nil {
		return err
	}
	if o.key == "" {
		key, err := createIntegration(ctx, o)
		if err != nil {
			return err
		}
		o.key = key
	}
	rep, err := measure(ctx, o)
	if err != nil {
		return err
	}
	out := rep.markdown()
	fmt.Print(out)
	if o.markdown != "" {
		return os.WriteFile(o.markdown, []byte(out), 0o644)
	}
	return nil
}

// loopbackOnly refuses any target but this machine: the benchmark is a
// flood, and a flood belongs on loopback.
func loopbackOnly(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("-url: %w", err)
	}
	h := u.Hostname()
	if h == "localhost" {
		return nil
	}
	if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-url %s: only loopback (127.0.0.1, localhost, ::1) may be loaded", raw)
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s bench/ingest: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}
