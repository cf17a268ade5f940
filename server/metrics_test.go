package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Clients choose operation names; each was a new Prometheus series. The
// label is now the first root field, which the schema fixes. And /metrics
// is not on the public address.
func TestMetricsHaveFixedLabelsAndTheirOwnAddress(t *testing.T) {
	h := newHarness(t)
	token := h.login("admin@tocsin.local")
	for i := range 20 {
		h.do(nil, fmt.Sprintf(`query Chosen%dByTheClient{viewer{id}}`, i), nil, bearer(token))
	}
	h.do(nil, `query Unknown{noSuchField}`, nil, bearer(token))
	metrics := httptest.NewServer(h.server.Metrics())
	defer metrics.Close()
	res, err := http.Get(metrics.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	text := string(raw)
	if strings.Contains(text, "ByTheClient") || strings.Contains(text, "noSuchField") || strings.Contains(text, "Unknown") {
		t.Errorf("operation names and unknown fields must not become labels:\n%s", grep(text, "tocsin_graphql_operations_total"))
	}
	for _, want := range []string{
		`tocsin_graphql_operations_total{field="viewer",outcome="ok",type="query"} 20`,
		`tocsin_graphql_operations_total{field="",outcome="error",type="unknown"} 1`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("want %s, got:\n%s", want, grep(text, "tocsin_graphql_operations_total"))
		}
	}
	res, err = http.Get(h.srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("/metrics on the public address: want 404, got %d", res.StatusCode)
	}
}

func grep(text, prefix string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
