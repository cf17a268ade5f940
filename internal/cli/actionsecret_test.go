package cli_test

import (
	"bytes"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
	"github.com/tocsin/tocsin/viewer"
)

// publishedDevSecret is the development secret Tocsin once published and
// used whenever TOCSIN_BASE_URL was localhost (docker-compose.yml's, with
// the port open on every interface).
const publishedDevSecret = "tocsin-development-action-secret-not-for-production"

// A server started with the defaults (base URL localhost, no
// TOCSIN_ACTION_SECRET) refuses links signed with the published secret and
// takes links signed with the one it generated and keeps in the database.
func TestDefaultServeSignsWithAGeneratedSecretNotThePublishedOne(t *testing.T) {
	env.Truncate(t)
	sys := viewer.System(t.Context())
	team := env.Client.Team.Create().SetName("Ops").SaveX(sys)
	svc := env.Client.Service.Create().SetName("Web").SetTeam(team).SaveX(sys)
	ada := env.Client.User.Create().SetName("Ada").SetEmail("ada@example.com").SetRole(viewer.RoleAdmin).SaveX(sys)
	created, err := incident.New(env.Client, env.DB).Create(sys, incident.SystemActor("test"), incident.NewAlert{ServiceID: svc.ID, Message: "Disk full"})
	if err != nil {
		t.Fatal(err)
	}

	addr := freePort(t)
	cmd := exec.Command(buildBinary(t), "serve")
	cmd.Env = append(os.Environ(), "TOCSIN_DATABASE_URL="+env.DatabaseURL, "TOCSIN_REDIS_URL="+env.RedisURL, "TOCSIN_HTTP_ADDR="+addr)
	log := &bytes.Buffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if !waitReady(addr, 30*time.Second) {
		t.Fatalf("serve never ready:\n%s", log)
	}
	acknowledge := func(secret string) int {
		t.Helper()
		s, err := actiontoken.NewSigner(secret)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := s.Sign(actiontoken.Claims{AlertID: created.ID, UserID: ada.ID, Actions: []notify.Action{notify.Acknowledge}, Expires: time.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		res, err := http.Post("http://"+addr+"/actions/"+tok, "application/json", strings.NewReader(`{"action":"acknowledge"}`))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	status := func() alert.Status { return env.Client.Alert.GetX(sys, created.ID).Status }

	if code := acknowledge(publishedDevSecret); code != http.StatusForbidden || status() != alert.StatusOPEN {
		t.Fatalf("a link signed with the published secret: want 403 and the alert still open, got %d and %s", code, status())
	}
	var stored string
	if err := env.DB.QueryRow(`SELECT value FROM tocsin_secrets WHERE name = 'action'`).Scan(&stored); err != nil || len(stored) < 32 {
		t.Fatalf("want a generated secret of 32+ characters in tocsin_secrets, got %q %v", stored, err)
	}
	if code := acknowledge(stored); code != http.StatusOK || status() != alert.StatusACKED {
		t.Fatalf("a link signed with the generated secret: want 200 and the alert acknowledged, got %d and %s\n%s", code, status(), log)
	}
	if !strings.Contains(log.String(), "signed with the secret kept in the database") {
		t.Fatalf("want the start to say which secret signs action links, got:\n%s", log)
	}
}
