package testenv

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/internal/oneround"
	"github.com/tocsin/tocsin/migration"
)

// Postgres is a throwaway PostgreSQL server of one test's own, for tests
// that restart or crash the server: the shared one (Server) must keep
// running for everybody else. It runs Debian's (or PATH's) initdb and
// pg_ctl, as user postgres when the test runs as root, on a free port of
// 127.0.0.1 with its files in a temporary directory.
type Postgres struct {
	// URL names the server's postgres database; use DatabaseURL for others.
	URL  string
	Port int
	dir  string // data/, run/ (the socket), log
	bin  string
	opts string // the server's command-line options
}

// pgDirPrefix names the directories of throwaway servers (plus the pid of
// the test process), so a run that was killed is cleaned up by the next.
const pgDirPrefix = "tocsin-testpg-"

// StartPostgres initializes and starts a throwaway server; it is stopped
// and its files removed when the test ends, failed or not.
func StartPostgres(t testing.TB) *Postgres {
	t.Helper()
	bin, err := pgBinDir()
	if err != nil {
		t.Fatal(err)
	}
	removeStalePostgres(bin)
	dir, err := os.MkdirTemp("", fmt.Sprintf("%s%d-", pgDirPrefix, os.Getpid()))
	if err != nil {
		t.Fatal(err)
	}
	p := &Postgres{dir: dir, bin: bin}
	t.Cleanup(func() {
		if t.Failed() {
			if b, err := os.ReadFile(filepath.Join(dir, "log")); err == nil {
				t.Logf("throwaway PostgreSQL's log:\n%s", tail(string(b), 40))
			}
		}
		p.stop()
		os.RemoveAll(dir)
	})
	if err := os.Mkdir(filepath.Join(dir, "run"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := asPostgresOwner(dir, filepath.Join(dir, "run")); err != nil {
		t.Fatal(err)
	}
	if out, err := p.run("initdb", "--auth=trust", "-U", "postgres", "--encoding=UTF8", "--locale=C", "--no-sync",
		"-D", filepath.Join(dir, "data")); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	// A free port can be taken between looking and listening: try again.
	for try := 0; ; try++ {
		p.Port = freePort(t)
		p.opts = strings.Join([]string{
			"-k", filepath.Join(dir, "run"), "-h", "127.0.0.1", "-p", strconv.Itoa(p.Port),
			// Fast, and still crash-safe for what tests do to it: a
			// server crash (restart -m immediate) loses nothing the OS
			// page cache holds, so fsync can be off; synchronous_commit
			// must stay on, or a crash loses commits already answered.
			"-c", "fsync=off", "-c", "full_page_writes=off",
			"-c", "max_connections=200"}, " ")
		out, err := p.pgCtl("start", "-l", filepath.Join(dir, "log"), "-o", p.opts)
		if err == nil {
			break
		}
		if try == 2 {
			b, _ := os.ReadFile(filepath.Join(dir, "log"))
			t.Fatalf("starting PostgreSQL: %v\n%s\n%s", err, out, tail(string(b), 30))
		}
	}
	p.URL = p.DatabaseURL("postgres")
	return p
}

// DatabaseURL names database name on the server.
func (p *Postgres) DatabaseURL(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", p.Port, name)
}

// Migrated creates database name on the server, migrates it and returns
// its URL and a client, closed when the test ends.
func (p *Postgres) Migrated(t testing.TB, name string) (string, *ent.Client) {
	t.Helper()
	admin, err := sql.Open("postgres", p.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(fmt.Sprintf("CREATE DATABASE %q", name)); err != nil {
		t.Fatalf("creating %s on the throwaway PostgreSQL: %v", name, err)
	}
	url := p.DatabaseURL(name)
	db, err := sql.Open("postgres", oneround.DSN(url))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := migration.Apply(ctx, db); err != nil {
		db.Close()
		t.Fatalf("migrating %s: %v", name, err)
	}
	c := ent.NewClient(ent.Driver(oneround.Driver(db)))
	t.Cleanup(func() { c.Close() })
	return url, c
}

// Restart shuts the server down with `pg_ctl stop -m mode` — "fast"
// disconnects every client and shuts down cleanly, "immediate" is a crash
// (recovery on start) — keeps it down for down, and starts it again
// (with down 0, `pg_ctl restart -m mode`). It returns once the server
// accepts connections again.
func (p *Postgres) Restart(mode string, down time.Duration) error {
	log := filepath.Join(p.dir, "log")
	if down == 0 {
		if out, err := p.pgCtl("restart", "-m", mode, "-l", log); err != nil {
			return fmt.Errorf("pg_ctl restart -m %s: %v\n%s", mode, err, out)
		}
		return nil
	}
	if out, err := p.pgCtl("stop", "-m", mode); err != nil {
		return fmt.Errorf("pg_ctl stop -m %s: %v\n%s", mode, err, out)
	}
	time.Sleep(down)
	if out, err := p.pgCtl("start", "-l", log, "-o", p.opts); err != nil {
		return fmt.Errorf("pg_ctl start: %v\n%s", err, out)
	}
	return nil
}

func (p *Postgres) stop() {
	if _, err := os.Stat(filepath.Join(p.dir, "data", "postmaster.pid")); err == nil {
		_, _ = p.pgCtl("stop", "-m", "immediate")
	}
}

func (p *Postgres) pgCtl(args ...string) ([]byte, error) {
	return p.run("pg_ctl", append([]string{"-D", filepath.Join(p.dir, "data"), "-w", "-t", "60"}, args...)...)
}

func (p *Postgres) run(prog string, args ...string) ([]byte, error) {
	return asPostgres(filepath.Join(p.bin, prog), args...).CombinedOutput()
}

// asPostgres runs a PostgreSQL program; as root (which initdb and the
// server refuse) it runs it as user postgres.
func asPostgres(prog string, args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", prog}, args...)...)
	}
	return exec.Command(prog, args...)
}

// asPostgresOwner hands dirs to user postgres when running as root.
func asPostgresOwner(dirs ...string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("running as root, a throwaway PostgreSQL needs a 'postgres' user to run as: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	for _, d := range dirs {
		if err := os.Chown(d, uid, gid); err != nil {
			return err
		}
	}
	return nil
}

// pgBinDir finds initdb and pg_ctl: on PATH, else Debian's newest.
func pgBinDir() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "pg_ctl")); err == nil {
			return dirs[i], nil
		}
	}
	return "", fmt.Errorf("a throwaway PostgreSQL needs initdb and pg_ctl (Debian: apt-get install postgresql; scripts/services.sh does)")
}

// removeStalePostgres stops and removes the servers of test processes
// that are gone (killed before their cleanup ran).
func removeStalePostgres(bin string) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), pgDirPrefix+"*"))
	for _, d := range dirs {
		pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(filepath.Base(d), pgDirPrefix), "-", 2)[0])
		if err != nil || pid == os.Getpid() {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); !os.IsNotExist(err) {
			continue
		}
		p := &Postgres{dir: d, bin: bin}
		p.stop()
		os.RemoveAll(d)
	}
}

func freePort(t testing.TB) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func tail(s string, lines int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > lines {
		l = l[len(l)-lines:]
	}
	return strings.Join(l, "\n")
}
