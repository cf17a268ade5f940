package migration_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/internal/oneround"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/migration"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "migration", &env)) }

func freshDB(t *testing.T, name string) *sql.DB {
	t.Helper()
	if err := testenv.CreateDatabase(name); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("postgres", testenv.Server()+"/"+name+"?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(); testenv.DropDatabase(name) })
	return db
}

func TestConcurrentApplyMigratesOnce(t *testing.T) {
	db := freshDB(t, fmt.Sprintf("tocsin_test_migration_race_%d", os.Getpid()))
	var wg sync.WaitGroup
	results := make([][]string, 4)
	errs := make([]error, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = migration.Apply(context.Background(), db)
		}()
	}
	wg.Wait()
	files, _ := migration.Files()
	total := 0
	for i := range results {
		if errs[i] != nil {
			t.Fatalf("runner %d failed: %v", i, errs[i])
		}
		total += len(results[i])
	}
	if total != len(files) {
		t.Fatalf("want each of %d migrations applied exactly once across runners, got %d applications", len(files), total)
	}
	if again, err := migration.Apply(context.Background(), db); err != nil || len(again) != 0 {
		t.Fatalf("second apply: want nothing to do, got %v, %v", again, err)
	}
}

func TestMigrationsMatchEntSchema(t *testing.T) {
	// env.DB was migrated by testenv; ask ent what it would still change.
	client := ent.NewClient(ent.Driver(oneround.Driver(env.DB)))
	var buf bytes.Buffer
	if err := client.Schema.WriteTo(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	var stmts []string
	for _, l := range strings.Split(buf.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "--") && l != "BEGIN;" && l != "COMMIT;" {
			stmts = append(stmts, l)
		}
	}
	if len(stmts) > 0 {
		t.Fatalf("ent/schema differs from migration/sql; run `make migration NAME=<what_changed>`. Pending:\n%s", strings.Join(stmts, "\n"))
	}
}

func TestNoMigrationDropsData(t *testing.T) {
	drop := regexp.MustCompile(`(?i)\b(DROP\s+(TABLE|COLUMN|SCHEMA)|TRUNCATE|DELETE\s+FROM)\b`)
	files, err := migration.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if m := drop.FindString(f.SQL); m != "" {
			t.Errorf("migration %s contains %q: migrations must never drop data", f.Version, m)
		}
	}
}

func TestEditedMigrationIsRefused(t *testing.T) {
	db := freshDB(t, fmt.Sprintf("tocsin_test_migration_edit_%d", os.Getpid()))
	if _, err := migration.Apply(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE tocsin_schema_migrations SET checksum = 'x' WHERE version = (SELECT min(version) FROM tocsin_schema_migrations)"); err != nil {
		t.Fatal(err)
	}
	_, err := migration.Apply(context.Background(), db)
	if err == nil || !strings.Contains(err.Error(), "was changed after it was applied") {
		t.Fatalf("want an error about a changed migration, got %v", err)
	}
}

// TestAddedColumnsApplyToTablesWithRows: a NOT NULL column added to an
// existing table needs a DEFAULT, or the migration fails on any database
// that has rows (ent's Go-side defaults do not reach SQL; use entsql.Default).
func TestAddedColumnsApplyToTablesWithRows(t *testing.T) {
	addCol := regexp.MustCompile(`(?i)ADD COLUMN "([^"]+)" [^,;]*`)
	files, err := migration.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, m := range addCol.FindAllStringSubmatch(f.SQL, -1) {
			def := strings.ToUpper(m[0])
			if strings.Contains(def, "NOT NULL") && !strings.Contains(def, "DEFAULT") {
				t.Errorf("migration %s adds NOT NULL column %q without a DEFAULT: %s", f.Version, m[1], m[0])
			}
		}
	}
}

// Integrations still at the old request-counting defaults (600/min, burst
// 100) get the alert-counting ones; a limit someone chose is kept.
func TestRateLimitsAtTheOldDefaultsBecomeAlertLimits(t *testing.T) {
	db := freshDB(t, fmt.Sprintf("tocsin_test_migration_limits_%d", os.Getpid()))
	files, err := migration.Files()
	if err != nil {
		t.Fatal(err)
	}
	const version = "20261205115029_alert_rate_limits"
	for _, f := range files {
		if f.Version == version {
			for _, stmt := range []string{
				`INSERT INTO teams (id, created_at, updated_at, name) VALUES (1, now(), now(), 'T')`,
				`INSERT INTO services (id, created_at, updated_at, name, team_id) VALUES (1, now(), now(), 'S', 1)`,
				`INSERT INTO integrations (id, created_at, updated_at, name, kind, key_hash, key_prefix, mapping, service_id) VALUES (1, now(), now(), 'default', 'ALERTMANAGER', '\x01', 'k', '{}', 1)`,
				`INSERT INTO integrations (id, created_at, updated_at, name, kind, key_hash, key_prefix, mapping, service_id, rate_limit_per_minute, rate_limit_burst) VALUES (2, now(), now(), 'chosen', 'ALERTMANAGER', '\x02', 'k', '{}', 1, 60, 10)`,
			} {
				if _, err := db.Exec(stmt); err != nil {
					t.Fatalf("%s: %v", stmt, err)
				}
			}
		}
		if _, err := db.Exec(f.SQL); err != nil {
			t.Fatalf("%s: %v", f.Version, err)
		}
	}
	got := map[int][2]int{}
	rows, err := db.Query(`SELECT id, rate_limit_per_minute, rate_limit_burst FROM integrations`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, rate, burst int
		if err := rows.Scan(&id, &rate, &burst); err != nil {
			t.Fatal(err)
		}
		got[id] = [2]int{rate, burst}
	}
	if got[1] != [2]int{6000, 2000} || got[2] != [2]int{60, 10} {
		t.Fatalf("want the default row at 6000/2000 and the chosen one kept at 60/10, got %v", got)
	}
}
