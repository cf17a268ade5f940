package live_test

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The tocsin binary, built once for the package: every test runs the same
// processes, and building is most of a test's time on a busy machine.
var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// build compiles the tocsin binary (once per test run) and returns its path.
func build(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tocsin-livetest-bin-")
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

// removeBinary deletes the built binary; TestMain calls it at the end.
func removeBinary() {
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
}

// freeAddr is a loopback address nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// proc is a running tocsin process of the test.
type proc struct {
	name   string
	exited chan struct{}
}

// start runs `tocsin <what>` on the test's database and Redis, with the
// extra settings (NAME=value). It is stopped with SIGTERM when the test
// ends; its log is shown if the test failed.
func start(t *testing.T, bin, what, name string, settings ...string) *proc {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), name+".log")
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, what)
	cmd.Env = append(os.Environ(), "TOCSIN_DATABASE_URL="+env.DatabaseURL, "TOCSIN_REDIS_URL="+env.RedisURL,
		// Nothing here reads mail: refused at once instead of waiting.
		"TOCSIN_SMTP_URL=smtp://127.0.0.1:9", "TOCSIN_LOG_LEVEL=warn",
		// The webhook receivers are on this machine.
		"TOCSIN_WEBHOOK_ALLOW_CIDRS=127.0.0.1/32")
	cmd.Env = append(cmd.Env, settings...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{name: name, exited: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.exited:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-p.exited
		}
		f.Close()
		if t.Failed() {
			b, _ := os.ReadFile(logPath)
			t.Logf("%s log:\n%s", name, b)
		}
	})
	return p
}

// serve starts `tocsin serve` and returns its base URL once it is ready.
func serve(t *testing.T, bin, name string) string {
	t.Helper()
	addr := freeAddr(t)
	base := "http://" + addr
	p := start(t, bin, "serve", name, "TOCSIN_HTTP_ADDR="+addr, "TOCSIN_BASE_URL="+base)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-p.exited:
			t.Fatalf("%s exited before it was ready", name)
		default:
		}
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return base
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not become ready within 30 s", name)
	return ""
}

// worker starts `tocsin worker`. It has no door to ask whether it is
// ready: the tests wait for what it does.
func worker(t *testing.T, bin, name string) *proc {
	t.Helper()
	return start(t, bin, "worker", name)
}
