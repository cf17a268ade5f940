// Package faults pages through real `tocsin serve` and `tocsin worker`
// processes while it kills the worker (SIGKILL) and flushes Redis, and
// counts at the provider (a webhook receiver here): pages lost, pages
// duplicated, pages after acknowledge.
//
// Lost and after-acknowledge must be 0. A duplicate is allowed in one case
// only, and the test checks that each one is it: a page the provider
// received from the worker in the instant it was killed, before the worker
// could commit that it had sent it (docs/adr/0009). Redis flushes cause
// none.
//
// make test runs it with TOCSIN_FAULT_ALERTS=150; make test-faults with 1000.
package faults_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tocsin/tocsin/internal/pagingfix"
	"github.com/tocsin/tocsin/internal/testenv"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "faults", &env)) }

// provider is the webhook receiver: every page it got, by alert message.
type provider struct {
	mu    sync.Mutex
	pages map[string][]time.Time
}

func (p *provider) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	var body struct {
		Alert struct {
			Message string `json:"message"`
		} `json:"alert"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	p.mu.Lock()
	p.pages[body.Alert.Message] = append(p.pages[body.Alert.Message], at)
	p.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

type proc struct {
	cmd  *exec.Cmd
	name string
}

func start(t *testing.T, bin, what string, envv []string, logDir string) *proc {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(logDir, what+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, what)
	cmd.Env = envv
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, name: what}
	t.Cleanup(func() { p.stop(syscall.SIGTERM) })
	return p
}

func (p *proc) stop(sig syscall.Signal) {
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Signal(sig)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
}

func TestNoPageLostDoubledOrLateUnderFaults(t *testing.T) {
	n := 150
	if s := os.Getenv("TOCSIN_FAULT_ALERTS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "tocsin")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/tocsin/tocsin").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	prov := &provider{pages: map[string][]time.Time{}}
	hook := httptest.NewServer(prov)
	defer hook.Close()
	// Step 0 at once; step 1 is an hour away: one page per alert in this test.
	key, err := pagingfix.Setup(context.Background(), env.Client, hook.URL+"/hook", 60, 0)
	if err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	base := "http://" + addr
	envv := append(os.Environ(), "TOCSIN_DATABASE_URL="+env.DatabaseURL, "TOCSIN_REDIS_URL="+env.RedisURL,
		"TOCSIN_HTTP_ADDR="+addr, "TOCSIN_BASE_URL="+base, "TOCSIN_SMTP_URL=smtp://127.0.0.1:9", "TOCSIN_LOG_LEVEL=warn")
	logDir := filepath.Join(os.TempDir(), fmt.Sprintf("tocsin-faults-%d", os.Getpid()))
	_ = os.MkdirAll(logDir, 0o755)
	start(t, bin, "serve", envv, logDir)
	worker := start(t, bin, "worker", envv, logDir)
	waitReady(t, base)

	hc := &http.Client{Timeout: 10 * time.Second}
	post := func(path, body string) (int, error) {
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		req.Header.Set("Authorization", "GenieKey "+key)
		req.Header.Set("Content-Type", "application/json")
		res, err := hc.Do(req)
		if err != nil {
			return 0, err
		}
		res.Body.Close()
		return res.StatusCode, nil
	}
	var mu sync.Mutex
	var killedAt time.Time
	acked := map[string]time.Time{} // message → when the acknowledge was answered
	created := map[string]bool{}
	var wg sync.WaitGroup
	tick := 20 * time.Millisecond
	for i := 0; i < n; i++ {
		switch i {
		case n * 3 / 10:
			t.Logf("SIGKILL the worker after %d alerts", i)
			killedAt = time.Now()
			worker.stop(syscall.SIGKILL)
			go func() { time.Sleep(time.Second); worker = start(t, bin, "worker", envv, logDir) }()
		case n * 6 / 10:
			t.Logf("FLUSHDB Redis after %d alerts", i)
			if err := env.Redis.FlushDB(context.Background()).Err(); err != nil {
				t.Fatal(err)
			}
		}
		msg := fmt.Sprintf("fault-%d", i)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			code, err := post("/v2/alerts", fmt.Sprintf(`{"message":%q,"alias":%q,"priority":"P1"}`, msg, msg))
			if err != nil || code != http.StatusAccepted {
				t.Errorf("create %s: %d %v", msg, code, err)
				return
			}
			mu.Lock()
			created[msg] = true
			mu.Unlock()
			if i%5 != 0 {
				return
			}
			code, err = post("/v2/alerts/"+msg+"/acknowledge?identifierType=alias", `{"user":"fault test"}`)
			if err != nil || code != http.StatusAccepted {
				t.Errorf("acknowledge %s: %d %v", msg, code, err)
				return
			}
			mu.Lock()
			acked[msg] = time.Now()
			mu.Unlock()
		}(i)
		time.Sleep(tick)
	}
	wg.Wait()

	// Wait for every alert that was not acknowledged to be paged. A task
	// the killed worker held comes back when Asynq's lease on it expires.
	deadline := time.Now().Add(150 * time.Second)
	lost := -1
	for time.Now().Before(deadline) {
		lost = 0
		prov.mu.Lock()
		for msg := range created {
			if _, ok := acked[msg]; !ok && len(prov.pages[msg]) == 0 {
				lost++
			}
		}
		prov.mu.Unlock()
		if lost == 0 {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // late duplicates would show up here
	prov.mu.Lock()
	defer prov.mu.Unlock()
	dup, unexplained, afterAck, pages := 0, 0, 0, 0
	for msg, at := range prov.pages {
		pages += len(at)
		if len(at) > 1 {
			dup += len(at) - 1
			// The first copy left the killed worker in its last moments.
			if d := killedAt.Sub(at[0]); d < 0 || d > 2*time.Second {
				unexplained += len(at) - 1
				t.Logf("%s paged %d times, first at %v before the kill", msg, len(at), d)
			}
		}
		if ack, ok := acked[msg]; ok {
			for _, a := range at {
				if a.After(ack) {
					afterAck++
				}
			}
		}
	}
	t.Logf("%d alerts (%d acknowledged at once), worker killed and Redis flushed: %d pages; lost %d, duplicated %d (in flight at the kill: %d), after acknowledge %d",
		len(created), len(acked), pages, lost, dup, dup-unexplained, afterAck)
	fmt.Printf("faults: alerts %d, acknowledged %d, pages %d, lost %d, duplicated %d (in flight at the kill %d), after acknowledge %d\n",
		len(created), len(acked), pages, lost, dup, dup-unexplained, afterAck)
	if lost != 0 || unexplained != 0 || afterAck != 0 {
		t.Errorf("want 0 lost, 0 duplicated but for pages in flight at the kill, 0 after acknowledge (logs in %s)", logDir)
	} else {
		os.RemoveAll(logDir)
	}
}

func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("tocsin serve did not become ready")
}
