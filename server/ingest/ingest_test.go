package ingest_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/server/ingest"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

// TestMain gives the package its database and Redis, except when only
// fuzzing (-run='^$' -fuzz=…): the fuzz targets are pure decoders.
func TestMain(m *testing.M) {
	flag.Parse()
	if flag.Lookup("test.fuzz").Value.String() != "" && flag.Lookup("test.run").Value.String() == "^$" {
		os.Exit(m.Run())
	}
	os.Exit(testenv.Run(m, "ingest", &env))
}

var sys = viewer.System(context.Background())

// harness is a fresh database with one service, one integration of each
// kind (keys by kind), a second service with its own Opsgenie key, and the
// doors served over HTTP.
type harness struct {
	t      *testing.T
	url    string
	svc    *ent.Service
	keys   map[entintegration.Kind]string
	intgs  map[entintegration.Kind]*ent.Integration
	other  string // OPSGENIE key of another service
	ints   *integration.Integrations
	alerts *incident.Alerts
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	env.Truncate(t)
	team := env.Client.Team.Create().SetName("Payments").SaveX(sys)
	svc := env.Client.Service.Create().SetName("checkout").SetTeam(team).SaveX(sys)
	svc2 := env.Client.Service.Create().SetName("search").SetTeam(team).SaveX(sys)
	ints := integration.New(env.Client, env.Redis, "http://tocsin.test", "tocsin.test")
	alerts := incident.New(env.Client, env.DB)
	h := &harness{t: t, svc: svc, keys: map[entintegration.Kind]string{}, intgs: map[entintegration.Kind]*ent.Integration{}, ints: ints, alerts: alerts}
	for _, k := range []entintegration.Kind{entintegration.KindOPSGENIE, entintegration.KindPAGERDUTY, entintegration.KindALERTMANAGER,
		entintegration.KindGRAFANA, entintegration.KindGENERIC, entintegration.KindHEARTBEAT} {
		in := integration.CreateInput{ServiceID: svc.ID, Kind: k, Name: "Prometheus " + strings.ToLower(string(k))}
		if k == entintegration.KindGENERIC {
			in.Mapping = map[string]string{
				"message":  `body.msg`,
				"alias":    `"uptime-kuma/" + string(body.monitor.id)`,
				"priority": `body.heartbeat.status == 0 ? "P2" : "P4"`,
				"details":  `{"url": body.monitor.url, "monitor": body.monitor.name}`,
				"tags":     `["uptime-kuma", body.monitor.type]`,
				"close":    `body.heartbeat.status == 1`,
			}
		}
		i, key, err := ints.Create(sys, in)
		if err != nil {
			t.Fatal(err)
		}
		h.keys[k], h.intgs[k] = key, i
	}
	_, h.other, _ = ints.Create(sys, integration.CreateInput{ServiceID: svc2.ID, Kind: entintegration.KindOPSGENIE, Name: "other"})
	srv := httptest.NewServer(ingest.New(ingest.Deps{Client: env.Client, Alerts: alerts, Integrations: ints,
		Heartbeats: &heartbeat.Monitor{Client: env.Client, Alerts: alerts, Now: time.Now}}))
	t.Cleanup(srv.Close)
	h.url = srv.URL
	return h
}

// response is an answer with its JSON decoded.
type response struct {
	status int
	header http.Header
	raw    string
	body   map[string]any
}

func (r response) str(path ...string) string {
	var v any = r.body
	for _, p := range path {
		m, _ := v.(map[string]any)
		v = m[p]
	}
	s, _ := v.(string)
	return s
}

// do sends a request; body may be nil, a string or bytes.
func (h *harness) do(method, path string, body any, headers ...string) response {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, h.url+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := response{status: res.StatusCode, header: res.Header, raw: string(raw)}
	if err := json.Unmarshal(raw, &out.body); err != nil {
		h.t.Fatalf("%s %s: answer is not a JSON object (%d): %s", method, path, res.StatusCode, raw)
	}
	return out
}

// genie sends with the Opsgenie key of the service.
func (h *harness) genie(method, path string, body any) response {
	h.t.Helper()
	return h.do(method, path, body, "Authorization", "GenieKey "+h.keys[entintegration.KindOPSGENIE])
}

func (h *harness) expect(r response, status int) {
	h.t.Helper()
	if r.status != status {
		h.t.Fatalf("want HTTP %d, got %d: %s", status, r.status, r.raw)
	}
}

// requestStatus reads the request status of an accepted Opsgenie request.
func (h *harness) requestStatus(r response) map[string]any {
	h.t.Helper()
	id := r.str("requestId")
	if id == "" || r.header.Get("X-Request-ID") != id {
		h.t.Fatalf("want requestId in body and X-Request-ID header, got %q / %q", id, r.header.Get("X-Request-ID"))
	}
	st := h.genie("GET", "/v2/alerts/requests/"+id, nil)
	h.expect(st, http.StatusOK)
	data, _ := st.body["data"].(map[string]any)
	if data["success"] != data["isSuccess"] {
		h.t.Fatalf("success and isSuccess must agree: %v", data)
	}
	return data
}

func (h *harness) onlyAlert() *ent.Alert {
	h.t.Helper()
	as := env.Client.Alert.Query().Order(ent.Asc(alert.FieldID)).AllX(sys)
	if len(as) != 1 {
		h.t.Fatalf("want exactly one alert, got %d", len(as))
	}
	return as[0]
}

// rows counts what a request could have stored.
func rows(t *testing.T) [3]int {
	t.Helper()
	return [3]int{env.Client.Alert.Query().CountX(sys), env.Client.TimelineEvent.Query().CountX(sys), env.Client.IngestRequest.Query().CountX(sys)}
}

func testdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const accepted202 = `{"result":"Request will be processed"`

func isAccepted(t *testing.T, r response) {
	t.Helper()
	if r.status != http.StatusAccepted || !strings.HasPrefix(r.raw, accepted202) || r.body["took"] == nil || r.header.Get("X-Response-Time") == "" {
		t.Fatalf("want Opsgenie's 202 {result, took, requestId} with X-Response-Time, got %d %v: %s", r.status, r.header, r.raw)
	}
	if _, has := r.body["data"]; has {
		t.Fatalf("a 202 must not carry data (the SDK would read only that): %s", r.raw)
	}
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
