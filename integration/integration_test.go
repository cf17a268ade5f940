package integration_test

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "integration", &env)) }

var sys = viewer.System(context.Background())

func setup(t *testing.T) (*integration.Integrations, *ent.Service) {
	t.Helper()
	env.Truncate(t)
	team := env.Client.Team.Create().SetName("T").SaveX(sys)
	svc := env.Client.Service.Create().SetName("S").SetTeam(team).SaveX(sys)
	return integration.New(env.Client, env.Redis, "https://tocsin.example.com", "alerts.example.com"), svc
}

func TestKeysAreShownOnceAndStoredHashed(t *testing.T) {
	s, svc := setup(t)
	i, key, err := s.Create(sys, integration.CreateInput{ServiceID: svc.ID, Kind: entintegration.KindOPSGENIE, Name: "Prometheus"})
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(key) {
		t.Fatalf("want a UUIDv4-shaped key (every Opsgenie sender accepts it), got %q", key)
	}
	if strings.Contains(string(i.KeyHash), key) || i.KeyPrefix != key[:8] {
		t.Fatalf("the key must be stored hashed with its prefix only: %+v", i)
	}
	got, err := s.Authenticate(context.Background(), key)
	if err != nil || got.ID != i.ID {
		t.Fatalf("authenticate: %v %v", got, err)
	}
	_, newKey, err := s.RotateKey(sys, i.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(context.Background(), key); err != integration.ErrUnknownKey {
		t.Fatalf("the old key must stop working after rotation, got %v", err)
	}
	disabled := false
	if _, err := s.Update(sys, i.ID, integration.UpdateInput{Enabled: &disabled}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(context.Background(), newKey); err != integration.ErrDisabled {
		t.Fatalf("a disabled integration: want ErrDisabled, got %v", err)
	}
}

func TestRateLimitIsATokenBucketSharedInRedis(t *testing.T) {
	s, svc := setup(t)
	i, _, _ := s.Create(sys, integration.CreateInput{ServiceID: svc.ID, Kind: entintegration.KindOPSGENIE, Name: "x",
		RateLimitPerMinute: 60, RateLimitBurst: 3})
	now := time.Unix(1_800_000_000, 0)
	s.Now = func() time.Time { return now }
	for n := 1; n <= 3; n++ {
		if d := s.Allow(context.Background(), i); !d.Allowed || d.Remaining != 3-n {
			t.Fatalf("request %d within the burst: %+v", n, d)
		}
	}
	d := s.Allow(context.Background(), i)
	if d.Allowed || d.RetryAfter != time.Second || d.Limit != 60 {
		t.Fatalf("past the burst at 1/s: want refused with a 1 s wait, got %+v", d)
	}
	now = now.Add(time.Second)
	other := integration.New(env.Client, env.Redis, "", "") // another replica
	other.Now = s.Now
	if d := other.Allow(context.Background(), i); !d.Allowed {
		t.Fatalf("one second later one token is back, seen by another replica too: %+v", d)
	}
}

func TestGenericMapping(t *testing.T) {
	m := map[string]string{
		"message":  `body.title`,
		"alias":    `"job-" + string(body.id)`,
		"priority": `body.severity == "critical" ? "P1" : "P3"`,
		"details":  `{"host": body.host, "load": body.load}`,
		"tags":     `body.labels`,
		"close":    `body.status == "resolved"`,
	}
	if err := integration.CheckMapping(m); err != nil {
		t.Fatal(err)
	}
	body := map[string]any{"title": "Backup failed", "id": 42.0, "severity": "critical", "host": "db-1", "load": 1.5,
		"labels": []any{"backup", "db"}, "status": "firing"}
	got, err := integration.Apply(m, body)
	if err != nil {
		t.Fatal(err)
	}
	if got.Message != "Backup failed" || got.Alias != "job-42" || got.Priority != "P1" || got.Close ||
		got.Details["host"] != "db-1" || got.Details["load"] != "1.5" || strings.Join(got.Tags, ",") != "backup,db" {
		t.Fatalf("mapped: %+v", got)
	}
	for _, bad := range []map[string]string{
		{"alias": "body.id"},                     // no message
		{"message": "body.title +"},              // syntax error
		{"message": "body.title", "colour": "1"}, // unknown field
	} {
		if err := integration.CheckMapping(bad); err == nil {
			t.Errorf("CheckMapping(%v): want an error", bad)
		}
	}
	if _, err := integration.Apply(map[string]string{"message": "body.title", "close": `"yes"`}, body); err == nil {
		t.Fatal("close must be a boolean")
	}
}

func TestURLsAndSnippetsPerKind(t *testing.T) {
	s, svc := setup(t)
	for kind, want := range map[entintegration.Kind]string{
		entintegration.KindOPSGENIE:     "https://tocsin.example.com/v2/alerts",
		entintegration.KindPAGERDUTY:    "https://tocsin.example.com/v2/enqueue",
		entintegration.KindALERTMANAGER: "https://tocsin.example.com/hooks/alertmanager",
		entintegration.KindEMAIL:        "@alerts.example.com",
	} {
		i, key, err := s.Create(sys, integration.CreateInput{ServiceID: svc.ID, Kind: kind, Name: string(kind),
			Mapping: map[string]string{"message": "body.m"}})
		if err != nil {
			t.Fatal(err)
		}
		if u := s.URL(i, key); !strings.Contains(u, want) {
			t.Errorf("%s URL: want %q in %q", kind, want, u)
		}
		sn := s.Snippets(i, key)
		if !strings.Contains(sn.Curl, key) {
			t.Errorf("%s curl snippet lacks the key:\n%s", kind, sn.Curl)
		}
		if later := s.Snippets(i, ""); strings.Contains(later.Curl+later.Alertmanager+later.Grafana, key) {
			t.Errorf("%s: snippets after creation must not know the key", kind)
		}
	}
}

func TestKeyLookupsAreCachedForAtMostTheTTL(t *testing.T) {
	s, svc := setup(t)
	now := time.Now()
	s.Now = func() time.Time { return now }
	i, key, err := s.Create(sys, integration.CreateInput{ServiceID: svc.ID, Kind: entintegration.KindOPSGENIE, Name: "P"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(context.Background(), key); err != nil {
		t.Fatal(err)
	}
	// Another process disables it: this one keeps its lookup for the TTL…
	env.Client.Integration.UpdateOneID(i.ID).SetEnabled(false).ExecX(sys)
	if _, err := s.Authenticate(context.Background(), key); err != nil {
		t.Fatalf("within the TTL the cached lookup answers, got %v", err)
	}
	// …and no longer.
	now = now.Add(integration.KeyCacheTTL)
	if _, err := s.Authenticate(context.Background(), key); err != integration.ErrDisabled {
		t.Fatalf("after the TTL: want ErrDisabled, got %v", err)
	}
	// Unknown keys are cached too, and a deletion here forgets at once.
	enabled := true
	if _, err := s.Update(sys, i.ID, integration.UpdateInput{Enabled: &enabled}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(context.Background(), key); err != nil {
		t.Fatalf("re-enabled in this process: at once, got %v", err)
	}
	if err := s.Delete(sys, i.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(context.Background(), key); err != integration.ErrUnknownKey {
		t.Fatalf("deleted in this process: want ErrUnknownKey at once, got %v", err)
	}
}
