// Package faults pages through real `tocsin serve` and `tocsin worker`
// processes, on a throwaway PostgreSQL server of its own, while it kills
// the worker (SIGKILL, then starts another), flushes Redis, restarts
// PostgreSQL (`pg_ctl stop -m fast`, 2 s down, start) and crashes it (the
// same with `-m immediate`): one fault in the middle of each quarter of the
// Opsgenie alerts, each during a burst of alerts so that it strikes while
// steps and pages are running. The burst of the worker kill is a storm:
// Alertmanager webhook requests of 100 alerts each, all at once.
//
// Pages go the way customers set them up (internal/pagingfix): step 0 of
// the policy pages an on-call schedule (a daily rotation and an override,
// two people) and a round robin of the team, so each alert pages two or
// three people, each on a webhook of their own whose path (/u<user id>)
// tells the provider (a webhook receiver here) who was paged. Step 1 is an
// hour away: only step 0 fires in this test. It counts at the provider,
// per fault, for the storm and overall: pages lost, duplicate pages,
// transport resends, pages after acknowledge.
//
// The sender behaves like a monitoring tool: an alert counts once its door
// answered 202; a 5xx or a connection error is retried with the same alias
// or fingerprint (the doors dedupe by it), and acknowledges likewise.
//
//   - Lost: an accepted alert, not acknowledged, whose first step never
//     fired, or that did not page every one of its first step's
//     recipients. Those are the people the schedule had on call when the
//     step fired — by the fixture's own definition of the rotation and
//     the override (Fixture.OnCallAt), not the engine's — and the round
//     robin's pick, which only the engine knows (turns go in the order
//     steps fire), as its ESCALATION_STEP event names it. Missing any one
//     of them is a page lost: the alert reached someone, but not everyone
//     it had to. Must be 0.
//   - Wrong recipients: a first step whose event leaves out someone on call
//     or names more than one person beside them. Must be 0.
//   - After acknowledge: a page that came after the acknowledge was
//     answered. Must be 0.
//   - Duplicate pages: a recipient of an alert paged under more than one
//     delivery key (X-Tocsin-Delivery, stable across a page's attempts)
//     for the same step (the key's deliveries row says which), which a
//     receiver dropping repeats by key would still show twice. Must be 0.
//   - Transport resends: requests repeating a key already received. Allowed
//     only for a page the provider got from a transaction that could not
//     commit that it was sent — the worker was killed (docs/adr/0009) or
//     PostgreSQL went down in that instant — and each one is checked to be
//     that; a receiver honouring the key shows it once.
//
// It also checks that serve and worker survive the restarts, that a worker
// holds the sweep's advisory lock again afterwards, that nothing is left
// planned or due (stuck), and that the deliveries PostgreSQL records as
// sent are exactly the keys the provider received.
//
// make test runs it with TOCSIN_FAULT_ALERTS=150 (the default: a storm of
// one request of 100 alerts, and 50 Opsgenie alerts); make test-faults
// with 1000 (two requests of 100, and 800).
package faults_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tocsin/tocsin/internal/pagingfix"
	"github.com/tocsin/tocsin/internal/testenv"
)

// env gives the package its Redis database (9); PostgreSQL is a throwaway
// server of the test's own, since it restarts it.
var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "faults", &env)) }

// pgDown is how long PostgreSQL stays down in a restart.
const pgDown = 2 * time.Second

// fault is one of the faults injected, and what happened around it.
type fault struct {
	name       string
	do         func() error
	start, end time.Time
	// dead is when the killed worker was reaped (the worker kill only): a
	// signal takes effect when the kernel next runs the process, so pages
	// it sent until then arrive after start.
	dead time.Time
}

// stormSize is the alerts of one Alertmanager request of the storm.
const stormSize = 100

func TestNoPageLostDoubledOrLateUnderFaults(t *testing.T) {
	n := 150
	if s := os.Getenv("TOCSIN_FAULT_ALERTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < stormSize+8 {
			t.Fatalf("TOCSIN_FAULT_ALERTS=%q: want a number of alerts, at least %d", s, stormSize+8)
		}
	}
	// The storm's requests, and the Opsgenie alerts around the faults.
	batches := max(1, n/500)
	m := n - batches*stormSize
	dir := t.TempDir()
	bin := filepath.Join(dir, "tocsin")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/tocsin/tocsin").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	pg := testenv.StartPostgres(t)
	dbURL, client := pg.Migrated(t, "tocsin")
	prov := newProvider()
	hook := httptest.NewServer(prov)
	defer hook.Close()
	// Step 0 at once; step 1 is an hour away: only step 0 pages in this test.
	fix, err := pagingfix.Setup(context.Background(), client, hook.URL, 60, 5)
	if err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	base := "http://" + addr
	envv := append(pagingfix.ServerEnv(dbURL, env.RedisURL, addr), "TOCSIN_LOG_LEVEL=warn")
	logDir := filepath.Join(os.TempDir(), fmt.Sprintf("tocsin-faults-%d", os.Getpid()))
	_ = os.MkdirAll(logDir, 0o755)

	var procMu sync.Mutex
	var procs []*proc // serve, then every worker started
	launch := func(what string) error {
		p, err := start(bin, what, envv, logDir)
		if err != nil {
			return err
		}
		procMu.Lock()
		procs = append(procs, p)
		procMu.Unlock()
		return nil
	}
	t.Cleanup(func() {
		procMu.Lock()
		defer procMu.Unlock()
		for _, p := range procs {
			p.stop(syscall.SIGTERM)
		}
	})
	if err := launch("serve"); err != nil {
		t.Fatal(err)
	}
	if err := launch("worker"); err != nil {
		t.Fatal(err)
	}
	waitReady(t, base)
	began := time.Now()

	kill := &fault{name: "worker killed"}
	kill.do = func() error {
		procMu.Lock()
		w := procs[len(procs)-1]
		procMu.Unlock()
		w.stop(syscall.SIGKILL)
		kill.dead = time.Now()
		time.Sleep(time.Second)
		return launch("worker")
	}
	flush := &fault{name: "Redis flushed", do: func() error { return env.Redis.FlushDB(context.Background()).Err() }}
	// Down for 2 s each time, as a real restart or a crashed server's
	// supervisor takes, so that steps, pages and alerts fail meanwhile.
	restart := &fault{name: "PostgreSQL restarted (-m fast)", do: func() error { return pg.Restart("fast", pgDown) }}
	crash := &fault{name: "PostgreSQL crashed (-m immediate)", do: func() error { return pg.Restart("immediate", pgDown) }}
	faults := []*fault{kill, flush, restart, crash}
	stormBucket := len(faults) // the storm's alerts count apart

	hc := &http.Client{Timeout: 10 * time.Second}
	og := &sender{base: base, auth: "GenieKey " + fix.OpsgenieKey, hc: hc}
	am := &sender{base: base, auth: "Bearer " + fix.AlertmanagerKey, hc: hc}
	var mu sync.Mutex
	acked := map[string]time.Time{}   // message → when the acknowledge was answered
	created := map[string]time.Time{} // message → when the create was answered
	retries := make([]int, len(faults)+1)
	var sent []sentAlert
	var wg, faultWG sync.WaitGroup
	var faultMu sync.Mutex // one fault at a time
	strike := func(f *fault, watch string) {
		faultWG.Add(1)
		go func() {
			defer faultWG.Done()
			for wait := time.Now().Add(5 * time.Second); !prov.paged(watch) && time.Now().Before(wait); {
				time.Sleep(5 * time.Millisecond)
			}
			faultMu.Lock()
			defer faultMu.Unlock()
			t.Logf("%s now", f.name)
			f.start = time.Now()
			if err := f.do(); err != nil {
				t.Errorf("%s: %v", f.name, err)
			}
			f.end = time.Now()
		}()
	}
	// Spread the Opsgenie alerts over at least 12 s so that each fault, a
	// PostgreSQL restart included, strikes while its quarter's alerts come
	// in; at each fault a burst of alerts is sent at once (for the worker
	// kill, the storm), and the fault waits for the first of them to be
	// paged, so that it strikes while the worker is busy with the rest.
	tick := max(20*time.Millisecond, 12*time.Second/time.Duration(m))
	burst := max(10, m/20)
	burstLeft := 0
	for i := range m {
		q := quarter(i, m, len(faults))
		msg := fmt.Sprintf("fault-%d", i)
		if i == (2*q+1)*m/(2*len(faults)) {
			f := faults[q]
			if f == kill {
				t.Logf("%s after %d alerts and a storm of %d Alertmanager requests of %d alerts", f.name, i, batches, stormSize)
				for b := range batches {
					var msgs []string
					for j := range stormSize {
						msgs = append(msgs, fmt.Sprintf("fault-%d", m+b*stormSize+j))
					}
					for _, s := range msgs {
						sent = append(sent, sentAlert{msg: s, bucket: stormBucket})
					}
					body := string(pagingfix.AlertmanagerBody(fmt.Sprintf("fault-storm-%d", b), msgs))
					wg.Go(func() {
						r, err := am.send("/hooks/alertmanager", body)
						mu.Lock()
						defer mu.Unlock()
						retries[stormBucket] += r
						if err != nil {
							t.Errorf("storm request %d: %v", b, err)
							return
						}
						for _, s := range msgs {
							created[s] = time.Now()
						}
					})
				}
				strike(f, fmt.Sprintf("fault-%d", m))
			} else {
				t.Logf("%s after %d alerts and a burst of %d", f.name, i+1, burst)
				burstLeft = burst
				// The first alert of the burst that is not acknowledged.
				watch := msg
				if i%5 == 0 {
					watch = fmt.Sprintf("fault-%d", i+1)
				}
				strike(f, watch)
			}
		}
		sent = append(sent, sentAlert{msg: msg, bucket: q})
		wg.Go(func() {
			r, err := og.send("/v2/alerts", fmt.Sprintf(`{"message":%q,"alias":%q,"priority":"P1"}`, msg, msg))
			mu.Lock()
			retries[q] += r
			mu.Unlock()
			if err != nil {
				t.Errorf("create %s: %v", msg, err)
				return
			}
			mu.Lock()
			created[msg] = time.Now()
			mu.Unlock()
			if i%5 != 0 { // every fifth alert is acknowledged at once
				return
			}
			r, err = og.send("/v2/alerts/"+msg+"/acknowledge?identifierType=alias", `{"user":"fault test"}`)
			mu.Lock()
			retries[q] += r
			mu.Unlock()
			if err != nil {
				t.Errorf("acknowledge %s: %v", msg, err)
				return
			}
			mu.Lock()
			acked[msg] = time.Now()
			mu.Unlock()
		})
		if burstLeft > 0 {
			burstLeft--
			continue
		}
		time.Sleep(tick)
	}
	wg.Wait()
	faultWG.Wait()
	done := time.Now()

	// Wait for every alert that was not acknowledged to be paged (a task
	// that failed while PostgreSQL was down runs again once it answers, or
	// after Asynq's retry delay; what the sweep re-queues is 5 s overdue),
	// then for the engine to have nothing left to send, so that a late
	// resend would be seen too.
	deadline := time.Now().Add(150 * time.Second)
	settledAll := false
	for !settledAll && time.Now().Before(deadline) {
		lost := 0
		for msg := range created {
			if _, ok := acked[msg]; !ok && !prov.paged(msg) {
				lost++
			}
		}
		if settledAll = lost == 0 && settled(client); !settledAll {
			time.Sleep(500 * time.Millisecond)
		}
	}
	paged := time.Now()
	if !settled(client) {
		t.Errorf("after 150 s the engine still has pages planned or steps due: stuck (logs in %s)", logDir)
	}
	time.Sleep(2 * time.Second)

	procMu.Lock()
	for _, p := range procs {
		if p.died() {
			t.Errorf("tocsin %s exited on its own during the run (logs in %s)", p.name, logDir)
		}
	}
	procMu.Unlock()
	if !sweeperLeads(dbURL, 10*time.Second) {
		t.Errorf("no worker holds the sweep's advisory lock after the PostgreSQL restarts: nothing re-queues what Redis loses (logs in %s)", logDir)
	}

	prov.mu.Lock()
	defer prov.mu.Unlock()
	// What PostgreSQL says was sent is what the provider received.
	if missing, unrecorded, err := compareSent(client, prov.hits); err != nil {
		t.Errorf("reading the deliveries: %v", err)
	} else if len(missing)+len(unrecorded) > 0 {
		t.Errorf("deliveries SENT but never received: %v; received but not SENT: %v", missing, unrecorded)
	}
	steps, first, err := whoWasPaged(client, fix)
	if err != nil {
		t.Fatalf("reading the steps: %v", err)
	}
	counts, unexplained := count(t, sent, len(faults)+1, created, acked, prov.hits, steps, first, kill, restart, crash)
	for q, c := range counts {
		c.retries = retries[q]
		if q == stormBucket {
			fmt.Printf("faults: storm of %d Alertmanager requests of %d alerts, at the worker kill: %s\n", batches, stormSize, c)
			continue
		}
		f := faults[q]
		fmt.Printf("faults: %s (%.1fs): %s\n", f.name, f.end.Sub(f.start).Seconds(), c)
	}
	all := sum(counts)
	all.retries = 0
	for _, r := range retries {
		all.retries += r
	}
	fmt.Printf("faults: all: %s; sending took %.0fs, all paged %.0fs later\n",
		all, done.Sub(began).Seconds(), paged.Sub(done).Seconds())
	if all.lost != 0 || all.duplicatePages != 0 || unexplained != 0 || all.afterAck != 0 || all.wrong != 0 {
		t.Errorf("want 0 lost, 0 duplicate pages, 0 wrong recipients, 0 after acknowledge, and no transport resend but of pages in flight at the worker kill or a PostgreSQL shutdown (logs in %s)", logDir)
	}
	if !t.Failed() {
		os.RemoveAll(logDir)
	}
}
