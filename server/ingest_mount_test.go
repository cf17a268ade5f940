package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/viewer"
)

// The ingest doors sit beside user authentication: a GenieKey is not a user
// token, and their 512 KiB limit is their own (the test server's is 64 KiB).
func TestIngestDoorsAreMountedBesideUserAuth(t *testing.T) {
	h := newHarness(t)
	sys := viewer.System(context.Background())
	svc := env.Client.Service.Query().FirstX(sys)
	_, key, err := integration.New(env.Client, env.Redis, "", "").Create(sys, integration.CreateInput{ServiceID: svc.ID, Kind: entintegration.KindOPSGENIE, Name: "og"})
	if err != nil {
		t.Fatal(err)
	}
	body := `{"message":"through the server","description":"` + strings.Repeat("d", 14000) + `","details":{"pad":"` + strings.Repeat("p", 7000) + `"},"note":"` + strings.Repeat("n", 24000) + `","entity":"` + strings.Repeat("e", 500) + `"}`
	body = body[:len(body)-1] + `,"padding":"` + strings.Repeat("x", 40000) + `"}`
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/v2/alerts", strings.NewReader(body))
	req.Header.Set("Authorization", "GenieKey "+key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusAccepted {
		t.Fatalf("a %d-byte Opsgenie create through the server: want 202, got %d", len(body), res.StatusCode)
	}
}
