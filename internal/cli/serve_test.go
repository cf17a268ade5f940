package cli_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/migration"
)

var env testenv.Env

func TestMain(m *testing.M) {
	code := testenv.Run(m, "main", &env)
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// buildBinary compiles the tocsin command once for this package's tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tocsin-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "tocsin")
		if out, err := exec.Command("go", "build", "-o", binPath, "github.com/tocsin/tocsin").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestTwoServesStartedAtOnceMigrateWithoutError(t *testing.T) {
	bin := buildBinary(t)
	db := fmt.Sprintf("tocsin_test_two_serves_%d", os.Getpid())
	if err := testenv.CreateDatabase(db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { testenv.DropDatabase(db) })
	dbURL := fmt.Sprintf("%s/%s?sslmode=disable", testenv.Server(), db)

	type proc struct {
		cmd  *exec.Cmd
		addr string
		log  *bytes.Buffer
	}
	var procs []proc
	for i := 0; i < 2; i++ {
		addr := freePort(t)
		cmd := exec.Command(bin, "serve")
		cmd.Env = append(os.Environ(), "TOCSIN_DATABASE_URL="+dbURL, "TOCSIN_REDIS_URL="+env.RedisURL,
			"TOCSIN_HTTP_ADDR="+addr, "TOCSIN_BASE_URL=http://"+addr)
		log := &bytes.Buffer{}
		cmd.Stdout, cmd.Stderr = log, log
		procs = append(procs, proc{cmd, addr, log})
	}
	for _, p := range procs { // start both before waiting on either
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		for _, p := range procs {
			p.cmd.Process.Signal(syscall.SIGTERM)
			p.cmd.Wait()
		}
	})
	for _, p := range procs {
		if !waitReady(p.addr, 30*time.Second) {
			t.Fatalf("serve on %s never became ready; log:\n%s", p.addr, p.log)
		}
		if strings.Contains(p.log.String(), `"level":"ERROR"`) {
			t.Fatalf("serve on %s logged an error:\n%s", p.addr, p.log)
		}
	}
	conn, err := sql.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM tocsin_schema_migrations").Scan(&n); err != nil {
		t.Fatal(err)
	}
	files, _ := migration.Files()
	if n != len(files) {
		t.Fatalf("want %d migrations recorded once each, got %d rows", len(files), n)
	}
}

func TestGracefulShutdownOnSIGTERM(t *testing.T) {
	bin := buildBinary(t)
	addr := freePort(t)
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "TOCSIN_DATABASE_URL="+env.DatabaseURL, "TOCSIN_REDIS_URL="+env.RedisURL,
		"TOCSIN_HTTP_ADDR="+addr)
	log := &bytes.Buffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitReady(addr, 30*time.Second) {
		cmd.Process.Kill()
		t.Fatalf("never ready:\n%s", log)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	errc := make(chan error, 1)
	go func() { errc <- cmd.Wait() }()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("want exit 0 after SIGTERM, got %v\n%s", err, log)
		}
	case <-time.After(25 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("still running 25 s after SIGTERM:\n%s", log)
	}
	if !strings.Contains(log.String(), "http server shutting down") {
		t.Fatalf("want a shutdown log line, got:\n%s", log)
	}
}

func TestUnreachableServicesGiveOneClearLine(t *testing.T) {
	bin := buildBinary(t)
	// Port 1 (tcpmux) is refused at once on any ordinary machine. A port
	// freePort just released could be taken by a parallel test's server
	// meanwhile, and then the connection hangs instead of being refused.
	dead := "127.0.0.1:1"
	if c, err := net.DialTimeout("tcp", dead, time.Second); err == nil {
		c.Close()
		t.Skip("something listens on 127.0.0.1:1 here")
	}
	for _, tc := range []struct {
		env  []string
		want string
	}{
		{[]string{"TOCSIN_DATABASE_URL=postgres://postgres@" + dead + "/tocsin?sslmode=disable"}, "tocsin: cannot reach PostgreSQL at " + dead + " (database tocsin): connection refused\n"},
		{[]string{"TOCSIN_DATABASE_URL=" + env.DatabaseURL, "TOCSIN_REDIS_URL=redis://" + dead + "/0"}, "tocsin: cannot reach Redis at " + dead + " (db 0): connection refused\n"},
	} {
		cmd := exec.Command(bin, "serve")
		cmd.Env = append(os.Environ(), tc.env...)
		out, err := cmd.CombinedOutput()
		if err == nil || string(out) != tc.want {
			t.Errorf("want exit 1 with exactly %q, got %v %q", tc.want, err, out)
		}
	}
}

func waitReady(addr string, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		res, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return true
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}
