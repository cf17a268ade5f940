// Command paging measures how fast Tocsin pages, through what customers
// run: from an alert accepted to the first page arriving at the provider,
// at fixed rates of new alerts (open loop) and in a storm of Alertmanager
// batches; where that time goes; and how late escalation timers fire.
//
// It creates a scratch database, migrates it, sets up internal/pagingfix —
// five responders, each with a webhook of their own to a receiver inside
// this tool (the real webhook channel; the receiver is the "provider", and
// the path tells it who was paged), an on-call schedule (a daily rotation
// of three and an override adding a fourth), a policy whose step 0 pages
// the schedule and a round robin of the team, whose step 1 pages the whole
// team a minute later, and which repeats after 30 minutes (after the run)
// — and starts `tocsin all` on a free loopback port.
//
// Before anything else it measures the same PostgreSQL's raw INSERT rate
// (bench/internal/rawinsert: 16 connections, 10 s), and it prints the load
// average before and after each phase, so runs on different machines, or
// at busier times, can be compared. Then, one after the other:
//
//   - a phase per -rates entry: Opsgenie creates at that rate for -d; then
//     it waits for the phase's step 1 (a minute after each alert) so the
//     next phase does not share the machine with this one's timers;
//   - the storm (-storm BxN): B Alertmanager webhook requests of N firing
//     alerts each, sent at once, while a probe signs in and GETs /readyz
//     every 200 ms; then its step 1 (N×B×5 pages due at once).
//
// For each: alerts paged, lost (a first-step recipient never paged),
// duplicates (a recipient paged more than once for one alert and step),
// latency to the first page, and — read from PostgreSQL — its parts:
// request sent → alerts.created_at → 202, created_at → the first step's
// ESCALATION_STEP event, → the first page's deliveries.sent_at, → received.
// Timer lateness is sent_at − due_at of step 1's pages.
//
//	go run ./bench/paging -bin bin/tocsin                          # 1/s, 100/s for 60 s, storm 20x100: about 6 min
//	go run ./bench/paging -bin bin/tocsin -rates 10 -d 10s -storm 5x100 -o out.md   # about 3 min
//	go run ./bench/paging -bin bin/tocsin -rates 100 -d 30s -storm 0 -cpuprofile cpu.out  # where tocsin's CPU goes
//
// Runtime: about 25 s to start, then d + 65 s per rate and 75 s for the
// storm (-storm 0 leaves it out; -rates "" the rates) — when paging falls
// behind, a phase waits up to three minutes after its last alert for its
// step 1. Loopback only; everything is dropped
// afterwards. It takes turns with the other benchmarks
// (/tmp/tocsin-bench.lock) and with the tests on its Redis database.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type options struct {
	bin, pg, redis string
	redisDB        int
	cpuProfile     string
	rates          []int
	d              time.Duration
	storm          stormSize
	out            string
}

func main() {
	var o options
	var rates, storm string
	flag.StringVar(&o.bin, "bin", "bin/tocsin", "tocsin binary")
	flag.StringVar(&o.pg, "pg", "postgres://postgres@127.0.0.1:5432", "PostgreSQL server (loopback)")
	flag.StringVar(&o.redis, "redis", "redis://127.0.0.1:6379", "Redis server (loopback)")
	flag.IntVar(&o.redisDB, "redis-db", 11, "Redis database number (11 is this tool's in internal/testenv); emptied before and after")
	flag.StringVar(&rates, "rates", "1,100", "new alerts per second, one phase each")
	flag.DurationVar(&o.d, "d", 60*time.Second, "length of each rate phase")
	flag.StringVar(&storm, "storm", "20x100", "Alertmanager requests × alerts each, sent at once; 0 for none")
	flag.StringVar(&o.out, "o", "", "also write the report (markdown) to this file")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of tocsin during the first rate phase (without rates: the storm's first 20 s) to this file (go tool pprof -top FILE)")
	flag.Parse()

	for _, r := range strings.Split(rates, ",") {
		if strings.TrimSpace(r) == "" {
			continue
		}
		rate, err := strconv.Atoi(strings.TrimSpace(r))
		if err != nil || rate <= 0 {
			log.Fatalf("-rates: %q is not a positive number of alerts per second", r)
		}
		o.rates = append(o.rates, rate)
	}
	var err error
	if o.storm, err = parseStorm(storm); err != nil {
		log.Fatalf("-storm: %v", err)
	}
	if o.d <= 0 {
		log.Fatal("-d must be positive")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	report, err := run(ctx, o)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(report)
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(report), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// stormSize is -storm: batches requests of size alerts.
type stormSize struct{ batches, size int }

func parseStorm(s string) (stormSize, error) {
	if s == "" || s == "0" {
		return stormSize{}, nil
	}
	b, n, ok := strings.Cut(s, "x")
	batches, err1 := strconv.Atoi(b)
	size, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || batches <= 0 || size <= 0 {
		return stormSize{}, fmt.Errorf("%q: want requests x alerts, e.g. 20x100, or 0", s)
	}
	return stormSize{batches, size}, nil
}

func run(ctx context.Context, o options) (string, error) {
	env, err := start(ctx, o)
	if err != nil {
		return "", err
	}
	defer env.stop()
	rep := &report{o: o, started: time.Now(), env: env}
	for k, rate := range o.rates {
		log.Printf("phase %d: %d alerts/s for %v", k+1, rate, o.d)
		if k == 0 && o.cpuProfile != "" {
			go env.profile(ctx, o.cpuProfile, o.d)
		}
		ph, err := env.ratePhase(ctx, k+1, rate, o.d)
		if err != nil {
			return "", err
		}
		rep.phases = append(rep.phases, ph)
	}
	if o.storm.batches > 0 {
		log.Printf("storm: %d Alertmanager requests of %d alerts", o.storm.batches, o.storm.size)
		if len(o.rates) == 0 && o.cpuProfile != "" {
			go env.profile(ctx, o.cpuProfile, 20*time.Second)
		}
		st, err := env.storm(ctx, o.storm)
		if err != nil {
			return "", err
		}
		rep.storm = st
	}
	return rep.markdown(), nil
}
