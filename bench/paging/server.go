package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/bench/internal/machine"
	"github.com/tocsin/tocsin/bench/internal/rawinsert"
	"github.com/tocsin/tocsin/ent"
	_ "github.com/tocsin/tocsin/ent/runtime"
	"github.com/tocsin/tocsin/internal/pagingfix"
	"github.com/tocsin/tocsin/internal/testenv"
)

// rawConns and rawFor are the raw INSERT measurement's shape (as
// bench/ingest's default).
const (
	rawConns = 16
	rawFor   = 10 * time.Second
)

// benchEnv is a running Tocsin on a scratch database, the fixture, the
// receiver, and what was measured of the machine before.
type benchEnv struct {
	client *ent.Client
	db     *sql.DB // Tocsin's database, for pg_stat_activity
	dbName string
	fix    *pagingfix.Fixture
	recv   *receiver
	base   string
	// metricsAddr serves tocsin's /metrics and /debug/pprof/.
	metricsAddr string
	http        *http.Client
	cleanups    []func()

	pgVersion, pgSettings string
	raw                   rawinsert.Result
	loadBeforeRaw, loadAt string // load average before and after the raw INSERT phase
}

func (e *benchEnv) stop() {
	for i := len(e.cleanups) - 1; i >= 0; i-- {
		e.cleanups[i]()
	}
}

// start takes the locks, measures raw INSERTs, creates and migrates the
// scratch database, sets the fixture up and starts `tocsin all`.
func start(ctx context.Context, o options) (_ *benchEnv, err error) {
	e := &benchEnv{}
	defer func() {
		if err != nil {
			e.stop()
		}
	}()
	unlock, err := machine.Lock("bench/paging")
	if err != nil {
		return nil, err
	}
	e.cleanups = append(e.cleanups, unlock)
	redisLock, err := testenv.LockRedisDB(o.redisDB)
	if err != nil {
		return nil, err
	}
	e.cleanups = append(e.cleanups, func() { redisLock.Close() })

	admin, err := sql.Open("postgres", o.pg+"/postgres?sslmode=disable")
	if err != nil {
		return nil, err
	}
	e.cleanups = append(e.cleanups, func() { admin.Close() })
	if e.pgVersion, e.pgSettings, err = machine.PostgreSQL(ctx, admin); err != nil {
		return nil, fmt.Errorf("PostgreSQL at %s: %w", o.pg, err)
	}
	e.loadBeforeRaw = machine.LoadAvg()
	log.Printf("raw INSERT … RETURNING id: %d connections for %v", rawConns, rawFor)
	if e.raw, err = rawinsert.Measure(ctx, o.pg, admin, rawConns, rawFor); err != nil {
		return nil, err
	}
	e.loadAt = machine.LoadAvg()
	log.Printf("raw INSERT: %.0f commits/s", e.raw.Rate())

	name := fmt.Sprintf("tocsin_paging_%d", os.Getpid())
	e.dbName = name
	if _, err := admin.Exec(fmt.Sprintf("CREATE DATABASE %q", name)); err != nil {
		return nil, err
	}
	e.cleanups = append(e.cleanups, func() { admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %q WITH (FORCE)", name)) })
	redisURL := fmt.Sprintf("%s/%d", o.redis, o.redisDB)
	opt, err := redis.ParseURL(redisURL)
	if err != nil {
		return nil, err
	}
	rdb := redis.NewClient(opt)
	if err := rdb.FlushDB(ctx).Err(); err != nil {
		rdb.Close()
		return nil, fmt.Errorf("redis at %s: %w", redisURL, err)
	}
	e.cleanups = append(e.cleanups, func() { rdb.FlushDB(context.Background()); rdb.Close() })

	hook, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	e.recv = newReceiver()
	hookSrv := &http.Server{Handler: e.recv}
	go hookSrv.Serve(hook)
	e.cleanups = append(e.cleanups, func() { hookSrv.Close() })

	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	dbURL := fmt.Sprintf("%s/%s?sslmode=disable", o.pg, name)
	if e.metricsAddr, err = freeAddr(); err != nil {
		return nil, err
	}
	env := append(pagingfix.ServerEnv(dbURL, redisURL, addr), "TOCSIN_METRICS_ADDR="+e.metricsAddr)
	migrate := exec.CommandContext(ctx, o.bin, "migrate")
	migrate.Env = env
	if out, err := migrate.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("tocsin migrate: %v\n%s", err, out)
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return nil, err
	}
	e.db = db
	e.client = ent.NewClient(ent.Driver(entsql.OpenDB("postgres", db)))
	e.cleanups = append(e.cleanups, func() { e.client.Close() })
	// Step 1 a minute after step 0; the repeat 30 minutes after step 1,
	// after the run.
	if e.fix, err = pagingfix.Setup(ctx, e.client, "http://"+hook.Addr().String(), 1, 30); err != nil {
		return nil, err
	}

	srv := exec.Command(o.bin, "all")
	srv.Env = env
	_ = os.MkdirAll(".dev", 0o755)
	if logf, err := os.Create(".dev/bench-paging-server.log"); err == nil {
		srv.Stdout, srv.Stderr = logf, logf
		e.cleanups = append(e.cleanups, func() { logf.Close() })
	}
	if err := srv.Start(); err != nil {
		return nil, err
	}
	e.cleanups = append(e.cleanups, func() { srv.Process.Signal(os.Interrupt); srv.Wait() })
	e.base = "http://" + addr
	e.http = &http.Client{Timeout: 10 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 200, MaxIdleConnsPerHost: 200, IdleConnTimeout: time.Minute}}
	if err := waitReady(ctx, e.base, 30*time.Second); err != nil {
		return nil, err
	}
	return e, nil
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitReady(ctx context.Context, base string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("tocsin did not become ready at %s (log: .dev/bench-paging-server.log)", base)
}
