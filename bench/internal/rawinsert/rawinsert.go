// Package rawinsert measures what the PostgreSQL server itself can do, one
// transaction per alert: single-row `INSERT … RETURNING id` commits,
// autocommit, a prepared statement, from several connections at once, into
// a scratch table of a scratch database that is dropped afterwards. The
// benchmarks print it beside their own figures, so that runs on different
// machines (or on one machine at busier times) can be compared.
package rawinsert

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/lib/pq"
)

// Scratch is the scratch database and its table.
type Scratch struct {
	// Name is the scratch database's name.
	Name  string
	admin *sql.DB
	db    *sql.DB
	stmt  *sql.Stmt
}

// Open creates the scratch database on the server pg (a URL without a
// database) through admin (a connection to any database of it), with a pool
// of conns connections.
func Open(ctx context.Context, pg string, admin *sql.DB, conns int) (*Scratch, error) {
	s := &Scratch{Name: fmt.Sprintf("tocsin_bench_raw_%d", time.Now().UnixNano()%1e9), admin: admin}
	if _, err := admin.ExecContext(ctx, fmt.Sprintf("CREATE DATABASE %q", s.Name)); err != nil {
		return nil, fmt.Errorf("creating scratch database %s: %w", s.Name, err)
	}
	var err error
	if s.db, err = sql.Open("postgres", fmt.Sprintf("%s/%s?sslmode=disable", pg, s.Name)); err != nil {
		s.Close()
		return nil, err
	}
	s.db.SetMaxOpenConns(conns)
	s.db.SetMaxIdleConns(conns)
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE bench (
		id bigserial PRIMARY KEY,
		alias text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		s.Close()
		return nil, err
	}
	if s.stmt, err = s.db.PrepareContext(ctx, `INSERT INTO bench (alias) VALUES ($1) RETURNING id`); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Insert commits row i.
func (s *Scratch) Insert(ctx context.Context, i int64) error {
	var id int64
	return s.stmt.QueryRowContext(ctx, "bench-"+strconv.FormatInt(i, 10)).Scan(&id)
}

// Close drops the scratch database.
func (s *Scratch) Close() error {
	if s.stmt != nil {
		s.stmt.Close()
	}
	if s.db != nil {
		s.db.Close()
	}
	if _, err := s.admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %q WITH (FORCE)", s.Name)); err != nil {
		return fmt.Errorf("could not drop scratch database %s: %w", s.Name, err)
	}
	return nil
}

// Result is one measurement.
type Result struct {
	Conns   int
	Commits int64
	Failed  int64
	Elapsed time.Duration
}

// Rate is commits per second.
func (r Result) Rate() float64 { return float64(r.Commits) / r.Elapsed.Seconds() }

func (r Result) String() string {
	return fmt.Sprintf("%.0f commits/s (single-row INSERT … RETURNING id, autocommit, %d connections, %.0f s, %d failed)",
		r.Rate(), r.Conns, r.Elapsed.Seconds(), r.Failed)
}

// Measure opens a scratch database, inserts from conns connections for d
// (each sends its next insert when the last one committed) and drops it.
func Measure(ctx context.Context, pg string, admin *sql.DB, conns int, d time.Duration) (Result, error) {
	s, err := Open(ctx, pg, admin, conns)
	if err != nil {
		return Result{}, err
	}
	defer s.Close()
	var seq, ok, failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	end := start.Add(d)
	for range conns {
		wg.Go(func() {
			for ctx.Err() == nil && time.Now().Before(end) {
				if err := s.Insert(ctx, seq.Add(1)); err != nil {
					failed.Add(1)
					continue
				}
				ok.Add(1)
			}
		})
	}
	wg.Wait()
	return Result{Conns: conns, Commits: ok.Load(), Failed: failed.Load(), Elapsed: time.Since(start)}, ctx.Err()
}
