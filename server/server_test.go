package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/internal/seed"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/server"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "server", &env)) }

// invites records invitations instead of queueing them.
type invites struct {
	mu  sync.Mutex
	ids []int
}

func (i *invites) EnqueueInvitation(_ context.Context, id int) error {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.ids = append(i.ids, id)
	return nil
}

type harness struct {
	t       *testing.T
	srv     *httptest.Server
	server  *server.Server
	invites *invites
	auth    *auth.Service
	// smtp receives the verification codes of email contact methods.
	smtp *smtptest.Server
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	return newHarnessWith(t, func(*server.Deps) {})
}

// newHarnessWith lets a test change the server's dependencies first.
func newHarnessWith(t *testing.T, change func(*server.Deps)) *harness {
	t.Helper()
	env.Truncate(t)
	cfg := loadConfig(t)
	a := auth.New(env.Client, env.Redis, time.Hour)
	if err := seed.Demo(context.Background(), env.Client, a, time.Now()); err != nil {
		t.Fatalf("seeding: %v", err)
	}
	inv := &invites{}
	alerts := incident.New(env.Client, env.DB)
	mail := smtptest.Start(t)
	mailer, err := notify.NewMailer(mail.URL, "tocsin@tocsin.test")
	if err != nil {
		t.Fatal(err)
	}
	contacts := &contact.Methods{Client: env.Client, Channels: contact.Channels{Email: &notify.EmailPages{Mailer: mailer}}}
	deps := server.Deps{Config: cfg, Client: env.Client, DB: env.DB, Redis: env.Redis, Auth: a, Inviter: inv, Contacts: contacts,
		Alerts: alerts, Integrations: integration.New(env.Client, env.Redis, "http://tocsin.test", "tocsin.test"),
		Heartbeats: &heartbeat.Monitor{Client: env.Client, Alerts: alerts, Now: time.Now},
		Schedules:  schedule.New(env.Client, nil),
		SPA:        fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>Tocsin</title>")}, "assets/app.js": {Data: []byte("js")}}}
	change(&deps)
	s := server.New(deps)
	h := &harness{t: t, srv: httptest.NewServer(s), server: s, invites: inv, auth: a, smtp: mail}
	t.Cleanup(h.srv.Close)
	return h
}

func loadConfig(t *testing.T) *config.Config {
	t.Helper()
	vals := map[string]*string{}
	for _, v := range config.Vars {
		d := v.Default
		vals[v.Env] = &d
	}
	cfg, err := config.Load(vals)
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxBodyBytes = 64 << 10
	return cfg
}

// gqlResponse is a GraphQL answer.
type gqlResponse struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// do posts a GraphQL operation with optional headers and returns status and answer.
func (h *harness) do(client *http.Client, query string, vars map[string]any, headers map[string]string) (int, gqlResponse) {
	h.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	if client == nil {
		client = http.DefaultClient
	}
	res, err := client.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer res.Body.Close()
	var out gqlResponse
	raw, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		h.t.Fatalf("answer is not JSON (%d): %s", res.StatusCode, raw)
	}
	return res.StatusCode, out
}

// login signs in and returns the bearer token.
func (h *harness) login(email string) string {
	h.t.Helper()
	_, res := h.do(nil, `mutation($e:String!,$p:String!){login(email:$e,password:$p){token user{email}}}`,
		map[string]any{"e": email, "p": seed.DemoPassword}, nil)
	var data struct{ Token string }
	if err := json.Unmarshal(res.Data["login"], &data); err != nil || data.Token == "" {
		h.t.Fatalf("login as %s failed: %+v", email, res.Errors)
	}
	return data.Token
}

func bearer(token string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + token}
}

func TestEachDemoUserCanSignIn(t *testing.T) {
	h := newHarness(t)
	for _, u := range seed.DemoUsers {
		token := h.login(u.Email)
		_, res := h.do(nil, `{viewer{email role}}`, nil, bearer(token))
		var v struct{ Email, Role string }
		_ = json.Unmarshal(res.Data["viewer"], &v)
		if v.Email != u.Email || v.Role != string(u.Role) {
			t.Errorf("viewer after login as %s: want %s/%s, got %+v (errors %+v)", u.Email, u.Email, u.Role, v, res.Errors)
		}
	}
}

func TestWrongPasswordAndUnknownEmailLookTheSame(t *testing.T) {
	h := newHarness(t)
	q := `mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}`
	_, wrong := h.do(nil, q, map[string]any{"e": "admin@tocsin.local", "p": "not-the-password"}, nil)
	_, unknown := h.do(nil, q, map[string]any{"e": "nobody@tocsin.local", "p": "not-the-password"}, nil)
	if len(wrong.Errors) != 1 || len(unknown.Errors) != 1 {
		t.Fatalf("want one error each, got %+v and %+v", wrong.Errors, unknown.Errors)
	}
	if wrong.Errors[0].Message != unknown.Errors[0].Message || wrong.code() != unknown.code() || wrong.code() != "UNAUTHENTICATED" {
		t.Fatalf("wrong password and unknown email must answer alike with UNAUTHENTICATED; got %q/%s and %q/%s",
			wrong.Errors[0].Message, wrong.code(), unknown.Errors[0].Message, unknown.code())
	}
}

func TestLoginIsRateLimited(t *testing.T) {
	h := newHarness(t)
	q := `mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}`
	var last gqlResponse
	for i := 0; i < 12; i++ {
		_, last = h.do(nil, q, map[string]any{"e": "responder@tocsin.local", "p": "guess-" + string(rune('a'+i))}, nil)
	}
	if last.code() != "RATE_LIMITED" || last.Errors[0].Message != auth.ErrRateLimited.Error() {
		t.Fatalf("after 12 failed attempts want RATE_LIMITED with a plain message, got %+v", last.Errors)
	}
	_, res := h.do(nil, q, map[string]any{"e": "responder@tocsin.local", "p": seed.DemoPassword}, nil)
	if res.code() != "RATE_LIMITED" {
		t.Fatalf("the right password must also wait out the limit, got %+v", res.Errors)
	}
}

func TestStakeholderMutationIsForbiddenAndChangesNothing(t *testing.T) {
	h := newHarness(t)
	token := h.login("stakeholder@tocsin.local")
	before, _ := env.Client.Team.Query().Count(viewerSystem())
	_, res := h.do(nil, `mutation{createTeam(input:{name:"Sneaky"}){id}}`, nil, bearer(token))
	if res.code() != "FORBIDDEN" {
		t.Fatalf("stakeholder createTeam: want FORBIDDEN, got %+v", res.Errors)
	}
	after, _ := env.Client.Team.Query().Count(viewerSystem())
	if before != after {
		t.Fatalf("teams before %d, after %d: a forbidden mutation changed data", before, after)
	}
	// …but their own profile is theirs.
	_, res = h.do(nil, `mutation{updateProfile(input:{timeZone:"Asia/Kolkata"}){timeZone}}`, nil, bearer(token))
	if len(res.Errors) > 0 || !strings.Contains(string(res.Data["updateProfile"]), "Asia/Kolkata") {
		t.Fatalf("stakeholder updating own profile: want success, got %s %+v", res.Data["updateProfile"], res.Errors)
	}
}

func TestAnonymousCannotReadOrWrite(t *testing.T) {
	h := newHarness(t)
	_, res := h.do(nil, `{alerts(first:1){totalCount}}`, nil, nil)
	if res.code() != "UNAUTHENTICATED" {
		t.Fatalf("anonymous read: want UNAUTHENTICATED, got %+v", res.Errors)
	}
	_, res = h.do(nil, `{viewer{id}}`, nil, nil)
	if len(res.Errors) > 0 || string(res.Data["viewer"]) != "null" {
		t.Fatalf("anonymous viewer: want null without error, got %s %+v", res.Data["viewer"], res.Errors)
	}
}

func TestBadInputIsABadUserInputNamingTheField(t *testing.T) {
	h := newHarness(t)
	token := h.login("admin@tocsin.local")
	for _, tc := range []struct{ query, field string }{
		{`mutation{inviteUser(input:{name:"X", email:"not-an-email"}){id}}`, "email"},
		{`mutation{inviteUser(input:{name:"X", email:"x@example.com", timeZone:"Mars/Base"}){id}}`, "timeZone"},
		{`mutation{inviteUser(input:{name:"X", email:"ADMIN@tocsin.local"}){id}}`, "email"},
	} {
		_, res := h.do(nil, tc.query, nil, bearer(token))
		if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != tc.field {
			t.Errorf("%s: want BAD_USER_INPUT on field %s, got %+v", tc.query, tc.field, res.Errors)
		}
	}
	if len(h.invites.ids) != 0 {
		t.Fatalf("rejected invitations must not be sent, got %v", h.invites.ids)
	}
}

func TestAdminInvitesUser(t *testing.T) {
	h := newHarness(t)
	token := h.login("admin@tocsin.local")
	_, res := h.do(nil, `mutation{inviteUser(input:{name:"Nia New", email:"Nia@Example.com", role:RESPONDER}){id email}}`, nil, bearer(token))
	if len(res.Errors) > 0 || !strings.Contains(string(res.Data["inviteUser"]), `"nia@example.com"`) {
		t.Fatalf("inviteUser: want the user with a lower-cased email, got %s %+v", res.Data["inviteUser"], res.Errors)
	}
	if len(h.invites.ids) != 1 {
		t.Fatalf("want one invitation queued, got %v", h.invites.ids)
	}
}

func TestCookieMutationsNeedTheCSRFHeader(t *testing.T) {
	h := newHarness(t)
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	_, res := h.do(browser, `mutation{login(email:"admin@tocsin.local",password:"tocsin-demo"){csrfToken}}`, nil, nil)
	var login struct{ CsrfToken string }
	_ = json.Unmarshal(res.Data["login"], &login)
	if login.CsrfToken == "" {
		t.Fatalf("login: %+v", res.Errors)
	}
	status, res := h.do(browser, `mutation{createTeam(input:{name:"Via cookie"}){name}}`, nil, nil)
	if status != http.StatusForbidden {
		t.Fatalf("cookie mutation without X-CSRF-Token: want 403, got %d %+v", status, res)
	}
	if n, _ := env.Client.Team.Query().Count(viewerSystem()); n != 2 {
		t.Fatalf("the refused mutation must change nothing; teams = %d", n)
	}
	_, res = h.do(browser, `mutation{createTeam(input:{name:"Via cookie"}){name}}`, nil, map[string]string{"X-CSRF-Token": login.CsrfToken})
	if len(res.Errors) > 0 {
		t.Fatalf("cookie mutation with the CSRF header: want success, got %+v", res.Errors)
	}
	_, res = h.do(browser, `mutation{logout}`, nil, map[string]string{"X-CSRF-Token": login.CsrfToken})
	if len(res.Errors) > 0 {
		t.Fatalf("logout: %+v", res.Errors)
	}
	_, res = h.do(browser, `{viewer{id}}`, nil, nil)
	if string(res.Data["viewer"]) != "null" {
		t.Fatalf("after logout the cookie must not sign in, got %s", res.Data["viewer"])
	}
}

func TestSessionCookieAttributes(t *testing.T) {
	h := newHarness(t)
	body := `{"query":"mutation{login(email:\"admin@tocsin.local\",password:\"tocsin-demo\"){token}}"}`
	res, err := http.Post(h.srv.URL+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == auth.SessionCookie {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Secure {
		t.Fatalf("want an HttpOnly SameSite=Lax cookie (not Secure on http), got %+v", session)
	}
}

func TestAPITokenIsShownOnceAndCanBeRevoked(t *testing.T) {
	h := newHarness(t)
	session := h.login("responder@tocsin.local")
	_, res := h.do(nil, `mutation{createAPIToken(name:"ci"){secret apiToken{id prefix}}}`, nil, bearer(session))
	var created struct {
		Secret   string
		APIToken struct{ ID, Prefix string } `json:"apiToken"`
	}
	if err := json.Unmarshal(res.Data["createAPIToken"], &created); err != nil || !strings.HasPrefix(created.Secret, "tca_") {
		t.Fatalf("createAPIToken: %s %+v", res.Data["createAPIToken"], res.Errors)
	}
	_, res = h.do(nil, `{viewer{email}}`, nil, bearer(created.Secret))
	if !strings.Contains(string(res.Data["viewer"]), "responder@tocsin.local") {
		t.Fatalf("the API token must act as its owner, got %s %+v", res.Data["viewer"], res.Errors)
	}
	_, res = h.do(nil, `{apiTokens(first:10){edges{node{prefix}}}}`, nil, bearer(session))
	if strings.Contains(string(res.Data["apiTokens"]), created.Secret) || !strings.Contains(string(res.Data["apiTokens"]), created.APIToken.Prefix) {
		t.Fatalf("token lists show the prefix, never the secret: %s", res.Data["apiTokens"])
	}
	_, res = h.do(nil, `mutation($id:ID!){revokeAPIToken(id:$id){revokedAt}}`, map[string]any{"id": created.APIToken.ID}, bearer(session))
	if len(res.Errors) > 0 {
		t.Fatalf("revoke: %+v", res.Errors)
	}
	status, _ := h.do(nil, `{viewer{email}}`, nil, bearer(created.Secret))
	if status != http.StatusUnauthorized {
		t.Fatalf("a revoked token: want 401, got %d", status)
	}
	// Another user's tokens are invisible and cannot be revoked.
	other := h.login("admin@tocsin.local")
	_, res = h.do(nil, `mutation{createAPIToken(name:"admin"){apiToken{id}}}`, nil, bearer(other))
	var adminTok struct {
		APIToken struct{ ID string } `json:"apiToken"`
	}
	_ = json.Unmarshal(res.Data["createAPIToken"], &adminTok)
	_, res = h.do(nil, `mutation($id:ID!){revokeAPIToken(id:$id){id}}`, map[string]any{"id": adminTok.APIToken.ID}, bearer(session))
	if c := res.code(); c != "NOT_FOUND" && c != "FORBIDDEN" {
		t.Fatalf("revoking another user's token: want NOT_FOUND or FORBIDDEN, got %+v", res.Errors)
	}
}

func TestHTTPErrorsAreJSON(t *testing.T) {
	h := newHarness(t)
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
	}{
		{"malformed JSON", "POST", "/graphql", `{"query":`, 400},
		{"oversized body", "POST", "/graphql", `{"query":"` + strings.Repeat("a", 70<<10) + `"}`, 413},
		{"unknown API route", "GET", "/api/nothing", "", 404},
		{"missing asset", "GET", "/assets/missing.js", "", 404},
		{"wrong method", "POST", "/healthz", "{}", 405},
		{"bad bearer", "POST", "/graphql", `{"query":"{viewer{id}}"}`, 401},
	} {
		req, _ := http.NewRequest(tc.method, h.srv.URL+tc.path, strings.NewReader(tc.body))
		req.Header.Set("Content-Type", "application/json")
		if tc.name == "bad bearer" {
			req.Header.Set("Authorization", "Bearer tca_nope")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status || !json.Valid(raw) || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: want %d with a JSON body, got %d %q (%s)", tc.name, tc.status, res.StatusCode, res.Header.Get("Content-Type"), raw)
		}
	}
}

func TestSPAHistoryFallback(t *testing.T) {
	h := newHarness(t)
	req, _ := http.NewRequest("GET", h.srv.URL+"/alerts/123", nil)
	req.Header.Set("Accept", "text/html")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(raw), "<title>Tocsin</title>") {
		t.Fatalf("client route: want index.html, got %d %s", res.StatusCode, raw)
	}
}

func TestHealthReadyAndMetrics(t *testing.T) {
	h := newHarness(t)
	token := h.login("admin@tocsin.local")
	h.do(nil, `query Dashboard{alerts(first:1){totalCount}}`, nil, bearer(token))
	for path, want := range map[string]string{
		"/healthz": `"ok"`,
		"/readyz":  `"postgres":"ok"`,
	} {
		res, err := http.Get(h.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(raw), want) {
			t.Errorf("%s: want 200 containing %s, got %d\n%s", path, want, res.StatusCode, raw)
		}
	}
	metrics := httptest.NewServer(h.server.Metrics())
	defer metrics.Close()
	res, err := http.Get(metrics.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if want := `tocsin_graphql_operations_total{field="alerts",outcome="ok",type="query"} 1`; res.StatusCode != 200 || !strings.Contains(string(raw), want) {
		t.Errorf("metrics: want 200 containing %s, got %d\n%s", want, res.StatusCode, raw)
	}
}

func TestComplexityLimitCountsPageSizes(t *testing.T) {
	h := newHarness(t)
	token := h.login("admin@tocsin.local")
	_, res := h.do(nil, `{alerts(first:1000){edges{node{timeline(first:1000){edges{node{kind}}}}}}}`, nil, bearer(token))
	if res.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Fatalf("a million-node query: want COMPLEXITY_LIMIT_EXCEEDED, got %+v", res.Errors)
	}
	_, res = h.do(nil, `{alerts(first:50){edges{node{id message service{name} timeline(first:20){edges{node{kind}}}}}}}`, nil, bearer(token))
	if len(res.Errors) > 0 {
		t.Fatalf("an ordinary list query must pass, got %+v", res.Errors)
	}
}

func TestDeletingATeamThatOwnsServicesIsRefused(t *testing.T) {
	h := newHarness(t)
	token := h.login("admin@tocsin.local")
	_, res := h.do(nil, `{teams(first:1, where:{name:"Platform"}){edges{node{id}}}}`, nil, bearer(token))
	id := strings.Split(strings.Split(string(res.Data["teams"]), `"id":"`)[1], `"`)[0]
	_, res = h.do(nil, `mutation($id:ID!){deleteTeam(id:$id)}`, map[string]any{"id": id}, bearer(token))
	if res.code() != "BAD_USER_INPUT" || !strings.Contains(res.Errors[0].Message, "still owns services") {
		t.Fatalf("want BAD_USER_INPUT saying the team owns services, got %+v", res.Errors)
	}
	_, res = h.do(nil, `mutation{createTeam(input:{name:"Empty"}){id}}`, nil, bearer(token))
	id = strings.Split(strings.Split(string(res.Data["createTeam"]), `"id":"`)[1], `"`)[0]
	_, res = h.do(nil, `mutation($id:ID!){deleteTeam(id:$id)}`, map[string]any{"id": id}, bearer(token))
	if len(res.Errors) > 0 {
		t.Fatalf("deleting an empty team: %+v", res.Errors)
	}
}
