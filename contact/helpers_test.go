package contact_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/egress"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "contact", &env)) }

const (
	twilioSID   = "AC0123456789abcdef0123456789abcdef"
	twilioToken = "twilio-auth-token"
	twilioFrom  = "+15005550006"
)

// fakeTwilio is Twilio's REST API on 127.0.0.1: it checks the path, Basic
// auth and form encoding of each request and answers as Twilio does.
type fakeTwilio struct {
	*httptest.Server
	mu       sync.Mutex
	requests []twilioRequest
	status   int
	body     string
}

type twilioRequest struct {
	Path string
	Form url.Values
}

func newFakeTwilio(t *testing.T) *fakeTwilio {
	f := &fakeTwilio{status: http.StatusCreated}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if r.Method != http.MethodPost || !ok || user != twilioSID || pass != twilioToken {
			t.Errorf("want POST with Basic auth %s:%s, got %s %q:%q", twilioSID, twilioToken, r.Method, user, pass)
		}
		if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
			t.Errorf("Content-Type: want form encoding, got %q", ct)
		}
		body, _ := io.ReadAll(r.Body)
		form, err := url.ParseQuery(string(body))
		if err != nil {
			t.Errorf("body is not form-encoded: %q", body)
		}
		f.mu.Lock()
		f.requests = append(f.requests, twilioRequest{r.URL.Path, form})
		status, answer := f.status, f.body
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		if answer == "" {
			b, _ := json.Marshal(map[string]string{"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued", "to": form.Get("To")})
			answer = string(b)
		}
		io.WriteString(w, answer)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeTwilio) answer(status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status, f.body = status, body
}

func (f *fakeTwilio) sent() []twilioRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]twilioRequest(nil), f.requests...)
}

// world is responders ann and bob, a stakeholder and an admin, and the
// store with channels to a fake Twilio and a real SMTP server.
type world struct {
	m                                *contact.Methods
	egress                           *egress.Dialer // the webhook channel's and the address check's
	twilio                           *fakeTwilio
	smtp                             *smtptest.Server
	now                              time.Time
	ann, bob, stake, admin           *ent.User
	annCtx, bobCtx, stakeCtx, adminC context.Context
}

func newWorld(t *testing.T) *world {
	t.Helper()
	env.Truncate(t)
	sys := viewer.System(context.Background())
	w := &world{twilio: newFakeTwilio(t), smtp: smtptest.Start(t), now: time.Date(2026, 11, 23, 22, 0, 0, 0, time.UTC)}
	mailer, err := notify.NewMailer(w.smtp.URL, "tocsin@example.com")
	if err != nil {
		t.Fatal(err)
	}
	w.egress = &egress.Dialer{LookupIP: fakeDNS}
	tw := &notify.Twilio{AccountSID: twilioSID, AuthToken: twilioToken, From: twilioFrom, BaseURL: w.twilio.URL, PublicURL: "https://tocsin.example.com"}
	w.m = &contact.Methods{
		Client: env.Client,
		Channels: contact.Channels{SMS: &notify.SMS{Twilio: tw}, Voice: &notify.Voice{Twilio: tw},
			Email: &notify.EmailPages{Mailer: mailer}, Webhook: &notify.Webhook{Egress: w.egress}},
		Egress: w.egress,
		Now:    func() time.Time { return w.now },
	}
	mk := func(email, name string, role viewer.Role) (*ent.User, context.Context) {
		u := env.Client.User.Create().SetEmail(email).SetName(name).SetRole(role).SaveX(sys)
		return u, viewer.ForUser(context.Background(), u.ID, role)
	}
	w.ann, w.annCtx = mk("ann@example.com", "Ann", viewer.RoleResponder)
	w.bob, w.bobCtx = mk("bob@example.com", "Bob", viewer.RoleResponder)
	w.stake, w.stakeCtx = mk("stake@example.com", "Stella", viewer.RoleStakeholder)
	w.admin, w.adminC = mk("admin@example.com", "Ada", viewer.RoleAdmin)
	return w
}

// fakeDNS answers for a few names, so no test asks a real resolver.
func fakeDNS(_ context.Context, host string) ([]netip.Addr, error) {
	answers := map[string][]string{
		"hooks.example.com":    {"93.184.215.14"},
		"intranet.example.com": {"93.184.215.14", "192.168.1.20"},
		"metadata.example.com": {"169.254.169.254"},
		"localhost":            {"127.0.0.1", "::1"},
	}
	var out []netip.Addr
	for _, a := range answers[host] {
		out = append(out, netip.MustParseAddr(a))
	}
	if out == nil {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return out, nil
}

var sixDigits = regexp.MustCompile(`\b[0-9]{6}\b`)

// codeIn is the 6-digit code in a message.
func codeIn(t *testing.T, s string) string {
	t.Helper()
	c := sixDigits.FindString(s)
	if c == "" {
		t.Fatalf("no 6-digit code in %q", s)
	}
	return c
}

func ptr[T any](v T) *T { return &v }

type contactmethodT = ent.ContactMethod

// ruleSentences lists a user's rules as "URGENCY method +Nm", by urgency
// and delay, joined with "; ".
func ruleSentences(t *testing.T, w *world, userID int) string {
	t.Helper()
	rs, err := w.m.Rules(viewer.System(t.Context()), userID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s %s +%dm", r.Urgency, r.Edges.ContactMethod.Name, r.DelayMinutes))
	}
	return strings.Join(out, "; ")
}
