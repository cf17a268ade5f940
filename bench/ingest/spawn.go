package main

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"
)

// spawned is a `tocsin all` this tool started, on a database it created.
type spawned struct {
	url, db string
	pid     int
	cmd     *exec.Cmd
	exited  chan struct{}
	dir     string
	cleanup []func()
}

// spawn creates the database tocsin_bench_<pid>, empties -redis-db,
// migrates, seeds the demo data and starts `tocsin all` on a free loopback
// port (or, with -inprocess, serves Tocsin's handler in this process). stop
// undoes all of it.
func spawn(ctx context.Context, o options) (_ *spawned, err error) {
	s := &spawned{db: fmt.Sprintf("tocsin_bench_%d", os.Getpid()), exited: make(chan struct{})}
	defer func() {
		if err != nil {
			s.stop()
		}
	}()
	if s.dir, err = os.MkdirTemp("", "tocsin-bench-"); err != nil {
		return nil, err
	}
	s.cleanup = append(s.cleanup, func() { os.RemoveAll(s.dir) })

	bin, err := tocsinBinary(ctx, o.bin, s.dir)
	if err != nil {
		return nil, err
	}
	if err := execAdmin(o.pg, fmt.Sprintf("CREATE DATABASE %q", s.db)); err != nil {
		return nil, fmt.Errorf("creating database %s: %w", s.db, err)
	}
	s.cleanup = append(s.cleanup, func() {
		if err := execAdmin(o.pg, fmt.Sprintf("DROP DATABASE IF EXISTS %q WITH (FORCE)", s.db)); err != nil {
			logf("could not drop database %s: %v", s.db, err)
		}
	})
	redisURL := fmt.Sprintf("%s/%d", o.redis, o.redisDB)
	if err := flushRedis(ctx, redisURL); err != nil {
		return nil, err
	}
	s.cleanup = append(s.cleanup, func() { _ = flushRedis(context.Background(), redisURL) })

	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s.url = fmt.Sprintf("http://127.0.0.1:%d", port)
	env := append(os.Environ(),
		"TOCSIN_DATABASE_URL="+fmt.Sprintf("%s/%s?sslmode=disable", o.pg, s.db),
		"TOCSIN_REDIS_URL="+redisURL,
		"TOCSIN_HTTP_ADDR="+fmt.Sprintf("127.0.0.1:%d", port),
		"TOCSIN_BASE_URL="+s.url,
		// Nothing listens there: invitation mail just waits in its queue.
		"TOCSIN_SMTP_URL=smtp://127.0.0.1:9",
	)
	for _, args := range [][]string{{"migrate"}, {"seed", "--demo"}} {
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("tocsin %v: %w\n%s", args, err, out)
		}
	}

	logPath := filepath.Join(".dev", "bench-server.log")
	_ = os.MkdirAll(".dev", 0o755)
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	if o.inProcess {
		s.cleanup = append(s.cleanup, func() { logFile.Close() })
		stopServer, err := serveInProcess(ctx, env, fmt.Sprintf("127.0.0.1:%d", port), logFile)
		if err != nil {
			return nil, err
		}
		s.cleanup = append(s.cleanup, stopServer)
		logf("serving Tocsin in this process at %s on database %s, Redis %s; log %s", s.url, s.db, redisURL, logPath)
	} else {
		if err := s.start(bin, o.mode, env, logFile); err != nil {
			return nil, err
		}
		logf("started tocsin %s (pid %d) at %s on database %s, Redis %s; log %s", o.mode, s.pid, s.url, s.db, redisURL, logPath)
	}

	deadline := time.Now().Add(60 * time.Second)
	for {
		if ready(s.url) {
			return s, nil
		}
		select {
		case <-s.exited:
			return nil, fmt.Errorf("the server exited before it was ready; see %s", logPath)
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s/readyz did not answer 200 within 60 s; see %s", s.url, logPath)
		}
	}
}

// start runs `tocsin <mode>` (serve or all) with its output in logFile.
func (s *spawned) start(bin, mode string, env []string, logFile *os.File) error {
	// Under its own name, so a broad pkill aimed at a dev server spares it.
	named := filepath.Join(s.dir, "tocsin-bench")
	if err := os.Symlink(bin, named); err != nil {
		logFile.Close()
		return err
	}
	s.cmd = exec.Command(named, mode)
	s.cmd.Env = env
	s.cmd.Stdout, s.cmd.Stderr = logFile, logFile
	if err := s.cmd.Start(); err != nil {
		logFile.Close()
		return err
	}
	s.pid = s.cmd.Process.Pid
	go func() { _ = s.cmd.Wait(); logFile.Close(); close(s.exited) }()
	return nil
}

// stop ends the server (SIGTERM, then SIGKILL after 10 s) and removes what
// spawn made, newest first.
func (s *spawned) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.exited:
		case <-time.After(10 * time.Second):
			logf("server (pid %d) did not stop within 10 s of SIGTERM; killing it", s.pid)
			_ = s.cmd.Process.Kill()
			<-s.exited
		}
	}
	for i := len(s.cleanup) - 1; i >= 0; i-- {
		s.cleanup[i]()
	}
}

// tocsinBinary returns bin when it exists, else builds the repository's
// binary into dir (run from the repository root, as `go run ./bench/ingest`).
func tocsinBinary(ctx context.Context, bin, dir string) (string, error) {
	if fi, err := os.Stat(bin); err == nil && !fi.IsDir() {
		return filepath.Abs(bin)
	}
	out := filepath.Join(dir, "tocsin")
	logf("%s is missing; building the server into %s", bin, out)
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, ".")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build (run from the repository root): %w", err)
	}
	return out, nil
}

func ready(base string) bool {
	c := http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get(base + "/readyz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func execAdmin(pg, stmt string) error {
	db, err := sql.Open("postgres", pg+"/postgres?sslmode=disable")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(stmt)
	return err
}

func flushRedis(ctx context.Context, u string) error {
	opt, err := redis.ParseURL(u)
	if err != nil {
		return err
	}
	c := redis.NewClient(opt)
	defer c.Close()
	if err := c.FlushDB(ctx).Err(); err != nil {
		return fmt.Errorf("redis %s: %w", u, err)
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
