// Package paging runs the whole paging chain through the real binary:
// `tocsin all` on PostgreSQL and Redis (Asynq), with the real FCM SDK,
// Twilio client and SMTP mailer talking to local fakes that check the
// exact requests (internal/fakefcm, internal/faketwilio,
// internal/smtptest). An alert sent to the Opsgenie API reaches the
// responder by push, SMS and email; each of the three doors back — an SMS
// reply signed as Twilio signs it, the push's action URL, the email's
// Acknowledge link — acknowledges an alert; and after the acknowledge
// nothing more arrives, also when the responder's next rule (a call a
// minute later) comes due.
//
// It waits for that minute once, for all three alerts together.
package paging_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/fakefcm"
	"github.com/tocsin/tocsin/internal/faketwilio"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "paging", &env)) }

const (
	fcmProject   = "tocsin-paging"
	twilioSID    = "AC00000000000000000000000000paging"
	twilioToken  = "paging-twilio-auth-token"
	twilioFrom   = "+15005550006"
	actionSecret = "paging-chain-action-secret-0123456789abcdef"
)

// chain is the running system and what it sent.
type chain struct {
	t      *testing.T
	base   string
	who    responder
	fcm    *fakefcm.Server
	twilio *faketwilio.Server
	mail   *inbox
	hc     *http.Client
}

// page is one alert of the test and what reached the responder for it.
type page struct {
	name, msg string
	id, tiny  int
	opened    time.Time
	push      map[string]any   // the FCM message
	sms       url.Values       // the Messages.json form
	email     received         // the email
	took      [3]time.Duration // alert sent → push, SMS, email at the fakes
}

// latencies reads "push 12ms, SMS 14ms, email 20ms".
func (p *page) latencies() string {
	r := func(d time.Duration) time.Duration { return d.Round(time.Millisecond) }
	return fmt.Sprintf("push %v, SMS %v, email %v", r(p.took[0]), r(p.took[1]), r(p.took[2]))
}

func TestAnAlertPagesEveryChannelAndEachDoorBackAcknowledgesIt(t *testing.T) {
	if got := twilioSign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", url.Values{"CallSid": {"CA1234567890ABCDE"},
		"Caller": {"+14158675309"}, "Digits": {"1234"}, "From": {"+14158675309"}, "To": {"+18005551212"}}); got != "RSOYDt4T1cUTdK1PDd93/VVr8B8=" {
		t.Fatalf("twilioSign on Twilio's published example: want RSOYDt4T1cUTdK1PDd93/VVr8B8=, got %s", got)
	}
	bin := build(t)
	c := &chain{t: t, who: setup(t), fcm: fakefcm.Start(t, fcmProject), twilio: faketwilio.Start(t, twilioSID, twilioToken),
		hc: &http.Client{Timeout: 10 * time.Second}}
	smtp := smtptest.Start(t)
	c.mail = collect(t, smtp)
	addr := freeAddr(t)
	c.base = "http://" + addr
	runAll(t, bin, c.base,
		"TOCSIN_DATABASE_URL="+env.DatabaseURL, "TOCSIN_REDIS_URL="+env.RedisURL,
		"TOCSIN_HTTP_ADDR="+addr, "TOCSIN_BASE_URL="+c.base, "TOCSIN_LOG_LEVEL=warn",
		"TOCSIN_ACTION_SECRET="+actionSecret, "TOCSIN_SMTP_URL="+smtp.URL, "TOCSIN_SMTP_FROM=Tocsin <tocsin@paging.test>",
		"TOCSIN_FCM_CREDENTIALS="+c.fcm.Credentials(), "TOCSIN_FCM_PROJECT="+fcmProject, "TOCSIN_FCM_ENDPOINT="+c.fcm.URL+"/v1",
		"TOCSIN_TWILIO_ACCOUNT_SID="+twilioSID, "TOCSIN_TWILIO_AUTH_TOKEN="+twilioToken,
		"TOCSIN_TWILIO_FROM="+twilioFrom, "TOCSIN_TWILIO_BASE_URL="+c.twilio.URL)

	a := c.open("chain-a", "Disk full on db-1")
	c.ackBySMSReply(a)
	b := c.open("chain-b", "Checkout latency above 2 s")
	c.ackByPushAction(b)
	e := c.open("chain-c", "Certificate expires in 3 days")
	c.ackByEmailLink(e)
	pages := []*page{a, b, e}
	for _, p := range pages {
		c.expectAcked(p)
	}
	if t.Failed() {
		return
	}

	// The call a minute after the step comes due for each alert: it must
	// be skipped, and nothing at all may reach a fake after the acknowledges.
	waited := time.Now()
	deadline := e.opened.Add(100 * time.Second)
	for !c.callsSkipped(pages) {
		if time.Now().After(deadline) {
			t.Fatalf("the one-minute voice rule of each alert: want its delivery (contact method %d) SKIPPED within 100 s, got A %v, B %v, C %v",
				c.who.voice, c.deliveries(a), c.deliveries(b), c.deliveries(e))
		}
		time.Sleep(250 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // a late page would arrive here
	if n := len(c.fcm.Sends()); n != 3 {
		t.Errorf("FCM: want 3 messages (one per alert), got %d", n)
	}
	if reqs := c.twilio.Requests(); len(reqs) != 3 {
		t.Errorf("Twilio: want 3 requests (one SMS per alert, no call), got %d: %+v", len(reqs), reqs)
	}
	if n := len(c.mail.all()); n != 3 {
		t.Errorf("SMTP: want 3 emails (one per alert), got %d", n)
	}
	for _, p := range pages {
		for cm, want := range map[int]delivery.Status{c.who.push: delivery.StatusSENT, c.who.sms: delivery.StatusSENT,
			c.who.email: delivery.StatusSENT, c.who.voice: delivery.StatusSKIPPED} {
			if got := c.deliveries(p)[cm]; got != want {
				t.Errorf("alert %s, contact method %d: want delivery %s, got %s", p.name, cm, want, got)
			}
		}
	}
	t.Logf("waited %v for the voice rule", time.Since(waited).Round(time.Second))
	if t.Failed() {
		return
	}
	fmt.Printf("paging chain: alert → page A %s; B %s; C %s; acknowledged by SMS reply, push action, email link; after that 0 pages, 3 calls skipped\n",
		a.latencies(), b.latencies(), e.latencies())
}

// open sends an alert to the Opsgenie API, waits for its push, SMS and
// email, and checks each is the page of this alert.
func (c *chain) open(alias, msg string) *page {
	t := c.t
	t.Helper()
	p := &page{name: alias, msg: msg, opened: time.Now()}
	if code, body := c.genie("POST", "/v2/alerts", fmt.Sprintf(`{"message":%q,"alias":%q,"priority":"P1"}`, msg, alias)); code != http.StatusAccepted {
		t.Fatalf("create %s: want 202, got %d %s", alias, code, body)
	}
	code, body := c.genie("GET", "/v2/alerts/"+alias+"?identifierType=alias", "")
	var got struct{ Data struct{ ID, TinyID string } }
	if err := json.Unmarshal(body, &got); err != nil || code != http.StatusOK {
		t.Fatalf("get %s: %d %s", alias, code, body)
	}
	p.id, _ = strconv.Atoi(got.Data.ID)
	p.tiny, _ = strconv.Atoi(got.Data.TinyID)

	deadline := time.Now().Add(15 * time.Second)
	for p.push == nil || p.sms == nil || p.email.Data == "" {
		if time.Now().After(deadline) {
			t.Fatalf("alert %s: want push, SMS and email within 15 s; push %v, SMS %v, email %v", alias, p.push != nil, p.sms != nil, p.email.Data != "")
		}
		for _, s := range c.fcm.Sends() {
			if data, _ := s.Message["data"].(map[string]any); p.push == nil && data["alert_id"] == got.Data.ID {
				p.push, p.took[0] = s.Message, s.At.Sub(p.opened)
				if s.Project != fcmProject {
					t.Errorf("push: want /v1/projects/%s/messages:send, got project %q", fcmProject, s.Project)
				}
			}
		}
		for _, r := range c.twilio.Requests() {
			if p.sms == nil && r.Message() && strings.Contains(r.Form.Get("Body"), fmt.Sprintf(" #%d ", p.tiny)) {
				p.sms, p.took[1] = r.Form, r.At.Sub(p.opened)
			}
		}
		for _, m := range c.mail.all() {
			if p.email.Data == "" && strings.Contains(m.Subject, fmt.Sprintf(" #%d ", p.tiny)) {
				p.email, p.took[2] = m, m.At.Sub(p.opened)
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.checkPush(p)
	c.checkSMS(p)
	c.checkEmail(p)
	return p
}

// ackBySMSReply answers the SMS with "<tiny>a" as Twilio posts an
// incoming message: first with a wrong signature (refused, nothing
// changes), then signed.
func (c *chain) ackBySMSReply(p *page) {
	t := c.t
	form := url.Values{"MessageSid": {"SM1e0000000000000000000000000reply"}, "AccountSid": {twilioSID}, "From": {smsNumber},
		"To": {twilioFrom}, "Body": {fmt.Sprintf("%da", p.tiny)}, "NumMedia": {"0"}, "NumSegments": {"1"}, "SmsStatus": {"received"}, "ApiVersion": {"2010-04-01"}}
	hook := c.base + "/hooks/twilio/sms"
	if code, body := c.postForm(hook, form, twilioSign("not-the-auth-token", hook, form)); code != http.StatusForbidden || c.status(p) != alert.StatusOPEN {
		t.Errorf("SMS reply with a wrong signature: want 403 and the alert OPEN, got %d %s and %s", code, body, c.status(p))
	}
	code, body := c.postForm(hook, form, twilioSign(twilioToken, hook, form))
	want := fmt.Sprintf("<Response><Message>Alert #%d acknowledged.</Message></Response>", p.tiny)
	if code != http.StatusOK || !strings.Contains(string(body), want) {
		t.Errorf("SMS reply %q: want 200 with TwiML %s, got %d %s", form.Get("Body"), want, code, body)
	}
}

// ackByPushAction presses the push's Acknowledge button as the app does.
func (c *chain) ackByPushAction(p *page) {
	t := c.t
	data := p.push["data"].(map[string]any)
	res, err := c.hc.Post(data["action_url"].(string), "application/json", strings.NewReader(`{"action":"acknowledge"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Action string
		Alert  struct {
			TinyID int
			Status string
		}
	}
	body, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(body, &out); err != nil || res.StatusCode != http.StatusOK || out.Action != "acknowledge" ||
		out.Alert.TinyID != p.tiny || out.Alert.Status != "ACKED" {
		t.Errorf("push action: want 200 {action: acknowledge, alert: {tinyId: %d, status: ACKED}}, got %d %s", p.tiny, res.StatusCode, body)
	}
}

// ackByEmailLink opens the email's Acknowledge link (a confirmation page
// that changes nothing) and presses its button as a browser does.
func (c *chain) ackByEmailLink(p *page) {
	t := c.t
	link := p.email.ackLink()
	res, err := c.hc.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `value="acknowledge"`) || c.status(p) != alert.StatusOPEN {
		t.Fatalf("opening the email's Acknowledge link: want a confirmation page and the alert still OPEN, got %d and %s:\n%s", res.StatusCode, c.status(p), body)
	}
	// The form's action is "": the browser posts to the page's own URL.
	code, body := c.postForm(link, url.Values{"action": {"acknowledge"}}, "")
	if code != http.StatusOK || !strings.Contains(string(body), "is now ACKED") {
		t.Errorf("confirming the acknowledge: want 200 saying the alert is now ACKED, got %d:\n%s", code, body)
	}
}

// expectAcked checks the alert is acknowledged through the Opsgenie API
// and in the database, and its timeline has the pages and the acknowledge.
func (c *chain) expectAcked(p *page) {
	t := c.t
	code, body := c.genie("GET", "/v2/alerts/"+p.name+"?identifierType=alias", "")
	var got struct{ Data struct{ Acknowledged bool } }
	if json.Unmarshal(body, &got); code != http.StatusOK || !got.Data.Acknowledged {
		t.Errorf("alert %s: want the Opsgenie API to say acknowledged, got %d %s", p.name, code, body)
	}
	if s := c.status(p); s != alert.StatusACKED {
		t.Errorf("alert %s: want ACKED in the database, got %s", p.name, s)
	}
	ctx := viewer.System(context.Background())
	q := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(p.id))
	if n := q.Clone().Where(timelineevent.Kind(incident.KindPageSent)).CountX(ctx); n != 3 {
		t.Errorf("alert %s: want 3 PAGE_SENT on the timeline (push, SMS, email), got %d", p.name, n)
	}
	if n := q.Clone().Where(timelineevent.Kind(incident.KindAcknowledged)).CountX(ctx); n != 1 {
		t.Errorf("alert %s: want one ACKNOWLEDGED on the timeline, got %d", p.name, n)
	}
}

func (c *chain) status(p *page) alert.Status {
	return env.Client.Alert.GetX(viewer.System(context.Background()), p.id).Status
}

// deliveries is the status of each of the alert's pages, by contact method.
func (c *chain) deliveries(p *page) map[int]delivery.Status {
	out := map[int]delivery.Status{}
	for _, d := range env.Client.Delivery.Query().Where(delivery.AlertID(p.id)).AllX(viewer.System(context.Background())) {
		out[d.ContactMethodID] = d.Status
	}
	return out
}

// callsSkipped reports whether every alert's call (the one-minute rule)
// was settled as skipped because the alert was acknowledged.
func (c *chain) callsSkipped(pages []*page) bool {
	n := env.Client.Delivery.Query().Where(delivery.AlertIDIn(ids(pages)...), delivery.ContactMethodID(c.who.voice),
		delivery.StatusEQ(delivery.StatusSKIPPED), delivery.Detail("the alert was acknowledged")).CountX(viewer.System(context.Background()))
	return n == len(pages)
}

func ids(pages []*page) []int {
	var out []int
	for _, p := range pages {
		out = append(out, p.id)
	}
	return out
}

func (c *chain) genie(method, path, body string) (int, []byte) {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.base+path, strings.NewReader(body))
	req.Header.Set("Authorization", "GenieKey "+c.who.key)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.do(req)
}

// postForm posts a form, with X-Twilio-Signature when signature is set.
func (c *chain) postForm(u string, form url.Values, signature string) (int, []byte) {
	c.t.Helper()
	req, _ := http.NewRequest("POST", u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if signature != "" {
		req.Header.Set("X-Twilio-Signature", signature)
	}
	return c.do(req)
}

func (c *chain) do(req *http.Request) (int, []byte) {
	c.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}
