package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/tocsin/tocsin/integration"
)

// tocsin runs the built binary against this package's database and returns
// stdout, stderr and the exit code.
func tocsin(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(buildBinary(t), args...)
	cmd.Env = append(os.Environ(), "TOCSIN_DATABASE_URL="+env.DatabaseURL, "TOCSIN_REDIS_URL="+env.RedisURL,
		"TOCSIN_BASE_URL=https://tocsin.example.com", "TOCSIN_INBOUND_EMAIL_DOMAIN=alerts.example.com")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestCreateTeamServiceAndIntegrationFromTheCommandLine(t *testing.T) {
	out, errs, code := tocsin(t, "team", "create", "--name", "CLI team")
	if code != 0 || !regexp.MustCompile(`(?m)^created team "CLI team"\nid: \d+$`).MatchString(out) {
		t.Fatalf("team create: want exit 0 and the id, got %d %q %q", code, out, errs)
	}
	out, errs, code = tocsin(t, "service", "create", "--name", "CLI service", "--team", "CLI team", "--description", "made by a test", "--json")
	var svc struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(out), &svc); code != 0 || err != nil || svc.ID == 0 || svc.Name != "CLI service" {
		t.Fatalf("service create --json: want {id, name}, got %d %q %q", code, out, errs)
	}
	ints := integration.New(env.Client, env.Redis, "", "")
	for _, tc := range []struct{ kind, url string }{
		{"OPSGENIE", "https://tocsin.example.com/v2/alerts"},
		{"email", "@alerts.example.com"},
	} {
		out, errs, code = tocsin(t, "integration", "create", "--service", "CLI service", "--kind", tc.kind, "--json")
		var got struct {
			ID                   int
			Name, Kind, Key, URL string
		}
		if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
			t.Fatalf("integration create --kind %s: want JSON, got %d %q %q", tc.kind, code, out, errs)
		}
		i, err := ints.Authenticate(context.Background(), got.Key)
		if err != nil || i.ID != got.ID || i.ServiceID != svc.ID || got.Kind != strings.ToUpper(tc.kind) || !strings.Contains(got.URL, tc.url) {
			t.Fatalf("integration create --kind %s: want a working key for the service and URL %q, got %+v (%v)", tc.kind, tc.url, got, err)
		}
	}
	out, _, code = tocsin(t, "integration", "create", "--service", "CLI service", "--kind", "PAGERDUTY", "--name", "PD")
	if code != 0 || !strings.Contains(out, `created integration "PD" (PAGERDUTY)`) ||
		!regexp.MustCompile(`(?m)^key:  [0-9a-f-]{36}$`).MatchString(out) || !strings.Contains(out, "url:  https://tocsin.example.com/v2/enqueue") {
		t.Fatalf("integration create: want id, key and URL lines, got %d %q", code, out)
	}
}

func TestCreateCommandsExplainMistakes(t *testing.T) {
	if _, errs, code := tocsin(t, "team", "create", "--name", "Mistakes"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := tocsin(t, "service", "create", "--name", "Taken", "--team", "Mistakes"); code != 0 {
		t.Fatal(errs)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"service", "create", "--name", "X", "--team", "Nobody"}, 1, `no team named "Nobody"; create it with: tocsin team create --name "Nobody"`},
		{[]string{"service", "create", "--name", "Taken", "--team", "Mistakes"}, 1, `a service named "Taken" already exists`},
		{[]string{"team", "create", "--name", "Mistakes"}, 1, `a team named "Mistakes" already exists`},
		{[]string{"integration", "create", "--service", "Nothing", "--kind", "EMAIL"}, 1, `no service named "Nothing"`},
		{[]string{"integration", "create", "--service", "Taken", "--kind", "GENERIC", "--mapping", `{"message":"body.("}`}, 1, "mapping.message"},
		{[]string{"integration", "create", "--service", "Taken", "--kind", "SMOKE"}, 2, `--kind must be one of OPSGENIE`},
		{[]string{"integration", "create", "--service", "Taken", "--kind", "GENERIC"}, 2, "a GENERIC integration needs --mapping"},
		{[]string{"integration", "create", "--kind", "EMAIL"}, 2, "--service and --kind are required"},
		{[]string{"service", "create", "--name", "X"}, 2, "--name and --team are required"},
		{[]string{"team", "delete", "--name", "X"}, 2, `unknown subcommand "delete"`},
		{[]string{"team", "create", "--colour", "red"}, 2, "flag provided but not defined: -colour"},
		{[]string{"user", "create", "--email", "x@example.com", "--name", "X"}, 2, "give exactly one of --password and --invite"},
	} {
		_, errs, code := tocsin(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: want exit %d with %q, got %d %q", tc.args, tc.code, tc.want, code, errs)
		}
	}
}

func TestCreateCommandsHaveHelp(t *testing.T) {
	for _, c := range []string{"team", "service", "integration", "user"} {
		out, errs, code := tocsin(t, c, "create", "--help")
		if code != 0 || !strings.HasPrefix(out, "Usage: tocsin "+c+" create [flags]") || !strings.Contains(out, "\nFlags:\n") {
			t.Errorf("%s create --help: want usage on stdout and exit 0, got %d %q %q", c, code, out, errs)
		}
	}
}

func TestUserCreateReadsFlagsAfterTheSubcommand(t *testing.T) {
	out, errs, code := tocsin(t, "user", "create", "--email", "cli@example.com", "--name", "CLI", "--password", "long-enough-pass")
	if code != 0 || !strings.Contains(out, "(cli@example.com)") {
		t.Fatalf("want the user created, got %d %q %q", code, out, errs)
	}
}

func TestSeedDemoPrintsIntakeKeysOnlyOnTheFirstRun(t *testing.T) {
	first, errs, code := tocsin(t, "seed", "--demo")
	if code != 0 {
		t.Fatalf("seed: %d %s", code, errs)
	}
	keyLine := regexp.MustCompile(`(?m)^  (OPSGENIE|PAGERDUTY|ALERTMANAGER|GRAFANA|GENERIC|EMAIL|HEARTBEAT) +id \d+ +key [0-9a-f-]{36} `)
	if n := len(keyLine.FindAllString(first, -1)); n != 7 || !strings.Contains(first, "GenieKey") {
		t.Fatalf("first run: want 7 kinds with keys and a curl, got %d in:\n%s", n, first)
	}
	second, errs, code := tocsin(t, "seed", "--demo")
	if code != 0 || keyLine.MatchString(second) || !strings.Contains(second, "already exist") || !strings.Contains(second, "rotateIntegrationKey") {
		t.Fatalf("second run: want no keys and how to rotate, got %d %s\n%s", code, errs, second)
	}
}
