// Command sqlfloor measures what PostgreSQL alone allows for storing an
// alert, to tell how far the ingest door (bench/ingest) is from the limit of
// its own data model: with the same concurrency, one prepared statement per
// operation, it compares
//
//   - raw: a single-row INSERT … RETURNING id (bench/ingest's "raw insert");
//   - alert: the alerts row alone (with its indexes and the dedupe ON CONFLICT);
//   - intake: one CTE writing what a new Opsgenie alert wrote before the
//     create statement was slimmed — the alert, two timeline events and the
//     request status;
//   - create: Tocsin's own incident.Alerts.Create (what every door calls)
//     with a request id, as the Opsgenie door does — no HTTP, no Redis.
//
// It creates a scratch database, migrates it with `tocsin migrate`, and
// drops it. Loopback only. Usage: go run ./bench/sqlfloor -bin bin/tocsin
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"

	"github.com/tocsin/tocsin/ent"
	_ "github.com/tocsin/tocsin/ent/runtime"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

const intake = `WITH a AS (
  INSERT INTO alerts (created_at, updated_at, alias, message, description, details, tags, priority, status, source,
    entity, count, first_occurred_at, last_occurred_at, service_id, in_maintenance, actions, responders)
  VALUES (now(), now(), $1, 'msg', '', '{}', '[]', 'P3', 'OPEN', 'bench', '', 1, now(), now(), $2, false, '[]', '[]')
  ON CONFLICT (service_id, alias) WHERE ((status)::text <> 'CLOSED'::text) DO NOTHING RETURNING id),
t AS (INSERT INTO timeline_events (kind, actor_type, actor_name, data, visibility, created_at, alert_id)
  SELECT k, 'INTEGRATION', 'bench', '{}', 'INTERNAL', now(), a.id FROM a, (VALUES ('CREATED'), ('ESCALATION_PENDING')) v(k)),
r AS (INSERT INTO ingest_requests (request_id, integration_id, action, success, status, alias, processed_at, alert_id)
  SELECT $1, 1, 'Create', true, 'Created alert', $1, now(), a.id FROM a)
SELECT id FROM a`

const alertOnly = `INSERT INTO alerts (created_at, updated_at, alias, message, description, details, tags, priority, status, source,
    entity, count, first_occurred_at, last_occurred_at, service_id, in_maintenance, actions, responders)
  VALUES (now(), now(), $1, 'msg', '', '{}', '[]', 'P3', 'OPEN', 'bench', '', 1, now(), now(), $2, false, '[]', '[]')
  ON CONFLICT (service_id, alias) WHERE ((status)::text <> 'CLOSED'::text) DO NOTHING RETURNING id`

func main() {
	server := flag.String("server", "postgres://postgres@127.0.0.1:5432", "PostgreSQL server (loopback)")
	bin := flag.String("bin", "bin/tocsin", "tocsin binary, to migrate the scratch database")
	conc := flag.Int("c", 16, "concurrent connections")
	dur := flag.Duration("d", 15*time.Second, "time per phase")
	flag.Parse()

	name := fmt.Sprintf("tocsin_sqlfloor_%d", os.Getpid())
	admin, err := sql.Open("postgres", *server+"/postgres?sslmode=disable")
	if err != nil {
		log.Fatal(err)
	}
	must(admin.Exec("CREATE DATABASE " + name))
	defer admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") // also on a failed phase (below)
	url := fmt.Sprintf("%s/%s?sslmode=disable", *server, name)
	cmd := exec.Command(*bin, "migrate")
	cmd.Env = append(os.Environ(), "TOCSIN_DATABASE_URL="+url)
	if out, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("tocsin migrate: %v\n%s", err, out)
	}
	db, err := sql.Open("postgres", url)
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(*conc)
	db.SetMaxIdleConns(*conc) // else database/sql closes all but 2 after each use, and Create re-prepares
	must(db.Exec("CREATE TABLE bench_raw (id bigserial PRIMARY KEY, alias text)"))
	var svc int64
	if err := db.QueryRow(`WITH t AS (INSERT INTO teams (created_at, updated_at, name) VALUES (now(), now(), 'bench') RETURNING id)
		INSERT INTO services (created_at, updated_at, name, team_id) SELECT now(), now(), 'bench', id FROM t RETURNING id`).Scan(&svc); err != nil {
		log.Fatal(err)
	}
	var rates [3]float64
	for i, p := range []struct {
		q    string
		args func(int64) []any
	}{
		{"INSERT INTO bench_raw (alias) VALUES ($1) RETURNING id", func(i int64) []any { return []any{fmt.Sprint("r", i)} }},
		{alertOnly, func(i int64) []any { return []any{fmt.Sprint("a", i), svc} }},
		{intake, func(i int64) []any { return []any{fmt.Sprint("i", i), svc} }},
	} {
		if rates[i], err = phase(db, *conc, *dur, p.q, p.args); err != nil {
			db.Close()
			admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			log.Fatal(err)
		}
	}
	alerts := incident.New(ent.NewClient(ent.Driver(entsql.OpenDB("postgres", db))), db)
	sys := viewer.System(context.Background())
	created, err := run(*conc, *dur, func(i int64) error {
		_, err := alerts.Create(sys, incident.IntegrationActor(0, "bench"), incident.NewAlert{
			ServiceID: int(svc), Alias: fmt.Sprint("c", i), Message: "msg", Source: "bench", RequestID: fmt.Sprint("req-", i)})
		return err
	})
	if err != nil {
		db.Close()
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		log.Fatal(err)
	}
	raw, one, all := rates[0], rates[1], rates[2]
	fmt.Printf("| statement (%d connections, prepared, autocommit, %v each) | rows/s | of raw |\n| --- | ---: | ---: |\n", *conc, *dur)
	fmt.Printf("| raw single-row INSERT … RETURNING id | %.0f | 100 %% |\n", raw)
	fmt.Printf("| alerts row only (ON CONFLICT, its indexes) | %.0f | %.0f %% |\n", one, 100*one/raw)
	fmt.Printf("| intake CTE: alert + 2 timeline events + request status | %.0f | %.0f %% |\n", all, 100*all/raw)
	fmt.Printf("| incident.Alerts.Create (Tocsin's statement: alert with request id + CREATED event) | %.0f | %.0f %% |\n", created, 100*created/raw)
}

// run calls op on conc goroutines for d and returns calls per second.
func run(conc int, d time.Duration, op func(int64) error) (float64, error) {
	var n int64
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	deadline := time.Now().Add(d)
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				if err := op(atomic.AddInt64(&n, 1)); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		}()
	}
	wg.Wait()
	return float64(n) / d.Seconds(), first
}

// phase runs q on conc connections for d and returns operations per second.
func phase(db *sql.DB, conc int, d time.Duration, q string, args func(int64) []any) (float64, error) {
	ctx := context.Background()
	var n int64
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	fail := func(err error) { once.Do(func() { first = err }) }
	deadline := time.Now().Add(d)
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := db.Conn(ctx)
			if err != nil {
				fail(err)
				return
			}
			defer conn.Close()
			stmt, err := conn.PrepareContext(ctx, q)
			if err != nil {
				fail(err)
				return
			}
			defer stmt.Close()
			for time.Now().Before(deadline) {
				var id int64
				if err := stmt.QueryRowContext(ctx, args(atomic.AddInt64(&n, 1))...).Scan(&id); err != nil {
					fail(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	return float64(n) / d.Seconds(), first
}

func must(_ sql.Result, err error) {
	if err != nil {
		log.Fatal(err)
	}
}
