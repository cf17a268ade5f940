package heartbeat_test

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "heartbeat", &env)) }

var sys = viewer.System(context.Background())

func TestSilenceOpensOneAlertAndAPingClosesIt(t *testing.T) {
	env.Truncate(t)
	team := env.Client.Team.Create().SetName("T").SaveX(sys)
	svc := env.Client.Service.Create().SetName("S").SetTeam(team).SaveX(sys)
	interval := 60
	h, err := heartbeat.Create(sys, env.Client, heartbeat.Config{ServiceID: svc.ID, Name: "nightly-backup", IntervalSeconds: &interval})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	clock := func() time.Time { return now }
	alerts := incident.New(env.Client, env.DB)
	alerts.Now = clock
	newMonitor := func() *heartbeat.Monitor { return &heartbeat.Monitor{Client: env.Client, Alerts: alerts, Now: clock} }

	if n, err := newMonitor().Sweep(context.Background()); err != nil || n != 0 {
		t.Fatalf("before the interval passes nothing expires: %d %v", n, err)
	}
	now = now.Add(61 * time.Second)
	// Three workers sweep at once: the silence opens exactly one alert.
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := newMonitor().Sweep(context.Background())
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total != 1 {
		t.Fatalf("want one expiry across workers, got %d", total)
	}
	a := env.Client.Alert.Query().Where(alert.Alias(heartbeat.Alias(h))).OnlyX(sys)
	if a.Status != alert.StatusOPEN || a.Message != "Heartbeat nightly-backup expired: no ping for 1m0s" {
		t.Fatalf("expiry alert: %+v", a)
	}
	if n, _ := newMonitor().Sweep(context.Background()); n != 0 {
		t.Fatalf("an expired heartbeat does not expire again until pinged, got %d", n)
	}
	if _, err := newMonitor().Ping(context.Background(), svc.ID, "nightly-backup"); err != nil {
		t.Fatal(err)
	}
	a = env.Client.Alert.GetX(sys, a.ID)
	if a.Status != alert.StatusCLOSED {
		t.Fatalf("a ping after expiry closes the alert, got %s", a.Status)
	}
	if _, err := newMonitor().Ping(context.Background(), svc.ID+1, "nightly-backup"); err != heartbeat.ErrNotFound {
		t.Fatalf("a ping for another service's heartbeat: want ErrNotFound, got %v", err)
	}
	hb := env.Client.Heartbeat.GetX(sys, h.ID)
	if hb.Expired || hb.ExpiresAt == nil || hb.ExpiresAt.Sub(now.Add(time.Minute)).Abs() > time.Millisecond {
		t.Fatalf("after the ping the next one is due an interval later: %+v", hb)
	}
}

func TestIntervalUnderAMinuteIsRefused(t *testing.T) {
	env.Truncate(t)
	team := env.Client.Team.Create().SetName("T").SaveX(sys)
	svc := env.Client.Service.Create().SetName("S").SetTeam(team).SaveX(sys)
	short := 30
	if _, err := heartbeat.Create(sys, env.Client, heartbeat.Config{ServiceID: svc.ID, Name: "x", IntervalSeconds: &short}); err == nil {
		t.Fatal("want an error for a 30 s interval")
	}
}
