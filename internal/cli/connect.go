package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/ent"
	_ "github.com/tocsin/tocsin/ent/runtime"
	"github.com/tocsin/tocsin/internal/oneround"
)

// where describes a database URL without its password: "127.0.0.1:5432 (database tocsin)".
func where(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "the address in TOCSIN_DATABASE_URL"
	}
	return fmt.Sprintf("%s (database %s)", u.Host, strings.TrimPrefix(u.Path, "/"))
}

// errNoDatabase is returned when the server answers but the database is missing.
var errNoDatabase = errors.New("database does not exist")

// doorConns is the size of the pool that the doors (HTTP, inbound email)
// and the general tasks share; the paging engine has a pool of its own
// (TOCSIN_PAGING_DB_CONNECTIONS).
const doorConns = 40

// openDB connects to PostgreSQL and checks it answers, with one clear error.
func openDB(ctx context.Context, rawURL string) (*sql.DB, error) {
	return openPool(ctx, rawURL, doorConns)
}

// openPool is openDB with a pool of conns connections, each statement one
// round trip (oneround).
func openPool(ctx context.Context, rawURL string, conns int) (*sql.DB, error) {
	db, err := sql.Open("postgres", oneround.DSN(rawURL))
	if err != nil {
		return nil, fmt.Errorf("TOCSIN_DATABASE_URL is not a valid PostgreSQL URL: %v", err)
	}
	db.SetMaxOpenConns(conns)
	// Every connection may stay open while idle: with fewer, database/sql
	// closes the ones beyond as each transaction ends and opens new ones
	// the next moment (at 100 alerts a second, three new PostgreSQL
	// backends a second, each a process to fork and warm up), and the
	// idle timeout below closes them when the load is gone.
	db.SetMaxIdleConns(conns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		var pqErr *pq.Error
		if errors.As(err, &pqErr) && pqErr.Code == "3D000" {
			return nil, fmt.Errorf("PostgreSQL at %s: %w; `tocsin migrate` creates it", where(rawURL), errNoDatabase)
		}
		return nil, fmt.Errorf("cannot reach PostgreSQL at %s: %s", where(rawURL), shortReason(err))
	}
	return db, nil
}

// warmPool opens n of db's connections at once, so that the first alerts
// after a start do not wait for PostgreSQL to start a backend for each (a
// Tocsin started into 100 alerts a second: p99 over the first 30 s 0.75 s
// cold, 0.41 s with its paging pool warm; 63 ms once it has run a while).
// It holds them all until each answered, then leaves them idle in the
// pool; a failure only means a colder start.
func warmPool(ctx context.Context, db *sql.DB, n int) {
	conns := make([]*sql.Conn, 0, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			c, err := db.Conn(ctx)
			if err != nil {
				return
			}
			if err := c.PingContext(ctx); err != nil {
				c.Close()
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, c := range conns {
		c.Close()
	}
}

// createDatabase creates the database named in rawURL on its server.
func createDatabase(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return err
	}
	name := strings.TrimPrefix(u.Path, "/")
	u.Path = "/postgres"
	admin, err := openDB(ctx, u.String())
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+pq.QuoteIdentifier(name)); err != nil {
		return fmt.Errorf("creating database %s: %v", name, err)
	}
	return nil
}

// entClient is ent over db, a pool from openPool.
func entClient(db *sql.DB) *ent.Client {
	return ent.NewClient(ent.Driver(oneround.Driver(db)))
}

// redisConns is the Redis pool of a process unless TOCSIN_REDIS_URL says
// otherwise (?pool_size=N). go-redis's default, 10 per CPU, is 20 on two
// cores: a storm of alerts — each one a rate-limit check, an enqueue, live
// events, and the paging tasks' own moves — queued for those 20 behind
// one another for seconds, and a wait past go-redis's pool timeout (4 s)
// failed the enqueue of a first step, leaving it to the sweep. Redis
// connections are cheap; waiting for one costs every page behind it.
const redisConns = 128

// openRedis connects to Redis and checks it answers, with one clear error.
func openRedis(ctx context.Context, rawURL string) (*redis.Client, error) {
	opt, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("TOCSIN_REDIS_URL is not a valid Redis URL (redis://host:port/db): %v", err)
	}
	redis.SetLogger(quietRedis{}) // failures surface as errors; go-redis's own log lines only repeat them
	if !strings.Contains(rawURL, "pool_size=") {
		opt.PoolSize = redisConns
	}
	rdb := redis.NewClient(opt)
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := rdb.Ping(pctx).Err(); err != nil {
		rdb.Close()
		return nil, fmt.Errorf("cannot reach Redis at %s (db %d): %s", opt.Addr, opt.DB, shortReason(err))
	}
	return rdb, nil
}

// shortReason keeps the last, most specific part of a network error.
func shortReason(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}

type quietRedis struct{}

func (quietRedis) Printf(context.Context, string, ...any) {}
