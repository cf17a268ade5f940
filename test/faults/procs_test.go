package faults_test

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// proc is a running `tocsin serve` or `tocsin worker`, its output appended
// to <logDir>/<name>.log.
type proc struct {
	name     string
	cmd      *exec.Cmd
	done     chan struct{}
	stopping atomic.Bool
}

func start(bin, what string, envv []string, logDir string) (*proc, error) {
	f, err := os.OpenFile(filepath.Join(logDir, what+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, what)
	cmd.Env = envv
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting tocsin %s: %w", what, err)
	}
	p := &proc{cmd: cmd, name: what, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); f.Close(); close(p.done) }()
	return p, nil
}

// stop signals the process and waits for it (20 s, then SIGKILL).
func (p *proc) stop(sig syscall.Signal) {
	p.stopping.Store(true)
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(sig)
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// died reports whether the process exited without being told to.
func (p *proc) died() bool {
	select {
	case <-p.done:
		return !p.stopping.Load()
	default:
		return false
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
