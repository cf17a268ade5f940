package alertmanager_test

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// repoRoot is the directory holding go.mod, found from the test's directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// alertmanagerBinary is $TOCSIN_ALERTMANAGER_BIN, else .tools/bin/alertmanager.
func alertmanagerBinary(t *testing.T, root string) string {
	t.Helper()
	bin := os.Getenv("TOCSIN_ALERTMANAGER_BIN")
	if bin == "" {
		bin = filepath.Join(root, ".tools", "bin", "alertmanager")
	}
	if fi, err := os.Stat(bin); err != nil || fi.IsDir() {
		t.Fatalf("Alertmanager is missing at %s: run scripts/alertmanager.sh (or make alertmanager) to install v0.31.1 there "+
			"(about 4 minutes once), or point TOCSIN_ALERTMANAGER_BIN at an alertmanager binary", bin)
	}
	return bin
}

// buildTocsin builds the tocsin binary of this tree into dir.
func buildTocsin(t *testing.T, root, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "tocsin")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build of tocsin: %v\n%s", err, out)
	}
	return bin
}

// process is a child process whose output goes to a log file, shown when
// the test fails.
type process struct {
	name, log string
	cmd       *exec.Cmd
	exited    chan struct{}
}

// start runs bin with args and env; the process is stopped (SIGTERM, then
// SIGKILL after 10 s) when the test ends.
func start(t *testing.T, name, bin string, env []string, args ...string) *process {
	t.Helper()
	p := &process{name: name, log: filepath.Join(t.TempDir(), name+".log"), exited: make(chan struct{})}
	f, err := os.Create(p.log)
	if err != nil {
		t.Fatal(err)
	}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout, p.cmd.Stderr = f, f
	if err := p.cmd.Start(); err != nil {
		f.Close()
		t.Fatalf("starting %s: %v", name, err)
	}
	go func() { _ = p.cmd.Wait(); f.Close(); close(p.exited) }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.exited:
		case <-time.After(10 * time.Second):
			t.Logf("%s (pid %d) did not stop within 10 s of SIGTERM; killing it", name, p.cmd.Process.Pid)
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			t.Logf("last lines of the %s log (%s):\n%s", name, p.log, tail(p.log, 40))
		}
	})
	return p
}

// waitReady polls url until it answers 200, the process exits, or 60 s pass.
func (p *process) waitReady(t *testing.T, url string) {
	t.Helper()
	c := http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if resp, err := c.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case <-p.exited:
			t.Fatalf("%s exited before %s answered 200; its log:\n%s", p.name, url, tail(p.log, 40))
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer 200 within 60 s", url)
		}
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(cannot read %s: %v)", path, err)
	}
	lines := bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	var s strings.Builder
	for _, l := range lines {
		s.Write(l)
		s.WriteByte('\n')
	}
	return s.String()
}

// grepLines returns the lines of the file at path that contain any of subs.
func grepLines(path string, subs ...string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Sprintf("(cannot read %s: %v)", path, err)
	}
	var out strings.Builder
	for _, l := range strings.Split(string(b), "\n") {
		for _, s := range subs {
			if strings.Contains(l, s) {
				out.WriteString(l + "\n")
				break
			}
		}
	}
	return out.String()
}
