package seed_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/internal/seed"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "seed", &env)) }

// rows counts every table the demo seed writes.
func rows(t *testing.T) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"users", "teams", "services", "alerts", "incidents", "timeline_events", "integrations", "heartbeats", "contact_methods", "notification_rules"} {
		var n int
		if err := env.DB.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Fatalf("counting %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

func run(t *testing.T, intgs *integration.Integrations) []seed.IntakeIntegration {
	t.Helper()
	ctx := context.Background()
	if err := seed.Demo(ctx, env.Client, auth.New(env.Client, nil, time.Hour), time.Now()); err != nil {
		t.Fatalf("Demo: %v", err)
	}
	got, err := seed.Intake(ctx, env.Client, intgs)
	if err != nil {
		t.Fatalf("Intake: %v", err)
	}
	return got
}

func TestDemoSeedTwiceGivesTheSameRows(t *testing.T) {
	env.Truncate(t)
	intgs := integration.New(env.Client, nil, "http://localhost:8080", "localhost")
	first := run(t, intgs)
	after1 := rows(t)
	second := run(t, intgs)
	after2 := rows(t)
	for table, n := range after1 {
		if after2[table] != n {
			t.Errorf("%s: %d rows after the first run, %d after the second", table, n, after2[table])
		}
	}
	if after1["integrations"] != 7 || after1["heartbeats"] != 1 {
		t.Fatalf("want 7 integrations (one per kind) and 1 heartbeat, got %d and %d", after1["integrations"], after1["heartbeats"])
	}
	if len(first) != 7 || len(second) != 7 {
		t.Fatalf("want 7 integrations reported each run, got %d and %d", len(first), len(second))
	}
	for n, d := range first {
		if d.Key == "" {
			t.Fatalf("first run: want the key of %s, got none", d.Kind)
		}
		i, err := intgs.Authenticate(context.Background(), d.Key)
		if err != nil || i.ID != d.ID {
			t.Fatalf("first run: the %s key must authenticate its integration %d, got %v %v", d.Kind, d.ID, i, err)
		}
		if s := second[n]; s.Key != "" || s.Curl != "" || s.ID != d.ID || s.URL == "" {
			t.Fatalf("second run: want %s (id %d) without a key, got %+v", d.Kind, d.ID, s)
		}
	}
	if first[0].Kind != "OPSGENIE" || first[0].Curl == "" {
		t.Fatalf("want a ready curl for Opsgenie, got %+v", first[0])
	}
	sys := viewer.System(context.Background())
	if n := env.Client.Service.Query().CountX(sys); n != 4 {
		t.Fatalf("want the 3 demo services and Demo intake, got %d services", n)
	}
	// Responders can be paged in make dev: a verified email and rules for both urgencies.
	if after1["contact_methods"] != 2 || after1["notification_rules"] != 4 {
		t.Fatalf("want an email contact method and 2 rules for the admin and the responder, got %d and %d",
			after1["contact_methods"], after1["notification_rules"])
	}
}
