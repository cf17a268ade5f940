package live_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// httpClient is every door call's client: a stuck door fails the test.
var httpClient = &http.Client{Timeout: 10 * time.Second}

// gql runs a GraphQL operation over HTTP (POST /graphql) on base as the
// token's owner and decodes its data into out (when not nil); a GraphQL
// error fails the test.
func gql(t *testing.T, base, token, query string, vars map[string]any, out any) {
	t.Helper()
	if errs := gqlErrors(t, base, token, query, vars, out); errs != "" {
		t.Fatalf("POST %s/graphql: %s", base, errs)
	}
}

// gqlErrors is gql that returns the response's errors ("" when none).
func gqlErrors(t *testing.T, base, token, query string, vars map[string]any, out any) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s/graphql: %v", base, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("POST %s/graphql: %d %s", base, res.StatusCode, b)
	}
	if len(r.Errors) > 0 && string(r.Errors) != "null" {
		return string(r.Errors)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatalf("POST %s/graphql: data %s: %v", base, r.Data, err)
		}
	}
	return ""
}

// opsgenie calls the Opsgenie Alert API on base with the integration key
// and wants the status; it returns the decoded answer.
func opsgenie(t *testing.T, base, key, method, path string, body any, want int) map[string]any {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "GenieKey "+key)
	res, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		t.Fatalf("%s %s: want %d, got %d %s", method, path, want, res.StatusCode, b)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s %s: %s: %v", method, path, b, err)
	}
	return out
}

// createAlert opens an alert through the Opsgenie door (POST /v2/alerts)
// and returns its id, read back through the same door by alias.
func createAlert(t *testing.T, base, key, alias, message string) int {
	t.Helper()
	opsgenie(t, base, key, http.MethodPost, "/v2/alerts",
		map[string]any{"message": message, "alias": alias, "priority": "P1", "source": "live test"}, http.StatusAccepted)
	got := opsgenie(t, base, key, http.MethodGet, "/v2/alerts/"+url.PathEscape(alias)+"?identifierType=alias", nil, http.StatusOK)
	data, _ := got["data"].(map[string]any)
	idText, _ := data["id"].(string)
	id, err := strconv.Atoi(idText)
	if err != nil {
		t.Fatalf("GET /v2/alerts/%s: want the alert's id, got %v", alias, got)
	}
	return id
}

// alertAction runs an Opsgenie action (acknowledge, notes, close, …) on
// the alert with this alias; the door answers 202 also when the action
// fails, so the request's status is read back and must be a success.
func alertAction(t *testing.T, base, key, alias, action string, body map[string]any) {
	t.Helper()
	if body == nil {
		body = map[string]any{}
	}
	body["source"] = "live test"
	got := opsgenie(t, base, key, http.MethodPost, "/v2/alerts/"+url.PathEscape(alias)+"/"+action+"?identifierType=alias",
		body, http.StatusAccepted)
	id, _ := got["requestId"].(string)
	st := opsgenie(t, base, key, http.MethodGet, "/v2/alerts/requests/"+url.PathEscape(id), nil, http.StatusOK)
	if data, _ := st["data"].(map[string]any); data["success"] != true {
		t.Fatalf("%s on %s: want a successful request, got %v", action, alias, st)
	}
}

// idOf reads a GraphQL ID (a JSON string of digits).
func idOf(t *testing.T, raw json.RawMessage) int {
	t.Helper()
	id, err := strconv.Atoi(strings.Trim(string(raw), `"`))
	if err != nil {
		t.Fatalf("id %s: %v", raw, err)
	}
	return id
}
