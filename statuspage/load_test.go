package statuspage

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/incident"
)

func TestLoadShowsComponentsInOrderWithStatusAndOnlyPublicUpdates(t *testing.T) {
	f := newFixture(t, true)
	env.Client.MaintenanceWindow.Create().SetServiceID(f.db.ID).SetStartsAt(time.Now().Add(time.Hour)).
		SetEndsAt(time.Now().Add(2 * time.Hour)).SetReason("Database upgrade").SaveX(f.ctx)
	v, err := (&Pages{Client: env.Client, TTL: -1}).Load(context.Background(), "acme")
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Groups) != 2 || v.Groups[0].Name != "Core" || v.Groups[0].Components[0].Name != "API" ||
		v.Groups[0].Components[1].Name != "Database" || v.Groups[1].Components[0].Name != "Website" {
		t.Fatalf("want Core (API, Database) then Website, got %+v", v.Groups)
	}
	if s := v.Groups[0].Components[0].Status; s != PartialOutage {
		t.Errorf("API under a SEV2: want partial outage, got %s", s)
	}
	if s := v.Groups[0].Components[1].Status; s != Operational {
		t.Errorf("Database: want operational, got %s", s)
	}
	if len(v.Active) != 1 || len(v.Active[0].Updates) != 1 || v.Active[0].Updates[0].ID != f.public.ID {
		t.Fatalf("want the incident with only its PUBLIC update, got %+v", v.Active)
	}
	if len(v.Maintenance) != 1 || v.Maintenance[0].Reason != "Database upgrade" || v.Maintenance[0].Components[0] != "Database" {
		t.Errorf("want the upcoming database window, got %+v", v.Maintenance)
	}
	if d := v.Groups[0].Components[0].History.Days[HistoryDays-1]; d.Down <= 0 || d.Worst != PartialOutage {
		t.Errorf("want today's API bar down for the open SEV2, got %+v", d)
	}
}

func TestInternalPageAlsoShowsStakeholderUpdatesButNeverInternalOnes(t *testing.T) {
	f := newFixture(t, false)
	v, err := (&Pages{Client: env.Client, TTL: -1}).Load(context.Background(), "acme")
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, u := range v.Active[0].Updates {
		msgs = append(msgs, u.Message)
	}
	got := strings.Join(msgs, "|")
	if got != f.stakeholder.Message+"|"+f.public.Message {
		t.Errorf("want the stakeholder then the public update, got %q", got)
	}
}

func TestLoadUnknownSlugIsNotFound(t *testing.T) {
	newFixture(t, true)
	_, err := (&Pages{Client: env.Client}).Load(context.Background(), "nope")
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("want ErrNotFound, got %v", err)
	}
}

func TestLoadIsCachedForTheTTL(t *testing.T) {
	f := newFixture(t, true)
	now := time.Now()
	p := &Pages{Client: env.Client, TTL: 5 * time.Second, Now: func() time.Time { return now }}
	if _, err := p.Load(context.Background(), "acme"); err != nil {
		t.Fatal(err)
	}
	env.Client.Incident.UpdateOneID(f.incident.ID).SetStatus(incident.StatusRESOLVED).SetResolvedAt(now).ExecX(f.ctx)
	v, _ := p.Load(context.Background(), "acme")
	if len(v.Active) != 1 {
		t.Errorf("within the TTL: want the cached view with 1 active incident, got %d", len(v.Active))
	}
	now = now.Add(6 * time.Second)
	v, _ = p.Load(context.Background(), "acme")
	if len(v.Active) != 0 || len(v.Recent) != 1 {
		t.Errorf("after the TTL: want the incident resolved, got %d active %d recent", len(v.Active), len(v.Recent))
	}
}

// When the cache expires under a stampede, the requests that missed it
// together share one load.
func TestConcurrentMissesShareOneLoad(t *testing.T) {
	newFixture(t, true)
	p := &Pages{Client: env.Client, TTL: 5 * time.Second}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if v, err := p.Load(context.Background(), "acme"); err != nil || v == nil {
				t.Errorf("Load: %v", err)
			}
		}()
	}
	close(start)
	wg.Wait()
	if n := p.loads.Load(); n != 1 {
		t.Errorf("50 concurrent requests on a cold cache: want 1 load, got %d", n)
	}
}
