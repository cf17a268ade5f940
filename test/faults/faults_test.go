// Package faults pages through real `tocsin serve` and `tocsin worker`
// processes, on a throwaway PostgreSQL server of its own, while it kills
// the worker (SIGKILL, then starts another), flushes Redis, restarts
// PostgreSQL (`pg_ctl stop -m fast`, 2 s down, start) and crashes it (the
// same with `-m immediate`): one fault in the middle of each quarter of the
// alerts, each during a burst of alerts so that it strikes while steps and
// pages are running. It counts at the provider (a webhook receiver here),
// per fault and overall: pages lost, duplicate pages, transport resends,
// pages after acknowledge.
//
// The sender behaves like a monitoring tool: an alert counts once the
// Opsgenie door answered 202; a 5xx or a connection error is retried with
// the same alias (the door dedupes by it), and acknowledges likewise.
//
//   - Lost: an accepted alert, not acknowledged, never paged. Must be 0.
//   - After acknowledge: a page that came after the acknowledge was
//     answered. Must be 0.
//   - Duplicate pages: an alert paged under more than one delivery key
//     (X-Tocsin-Delivery, stable across a page's attempts), which a
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
// make test runs it with TOCSIN_FAULT_ALERTS=150 (the default); make
// test-faults with 1000.
package faults_test

import (
	"context"
	"database/sql"
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

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/internal/pagingfix"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
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
}

func TestNoPageLostDoubledOrLateUnderFaults(t *testing.T) {
	n := 150
	if s := os.Getenv("TOCSIN_FAULT_ALERTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 8 {
			t.Fatalf("TOCSIN_FAULT_ALERTS=%q: want a number of alerts, at least 8", s)
		}
	}
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
	// Step 0 at once; step 1 is an hour away: one page per alert in this test.
	key, err := pagingfix.Setup(context.Background(), client, hook.URL+"/hook", 60, 0)
	if err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	base := "http://" + addr
	envv := append(os.Environ(), "TOCSIN_DATABASE_URL="+dbURL, "TOCSIN_REDIS_URL="+env.RedisURL,
		"TOCSIN_HTTP_ADDR="+addr, "TOCSIN_BASE_URL="+base, "TOCSIN_SMTP_URL=smtp://127.0.0.1:9", "TOCSIN_LOG_LEVEL=warn",
		"TOCSIN_WEBHOOK_ALLOW_CIDRS=127.0.0.1/32") // the webhook receiver is on this machine
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

	kill := &fault{name: "worker killed", do: func() error {
		procMu.Lock()
		w := procs[len(procs)-1]
		procMu.Unlock()
		w.stop(syscall.SIGKILL)
		time.Sleep(time.Second)
		return launch("worker")
	}}
	flush := &fault{name: "Redis flushed", do: func() error { return env.Redis.FlushDB(context.Background()).Err() }}
	// Down for 2 s each time, as a real restart or a crashed server's
	// supervisor takes, so that steps, pages and alerts fail meanwhile.
	restart := &fault{name: "PostgreSQL restarted (-m fast)", do: func() error { return pg.Restart("fast", pgDown) }}
	crash := &fault{name: "PostgreSQL crashed (-m immediate)", do: func() error { return pg.Restart("immediate", pgDown) }}
	faults := []*fault{kill, flush, restart, crash}

	s := &sender{base: base, key: key, hc: &http.Client{Timeout: 10 * time.Second}}
	var mu sync.Mutex
	acked := map[string]time.Time{}   // message → when the acknowledge was answered
	created := map[string]time.Time{} // message → when the create was answered
	retries := make([]int, len(faults))
	var wg, faultWG sync.WaitGroup
	var faultMu sync.Mutex // one fault at a time
	// Spread the alerts over at least 12 s so that each fault, a PostgreSQL
	// restart included, strikes while its quarter's alerts come in; at each
	// fault a burst of alerts is sent at once, and the fault waits for the
	// first of them to be paged, so that it strikes while the worker is
	// busy with the rest.
	tick := max(20*time.Millisecond, 12*time.Second/time.Duration(n))
	burst := max(10, n/20)
	burstLeft := 0
	for i := range n {
		q := quarter(i, n, len(faults))
		msg := fmt.Sprintf("fault-%d", i)
		if i == (2*q+1)*n/(2*len(faults)) {
			f := faults[q]
			t.Logf("%s after %d alerts and a burst of %d", f.name, i+1, burst)
			burstLeft = burst
			faultWG.Add(1)
			// The first alert of the burst that is not acknowledged.
			watch := msg
			if i%5 == 0 {
				watch = fmt.Sprintf("fault-%d", i+1)
			}
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
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := s.send("/v2/alerts", fmt.Sprintf(`{"message":%q,"alias":%q,"priority":"P1"}`, msg, msg))
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
			r, err = s.send("/v2/alerts/"+msg+"/acknowledge?identifierType=alias", `{"user":"fault test"}`)
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
		}()
		if burstLeft > 0 {
			burstLeft--
			continue
		}
		time.Sleep(tick)
	}
	wg.Wait()
	faultWG.Wait()
	sent := time.Now()

	// Wait for every alert that was not acknowledged to be paged (a task
	// that failed while PostgreSQL was down runs again once it answers, or
	// after Asynq's retry delay; what the sweep re-queues is 5 s overdue),
	// then for the engine to have nothing left to send, so that a late
	// resend would be seen too.
	deadline := time.Now().Add(150 * time.Second)
	done := false
	for !done && time.Now().Before(deadline) {
		lost := 0
		for msg := range created {
			if _, ok := acked[msg]; !ok && !prov.paged(msg) {
				lost++
			}
		}
		if done = lost == 0 && settled(client); !done {
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
	counts, unexplained := count(t, n, len(faults), created, acked, prov.hits, kill, restart, crash)
	for q, f := range faults {
		counts[q].retries = retries[q]
		fmt.Printf("faults: %s (%.1fs): %s\n", f.name, f.end.Sub(f.start).Seconds(), counts[q])
	}
	all := sum(counts)
	fmt.Printf("faults: all: %s; sending took %.0fs, all paged %.0fs later\n",
		all, sent.Sub(began).Seconds(), paged.Sub(sent).Seconds())
	if all.lost != 0 || all.duplicatePages != 0 || unexplained != 0 || all.afterAck != 0 {
		t.Errorf("want 0 lost, 0 duplicate pages, 0 after acknowledge, and no transport resend but of pages in flight at the worker kill or a PostgreSQL shutdown (logs in %s)", logDir)
	}
	if !t.Failed() {
		os.RemoveAll(logDir)
	}
}

// quarter is the fault alert i of n is counted under.
func quarter(i, n, faults int) int { return i * faults / n }

// settled reports whether the engine has nothing left to do within the
// test: no page planned, no step due before the hour-away second step.
func settled(c *ent.Client) bool {
	ctx := viewer.System(context.Background())
	planned, err := c.Delivery.Query().Where(delivery.StatusEQ(delivery.StatusPLANNED)).Count(ctx)
	if err != nil || planned > 0 {
		return false
	}
	due, err := c.Alert.Query().Where(alert.StatusEQ(alert.StatusOPEN),
		alert.EscalationDueAtLT(time.Now().Add(30*time.Minute))).Count(ctx)
	return err == nil && due == 0
}

// compareSent compares the deliveries PostgreSQL has as SENT with the
// delivery keys the provider received.
func compareSent(c *ent.Client, hits map[string][]hit) (missing, unrecorded []string, err error) {
	var ids []int
	for try := 0; ; try++ { // the client's pool may still hold a connection from before a restart
		ids, err = c.Delivery.Query().Where(delivery.StatusEQ(delivery.StatusSENT)).IDs(viewer.System(context.Background()))
		if err == nil || try == 3 {
			break
		}
	}
	if err != nil {
		return nil, nil, err
	}
	received := map[string]bool{}
	for _, hs := range hits {
		for _, h := range hs {
			received[h.key] = true
		}
	}
	for _, id := range ids {
		k := fmt.Sprintf("tocsin-delivery-%d", id)
		if !received[k] {
			missing = append(missing, k)
		}
		delete(received, k)
	}
	for k := range received {
		unrecorded = append(unrecorded, k)
	}
	return missing, unrecorded, nil
}

// sweeperLeads waits for a session to hold the sweep's advisory lock
// (pager's sweepLockKey, "page").
func sweeperLeads(dbURL string, wait time.Duration) bool {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return false
	}
	defer db.Close()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		var held int
		err := db.QueryRow("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1",
			0x70616765).Scan(&held)
		if err == nil && held == 1 {
			return true
		}
		time.Sleep(250 * time.Millisecond)
	}
	return false
}
