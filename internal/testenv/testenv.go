// Package testenv gives each test package its own PostgreSQL database and
// its own Redis database number on the machine's real servers, and removes
// them afterwards. Use it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "server", &env)) }
package testenv

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/ent"
	_ "github.com/tocsin/tocsin/ent/runtime"
	"github.com/tocsin/tocsin/internal/oneround"
	"github.com/tocsin/tocsin/migration"
)

// redisDBs reserves one Redis database number per test package that uses
// Redis, so packages running in parallel never see each other's keys; -1
// marks a package that needs no Redis (Env.Redis is nil). Redis has 16
// numbers: 0 is `make dev`'s, 10 the benchmark's (bench/ingest -spawn),
// 15 the browser e2e run's (scripts/e2e.sh).
// Free now: none; 11 is bench/paging's and the stakeholder tests' (both wait on its lock).
var redisDBs = map[string]int{
	"auth":         1,
	"integration":  2,
	"server":       3,
	"worker":       4,
	"main":         6,
	"alertmanager": 12,
	"ingest":       13,
	"inbound":      14,
	"migration":    -1,
	"incident":     -1,
	"seed":         -1,
	"heartbeat":    -1,
	"schedule":     -1,
	"pager":        8,
	"faults":       9,
	"paging":       7,
	"contact":      -1,
	"statuspage":   -1,
	"stakeholder":  11,
	"live":         5,
	// test/live shares 5 with live/: the lock makes them take turns.
	"livetest":  5,
	"leader":    -1,
	"pagingfix": -1,
	"oneround":  -1,
}

// Env is what a test package gets.
type Env struct {
	// DatabaseURL names the package's own, migrated database.
	DatabaseURL string
	DB          *sql.DB
	Client      *ent.Client
	// RedisURL names the package's own Redis database, flushed before and
	// after; empty (and Redis nil) for packages marked -1 in redisDBs.
	RedisURL string
	Redis    *redis.Client

	name      string
	redisLock *os.File
}

// Server is the PostgreSQL server tests use (TOCSIN_TEST_PG, default local).
func Server() string {
	if s := os.Getenv("TOCSIN_TEST_PG"); s != "" {
		return s
	}
	return "postgres://postgres@127.0.0.1:5432"
}

// RedisServer is the Redis server tests use (TOCSIN_TEST_REDIS, default local).
func RedisServer() string {
	if s := os.Getenv("TOCSIN_TEST_REDIS"); s != "" {
		return s
	}
	return "redis://127.0.0.1:6379"
}

// Run sets up the package's environment into env, runs the tests and tears down.
func Run(m *testing.M, pkg string, env *Env) int {
	e, err := New(pkg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testenv:", err)
		return 1
	}
	*env = *e
	code := m.Run()
	if err := e.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "testenv:", err)
	}
	return code
}

// New creates the database tocsin_test_<pkg>, migrates it, and flushes the
// package's Redis database.
func New(pkg string) (*Env, error) {
	n, ok := redisDBs[pkg]
	if !ok {
		return nil, fmt.Errorf("package %q has no Redis database number; add it to redisDBs in internal/testenv", pkg)
	}
	// The pid keeps two runs of the same package (two checkouts on one
	// machine) from dropping each other's database; databases left by runs
	// that were killed are dropped here.
	prefix := "tocsin_test_" + regexp.MustCompile(`[^a-z0-9_]`).ReplaceAllString(pkg, "_") + "_"
	dropStale(prefix)
	name := fmt.Sprintf("%s%d", prefix, os.Getpid())
	if err := CreateDatabase(name); err != nil {
		return nil, err
	}
	e := &Env{name: name, DatabaseURL: fmt.Sprintf("%s/%s?sslmode=disable", Server(), name)}
	var err error
	// Opened as the server opens its pools (oneround), so what the tests
	// run in process is what runs in production.
	if e.DB, err = sql.Open("postgres", oneround.DSN(e.DatabaseURL)); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := migration.Apply(ctx, e.DB); err != nil {
		return nil, fmt.Errorf("migrating %s: %w", name, err)
	}
	e.Client = ent.NewClient(ent.Driver(oneround.Driver(e.DB)))
	if n < 0 {
		return e, nil
	}
	// Two checkouts on one machine share the Redis numbers: the second
	// run of a package waits here until the first one is done with it.
	if e.redisLock, err = LockRedisDB(n); err != nil {
		return nil, err
	}
	e.RedisURL = fmt.Sprintf("%s/%d", RedisServer(), n)
	opt, err := redis.ParseURL(e.RedisURL)
	if err != nil {
		return nil, err
	}
	e.Redis = redis.NewClient(opt)
	// A fresh deadline: waiting for the lock above may take longer than
	// the one the migration had.
	fctx, fcancel := context.WithTimeout(context.Background(), time.Minute)
	defer fcancel()
	if err := e.Redis.FlushDB(fctx).Err(); err != nil {
		return nil, fmt.Errorf("redis at %s: %w", e.RedisURL, err)
	}
	return e, nil
}

// Close drops the database and flushes the Redis database.
func (e *Env) Close() error {
	if e.Redis != nil {
		e.Redis.FlushDB(context.Background())
		e.Redis.Close()
		e.redisLock.Close() // releases the flock
	}
	e.Client.Close()
	return DropDatabase(e.name)
}

// LockRedisDB holds an exclusive lock on Redis database number n for this
// process (released when the file is closed or the process exits); a
// benchmark that empties a number of redisDBs takes it too.
func LockRedisDB(n int) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(os.TempDir(), fmt.Sprintf("tocsin-test-redis-%d.lock", n)), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("locking Redis database %d: %w", n, err)
	}
	return f, nil
}

// CreateDatabase (re)creates an empty database on the test server.
func CreateDatabase(name string) error {
	admin, err := sql.Open("postgres", Server()+"/postgres?sslmode=disable")
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %q WITH (FORCE)", name)); err != nil {
		return fmt.Errorf("PostgreSQL at %s: %w", Server(), err)
	}
	_, err = admin.Exec(fmt.Sprintf("CREATE DATABASE %q", name))
	return err
}

// dropStale drops databases named prefix<pid> whose process is gone.
func dropStale(prefix string) {
	admin, err := sql.Open("postgres", Server()+"/postgres?sslmode=disable")
	if err != nil {
		return
	}
	defer admin.Close()
	rows, err := admin.Query("SELECT datname FROM pg_database WHERE datname LIKE $1", prefix+"%")
	if err != nil {
		return
	}
	var stale []string
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			pid, err := strconv.Atoi(strings.TrimPrefix(n, prefix))
			if _, statErr := os.Stat(fmt.Sprintf("/proc/%d", pid)); err == nil && os.IsNotExist(statErr) {
				stale = append(stale, n)
			}
		}
	}
	rows.Close()
	for _, n := range stale {
		_ = DropDatabase(n)
	}
}

// DropDatabase removes a database from the test server.
func DropDatabase(name string) error {
	admin, err := sql.Open("postgres", Server()+"/postgres?sslmode=disable")
	if err != nil {
		return err
	}
	defer admin.Close()
	_, err = admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %q WITH (FORCE)", name))
	return err
}

// Truncate empties all Tocsin tables, for tests that need a clean slate.
func (e *Env) Truncate(t testing.TB) {
	t.Helper()
	_, err := e.DB.Exec(`DO $$ DECLARE r record; BEGIN
		FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'tocsin_schema_migrations' LOOP
			EXECUTE 'TRUNCATE TABLE ' || quote_ident(r.tablename) || ' CASCADE';
		END LOOP; END $$`)
	if err != nil {
		t.Fatalf("truncating: %v", err)
	}
	if e.Redis != nil {
		e.Redis.FlushDB(context.Background())
	}
}
