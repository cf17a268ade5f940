package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/statuspage"
	"github.com/tocsin/tocsin/ent/statussubscriber"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/internal/seed"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/server"
	sp "github.com/tocsin/tocsin/statuspage"
)

// statusIncident declares a SEV1 on the demo Checkout service with one
// update per audience and returns the updates' texts by audience.
func statusIncident(t *testing.T) map[statusupdate.Audience]string {
	t.Helper()
	ctx := viewerSystem()
	checkout := env.Client.Service.Query().Where(service.Name("Checkout")).OnlyX(ctx)
	in := env.Client.Incident.Create().SetTitle("Payments failing").SetSeverity(incident.SeveritySEV1).AddServices(checkout).SaveX(ctx)
	texts := map[statusupdate.Audience]string{
		statusupdate.AudiencePUBLIC:      "Card payments fail for some customers; we are on it.",
		statusupdate.AudienceSTAKEHOLDER: "Stakeholder note: revenue impact about 2k per minute.",
		statusupdate.AudienceINTERNAL:    "Internal: the PSP rotated its TLS certificate.",
	}
	for a, msg := range texts {
		env.Client.StatusUpdate.Create().SetIncidentID(in.ID).SetMessage(msg).SetStatus(statusupdate.StatusIDENTIFIED).
			SetAudience(a).SaveX(ctx)
	}
	return texts
}

func get(t *testing.T, client *http.Client, u string) (*http.Response, string) {
	t.Helper()
	if client == nil {
		client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	res, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

var barsRe = regexp.MustCompile(`(?s)<ol class="bars"[^>]*>(.*?)</ol>`)

func TestPublicStatusPageShowsComponentsUptimeAndOnlyPublicUpdates(t *testing.T) {
	h := newHarness(t)
	texts := statusIncident(t)
	res, body := get(t, nil, h.srv.URL+"/status")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("want a 200 HTML page, got %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "public") || !strings.Contains(cc, "max-age") {
		t.Errorf("want a public page cacheable for a few seconds, got Cache-Control %q", cc)
	}
	for _, want := range []string{"Acme status", "Website and API", "Checkout", "Database", "Customer-facing", "Infrastructure",
		"Major outage", "Major system outage", "Payments failing", texts[statusupdate.AudiencePUBLIC], "Identified",
		`href="/status/feed.atom"`, "<script"} {
		if want == "<script" {
			if strings.Contains(body, want) {
				t.Errorf("the status page must need no JavaScript, found %s", want)
			}
			continue
		}
		if !strings.Contains(body, want) {
			t.Errorf("want %q on the page", want)
		}
	}
	for _, a := range []statusupdate.Audience{statusupdate.AudienceSTAKEHOLDER, statusupdate.AudienceINTERNAL} {
		if strings.Contains(body, texts[a]) {
			t.Errorf("the public page shows a %s update: %q", a, texts[a])
		}
	}
	bars := barsRe.FindAllStringSubmatch(body, -1)
	if len(bars) != 3 {
		t.Fatalf("want uptime bars for 3 components, got %d", len(bars))
	}
	for _, b := range bars {
		if n := strings.Count(b[1], "<li "); n != 90 {
			t.Errorf("want 90 day bars, got %d", n)
		}
		if !strings.Contains(b[1], `title="`) {
			t.Errorf("want per-day title text on the bars")
		}
	}
	if strings.Count(body, "uptime</span>") != 3 {
		t.Errorf("want a 90-day percentage per component")
	}
}

func TestStatusPageUnknownSlugIs404AndInternalPageNeedsASession(t *testing.T) {
	h := newHarness(t)
	ctx := viewerSystem()
	env.Client.StatusPage.Create().SetSlug("ops").SetTitle("Ops internal").SetPublic(false).SaveX(ctx)
	if res, body := get(t, nil, h.srv.URL+"/status/nope"); res.StatusCode != http.StatusNotFound || !strings.Contains(body, "Status page not found") {
		t.Errorf("unknown slug: want a 404 page, got %d", res.StatusCode)
	}
	res, _ := get(t, nil, h.srv.URL+"/status/ops")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login?next="+url.QueryEscape("/status/ops") {
		t.Errorf("internal page without a session: want 303 to the login, got %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := get(t, nil, h.srv.URL+"/status/ops/feed.atom"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("internal feed without a session: want 303, got %d", res.StatusCode)
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	h.do(client, `mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}`,
		map[string]any{"e": "stakeholder@tocsin.local", "p": seed.DemoPassword}, nil)
	u, _ := url.Parse(h.srv.URL)
	if len(jar.Cookies(u)) == 0 {
		t.Fatal("login set no cookie")
	}
	res, body := get(t, client, h.srv.URL+"/status/ops")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Ops internal") || !strings.Contains(res.Header.Get("Cache-Control"), "private") {
		t.Errorf("internal page with a session: want a private 200, got %d %s", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	res, _ = get(t, nil, h.srv.URL+"/status/feed.atom")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") {
		t.Errorf("public feed: want 200 Atom, got %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

// subscriptionServer is a server whose status pages send email to a real
// SMTP server.
func subscriptionServer(t *testing.T) (*httptest.Server, *smtptest.Server) {
	t.Helper()
	env.Truncate(t)
	a := auth.New(env.Client, env.Redis, time.Hour)
	if err := seed.Demo(context.Background(), env.Client, a, time.Now()); err != nil {
		t.Fatal(err)
	}
	env.Redis.Del(context.Background(), "tocsin:ratelimit:status-subscribe:127.0.0.1")
	mail := smtptest.Start(t)
	mailer, err := notify.NewMailer(mail.URL, "status@tocsin.test")
	if err != nil {
		t.Fatal(err)
	}
	cfg := loadConfig(t)
	subs := &sp.Subscriptions{Client: env.Client, Mailer: mailer, BaseURL: "http://tocsin.test", Secret: []byte("s")}
	srv := httptest.NewServer(server.New(server.Deps{Config: cfg, Client: env.Client, DB: env.DB, Redis: env.Redis, Auth: a,
		SPA: fstest.MapFS{"index.html": {Data: []byte("<!doctype html>")}}, StatusSubscriptions: subs}))
	t.Cleanup(srv.Close)
	return srv, mail
}

var statusLinkRe = regexp.MustCompile(`http://tocsin\.test(/status/subscription/(confirm|unsubscribe)/[A-Za-z0-9_-]+)`)

func TestStatusEmailSubscriptionDoubleOptInAndOneClickUnsubscribe(t *testing.T) {
	srv, mail := subscriptionServer(t)
	res, err := http.PostForm(srv.URL+"/status/subscribe", url.Values{"email": {"reader@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("subscribe: want 200, got %d", res.StatusCode)
	}
	m := mail.Next(t, 5*time.Second)
	paths := map[string]string{}
	for _, l := range statusLinkRe.FindAllStringSubmatch(strings.ReplaceAll(m.Data, "=\r\n", ""), -1) {
		paths[l[2]] = l[1]
	}
	if paths["confirm"] == "" || paths["unsubscribe"] == "" {
		t.Fatalf("want confirm and unsubscribe links, got\n%s", m.Data)
	}
	if res, body := get(t, nil, srv.URL+paths["confirm"]); res.StatusCode != http.StatusOK || !strings.Contains(body, "Subscription confirmed") {
		t.Fatalf("confirm: want 200 confirmed, got %d", res.StatusCode)
	}
	ctx := viewerSystem()
	if n := env.Client.StatusSubscriber.Query().Where(statussubscriber.ConfirmedAtNotNil()).CountX(ctx); n != 1 {
		t.Fatalf("want 1 confirmed subscriber, got %d", n)
	}
	// A GET (a mail scanner) only shows the button.
	if res, body := get(t, nil, srv.URL+paths["unsubscribe"]); res.StatusCode != http.StatusOK || !strings.Contains(body, `method="post"`) {
		t.Errorf("unsubscribe GET: want a page with a POST button, got %d", res.StatusCode)
	}
	if n := env.Client.StatusSubscriber.Query().CountX(ctx); n != 1 {
		t.Fatalf("a GET must not unsubscribe")
	}
	// RFC 8058: the mail client POSTs List-Unsubscribe=One-Click.
	res, err = http.Post(srv.URL+paths["unsubscribe"], "application/x-www-form-urlencoded", strings.NewReader("List-Unsubscribe=One-Click"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || env.Client.StatusSubscriber.Query().CountX(ctx) != 0 {
		t.Errorf("one-click unsubscribe: want 200 and no subscriber left, got %d", res.StatusCode)
	}
}

func TestStatusSubscribeRefusesBadEmailAndIsRateLimited(t *testing.T) {
	srv, _ := subscriptionServer(t)
	res, body := postForm(t, srv.URL+"/status/subscribe", "email=nonsense")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "email:") {
		t.Errorf("bad email: want 400 naming the field, got %d", res.StatusCode)
	}
	for i := 2; i <= sp.SubscribeLimit; i++ {
		postForm(t, srv.URL+"/status/subscribe", "email=nonsense")
	}
	if res, _ := postForm(t, srv.URL+"/status/subscribe", "email=ok@example.com"); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("request %d from one address: want 429, got %d", sp.SubscribeLimit+1, res.StatusCode)
	}
	if n := env.Client.StatusSubscriber.Query().CountX(viewerSystem()); n != 0 {
		t.Errorf("want no subscriber stored, got %d", n)
	}
}

// Behind a reverse proxy on the same machine (TOCSIN_TRUSTED_PROXIES
// default), each visitor the proxy names in X-Forwarded-For has a limit of
// their own: the whole internet is not one address.
func TestStatusSubscribeLimitsEachVisitorBehindAProxy(t *testing.T) {
	srv, _ := subscriptionServer(t)
	visitors := []string{"198.51.100.1", "198.51.100.2"}
	for _, ip := range visitors {
		env.Redis.Del(context.Background(), "tocsin:ratelimit:status-subscribe:"+ip)
	}
	post := func(ip string) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/status/subscribe", strings.NewReader("email=nonsense"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		// A visitor's own claim first, then the address the proxy saw.
		req.Header.Set("X-Forwarded-For", "203.0.113.99, "+ip)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for i := 1; i <= sp.SubscribeLimit; i++ {
		if code := post(visitors[0]); code != http.StatusBadRequest {
			t.Fatalf("visitor 1, request %d: want 400 (bad email, within the limit), got %d", i, code)
		}
	}
	if code := post(visitors[0]); code != http.StatusTooManyRequests {
		t.Errorf("visitor 1, request %d: want 429, got %d", sp.SubscribeLimit+1, code)
	}
	if code := post(visitors[1]); code != http.StatusBadRequest {
		t.Errorf("visitor 2 behind the same proxy: want their own limit (400 for the bad email), got %d", code)
	}
	if n, _ := env.Redis.Exists(context.Background(), "tocsin:ratelimit:status-subscribe:203.0.113.99").Result(); n != 0 {
		t.Errorf("the visitor's own X-Forwarded-For claim was counted")
	}
	for _, ip := range visitors {
		env.Redis.Del(context.Background(), "tocsin:ratelimit:status-subscribe:"+ip)
	}
}

func postForm(t *testing.T, u, body string) (*http.Response, string) {
	t.Helper()
	res, err := http.Post(u, "application/x-www-form-urlencoded", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestStatusPageAdminWritesNameTheField(t *testing.T) {
	h := newHarness(t)
	admin := h.login("admin@tocsin.local")
	for _, tc := range []struct{ slug, field string }{{"Bad Slug", "slug"}, {"subscribe", "slug"}, {"", "slug"}} {
		_, res := h.do(nil, `mutation($s:String!){createStatusPage(input:{slug:$s, title:"X"}){id}}`, map[string]any{"s": tc.slug}, bearer(admin))
		if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != tc.field {
			t.Errorf("slug %q: want BAD_USER_INPUT on %s, got %+v", tc.slug, tc.field, res.Errors)
		}
	}
	var pg struct{ ID, URL string }
	h.gql(admin, `mutation{createStatusPage(input:{slug:"cloud", title:"Cloud"}){id url}}`, nil, "createStatusPage", &pg)
	if !strings.HasSuffix(pg.URL, "/status/cloud") {
		t.Errorf("want the page's URL, got %q", pg.URL)
	}
	_, res := h.do(nil, `mutation($p:ID!){addStatusComponent(input:{pageID:$p, name:"X", serviceID:"1"}){id}}`, map[string]any{"p": pg.ID}, bearer(admin))
	if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "serviceID" {
		t.Errorf("unknown service: want BAD_USER_INPUT on serviceID, got %+v", res.Errors)
	}
	var comp struct{ ID string }
	h.gql(admin, `mutation($p:ID!){addStatusComponent(input:{pageID:$p, name:"API", groupName:"Core"}){id}}`, map[string]any{"p": pg.ID}, "addStatusComponent", &comp)
	var pages []struct {
		Slug       string
		Components []struct{ Name string }
	}
	h.gql(h.login("stakeholder@tocsin.local"), `{statusPages{slug components{name}}}`, nil, "statusPages", &pages)
	if len(pages) != 2 || pages[0].Slug != "" || pages[1].Slug != "cloud" || len(pages[1].Components) != 1 {
		t.Errorf("want everyone signed in to read both pages by slug with their components, got %+v", pages)
	}
	var id string
	h.gql(admin, `mutation($p:ID!){deleteStatusPage(id:$p)}`, map[string]any{"p": pg.ID}, "deleteStatusPage", &id)
	if env.Client.StatusPage.Query().Where(statuspage.Slug("cloud")).ExistX(viewerSystem()) {
		t.Errorf("want the page deleted with its component")
	}
}
