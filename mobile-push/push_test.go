package mobilepush_test

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/config"
	mobilepush "github.com/tocsin/tocsin/mobile-push"
	"github.com/tocsin/tocsin/notify"
)

const (
	project     = "tocsin-test"
	clientEmail = "fcm-sender@tocsin-test.iam.gserviceaccount.com"
	accessToken = "ya29.fake-access-token"
	deviceToken = "fcm-device-token-of-alices-pixel"
)

// fakeFCM is Google's OAuth token endpoint and the FCM HTTP v1 API on
// 127.0.0.1. It checks the service-account JWT the SDK signs (RS256 with
// the test's key, issuer, audience, scope), the bearer token and headers
// of each send, and hands over each message body.
type fakeFCM struct {
	t *testing.T
	*httptest.Server
	key *rsa.PrivateKey

	mu        sync.Mutex
	exchanges int
	messages  []map[string]any
	projects  []string
	status    int
	answer    string
}

func newFakeFCM(t *testing.T) *fakeFCM {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeFCM{t: t, key: key, status: http.StatusOK}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", f.token)
	mux.HandleFunc("POST /v1/projects/{project}/messages:send", f.send)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		http.NotFound(w, r)
	})
	f.Server = httptest.NewServer(mux)
	t.Cleanup(f.Close)
	return f
}

// token checks the JWT bearer grant (RFC 7523) and issues accessToken.
func (f *fakeFCM) token(w http.ResponseWriter, r *http.Request) {
	t := f.t
	if err := r.ParseForm(); err != nil {
		t.Errorf("token request: %v", err)
	}
	if g := r.PostForm.Get("grant_type"); g != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
		t.Errorf("grant_type: want jwt-bearer, got %q", g)
	}
	parts := strings.Split(r.PostForm.Get("assertion"), ".")
	if len(parts) != 3 {
		t.Fatalf("assertion is not a JWT: %q", r.PostForm.Get("assertion"))
	}
	var header struct{ Alg, Typ, Kid string }
	decodeSegment(t, parts[0], &header)
	if header.Alg != "RS256" || header.Kid != "test-key-id" {
		t.Errorf("JWT header: want RS256 with kid test-key-id, got %+v", header)
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(&f.key.PublicKey, crypto.SHA256, sum[:], sig); err != nil {
		t.Errorf("JWT signature does not verify with the service account's key: %v", err)
	}
	var claims struct {
		Iss, Aud, Scope string
		Iat, Exp        int64
	}
	decodeSegment(t, parts[1], &claims)
	if claims.Iss != clientEmail || claims.Aud != f.URL+"/token" || claims.Exp-claims.Iat > 3600 || claims.Exp <= time.Now().Unix() {
		t.Errorf("JWT claims: want iss %s, aud %s/token, a lifetime ≤ 1 h, got %+v", clientEmail, f.URL, claims)
	}
	if !strings.Contains(" "+claims.Scope+" ", " https://www.googleapis.com/auth/firebase.messaging ") &&
		!strings.Contains(" "+claims.Scope+" ", " https://www.googleapis.com/auth/cloud-platform ") {
		t.Errorf("JWT scope: want firebase.messaging or cloud-platform, got %q", claims.Scope)
	}
	f.mu.Lock()
	f.exchanges++
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"access_token":"`+accessToken+`","token_type":"Bearer","expires_in":3600}`)
}

func (f *fakeFCM) send(w http.ResponseWriter, r *http.Request) {
	t := f.t
	for k, want := range map[string]string{
		"Authorization":             "Bearer " + accessToken,
		"Content-Type":              "application/json",
		"X-Goog-Api-Format-Version": "2",
		"X-Firebase-Client":         "fire-admin-go/4.19.0",
	} {
		if got := r.Header.Get(k); got != want {
			t.Errorf("header %s: want %q, got %q", k, want, got)
		}
	}
	var body struct {
		ValidateOnly *bool          `json:"validate_only"`
		Message      map[string]any `json:"message"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Message == nil || body.ValidateOnly != nil {
		t.Errorf("body: want {\"message\": …} without validate_only, got %+v (%v)", body, err)
	}
	f.mu.Lock()
	f.projects = append(f.projects, r.PathValue("project"))
	f.messages = append(f.messages, body.Message)
	status, answer := f.status, f.answer
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if answer == "" {
		answer = `{"name":"projects/` + project + `/messages/0:1732400000000000%31bd1c9af9fd7ecd"}`
	}
	io.WriteString(w, answer)
}

func (f *fakeFCM) respond(status int, answer string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status, f.answer = status, answer
}

func (f *fakeFCM) last() map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.messages) == 0 {
		f.t.Fatal("FCM got no message")
	}
	return f.messages[len(f.messages)-1]
}

func decodeSegment(t *testing.T, seg string, v any) {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		t.Fatalf("JWT segment %q: %v", seg, err)
	}
}

// credentials writes a service-account JSON with the fake's key whose
// token_uri is the fake, as a downloaded key file looks.
func (f *fakeFCM) credentials(t *testing.T) string {
	der, err := x509.MarshalPKCS8PrivateKey(f.key)
	if err != nil {
		t.Fatal(err)
	}
	sa := map[string]string{
		"type":                        "service_account",
		"project_id":                  project,
		"private_key_id":              "test-key-id",
		"private_key":                 string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"client_email":                clientEmail,
		"client_id":                   "100000000000000000001",
		"auth_uri":                    f.URL + "/auth",
		"token_uri":                   f.URL + "/token",
		"auth_provider_x509_cert_url": f.URL + "/certs",
		"universe_domain":             "googleapis.com",
	}
	b, _ := json.MarshalIndent(sa, "", "  ")
	path := filepath.Join(t.TempDir(), "service-account.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func (f *fakeFCM) push(t *testing.T) *mobilepush.Push {
	p, err := mobilepush.New(context.Background(), mobilepush.Config{Credentials: f.credentials(t), Endpoint: f.URL + "/v1"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var page = notify.Page{
	AlertID: 4294967337, TinyID: 42, Message: "Card payments failing", Priority: "P1", Service: "Payments API",
	Urgency: notify.UrgencyHigh, Link: "https://tocsin.example.com/alerts/4294967337",
	To: deviceToken, ToName: "Alice's Pixel",
	ActionToken: "tok_abc", ActionURL: "https://tocsin.example.com/actions/tok_abc",
	DeliveryKey: "tocsin-delivery-9031",
}

// wantMessage is the JSON FCM must receive for page with the given
// Android channel, priorities, iOS sound and interruption level.
func wantMessage(androidPriority, channel, notifPriority, apnsPriority string, sound any, level string) map[string]any {
	var m map[string]any
	raw := `{
	  "token": "` + deviceToken + `",
	  "notification": {"title": "P1 · Payments API", "body": "#42 Card payments failing"},
	  "data": {
	    "type": "alert.page", "alert_id": "4294967337", "tiny_id": "42", "message": "Card payments failing",
	    "priority": "P1", "service": "Payments API", "urgency": "` + string(page.Urgency) + `",
	    "link": "https://tocsin.example.com/alerts/4294967337", "delivery": "tocsin-delivery-9031",
	    "action_token": "tok_abc", "action_url": "https://tocsin.example.com/actions/tok_abc",
	    "actions": "acknowledge,escalate,close"
	  },
	  "android": {
	    "priority": "` + androidPriority + `",
	    "notification": {"title": "P1 · Payments API", "body": "#42 Card payments failing", "channel_id": "` + channel + `",
	      "tag": "alert-4294967337", "click_action": "TOCSIN_ALERT", "notification_priority": "` + notifPriority + `", "default_sound": true}
	  },
	  "apns": {
	    "headers": {"apns-priority": "` + apnsPriority + `", "apns-push-type": "alert", "apns-collapse-id": "alert-4294967337"},
	    "payload": {"aps": {"alert": {"title": "P1 · Payments API", "body": "#42 Card payments failing"},
	      "category": "TOCSIN_ALERT", "thread-id": "alert-4294967337", "interruption-level": "` + level + `"}}
	  }
	}`
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		panic(err)
	}
	m["apns"].(map[string]any)["payload"].(map[string]any)["aps"].(map[string]any)["sound"] = sound
	return m
}

func diffJSON(t *testing.T, name string, want, got map[string]any) {
	t.Helper()
	if !reflect.DeepEqual(want, got) {
		w, _ := json.MarshalIndent(want, "", "  ")
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Errorf("%s: the message FCM received differs\nwant %s\ngot  %s", name, w, g)
	}
}

func TestPushSendsTheExactFCMRequestAfterARealTokenExchange(t *testing.T) {
	f := newFakeFCM(t)
	push := f.push(t)
	r, err := push.Send(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	if r.ProviderID != "projects/"+project+"/messages/0:1732400000000000%31bd1c9af9fd7ecd" || r.Summary != "push to Alice's Pixel: sent" {
		t.Errorf("receipt: got %+v", r)
	}
	diffJSON(t, "high urgency, no critical opt-in", wantMessage("high", mobilepush.ChannelHigh, "PRIORITY_MAX", "10", "default", "time-sensitive"), f.last())

	critical := page
	critical.CriticalAlerts = true
	if _, err := push.Send(context.Background(), critical); err != nil {
		t.Fatal(err)
	}
	diffJSON(t, "high urgency, critical alerts allowed",
		wantMessage("high", mobilepush.ChannelHigh, "PRIORITY_MAX", "10", map[string]any{"critical": float64(1), "name": "default", "volume": float64(1)}, "critical"), f.last())

	if !slices.Equal(f.projects, []string{project, project}) {
		t.Errorf("want both sent to /v1/projects/%s/messages:send (the project of the credentials), got %v", project, f.projects)
	}
	if f.exchanges != 1 {
		t.Errorf("two sends: want one OAuth token exchange (the token is cached), got %d", f.exchanges)
	}
}

func TestLowUrgencyPushIsNormalAndNeverCritical(t *testing.T) {
	f := newFakeFCM(t)
	low := page
	low.Urgency, low.CriticalAlerts = notify.UrgencyLow, true
	if _, err := f.push(t).Send(context.Background(), low); err != nil {
		t.Fatal(err)
	}
	want := wantMessage("normal", mobilepush.ChannelLow, "PRIORITY_DEFAULT", "5", "default", "active")
	want["data"].(map[string]any)["urgency"] = "low"
	diffJSON(t, "low urgency", want, f.last())
}

func TestUnregisteredTokenIsPermanentAndSaysPrune(t *testing.T) {
	f := newFakeFCM(t)
	push := f.push(t)
	for _, c := range []struct {
		name         string
		status       int
		body         string
		permanent    bool
		unregistered bool
	}{
		{"unregistered", 404, `{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}`, true, true},
		{"invalid token", 400, `{"error":{"code":400,"message":"The registration token is not a valid FCM registration token","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"}]}}`, true, false},
		{"sender mismatch", 403, `{"error":{"code":403,"message":"SenderId mismatch","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"SENDER_ID_MISMATCH"}]}}`, true, false},
		{"quota", 429, `{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"QUOTA_EXCEEDED"}]}}`, false, false},
		{"internal", 500, `{"error":{"code":500,"message":"Internal error.","status":"INTERNAL","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INTERNAL"}]}}`, false, false},
	} {
		f.respond(c.status, c.body)
		_, err := push.Send(context.Background(), page)
		if err == nil || notify.IsPermanent(err) != c.permanent || mobilepush.IsUnregistered(err) != c.unregistered {
			t.Errorf("%s: want permanent=%v unregistered=%v, got %v", c.name, c.permanent, c.unregistered, err)
		}
		var ne *notify.Error
		if !errors.As(err, &ne) || ne.Channel != "push" {
			t.Errorf("%s: want a *notify.Error of channel push, got %v", c.name, err)
		}
	}
}

func TestPushRefusesCredentialsThatAreNotAServiceAccount(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.json")
	os.WriteFile(path, []byte(`{"type":"authorized_user","client_id":"x","client_secret":"y","refresh_token":"z"}`), 0o600)
	if _, err := mobilepush.New(context.Background(), mobilepush.Config{Credentials: path}); err == nil || !strings.Contains(err.Error(), "service_account") {
		t.Errorf("user credentials: want an error asking for a service account, got %v", err)
	}
	if _, err := mobilepush.New(context.Background(), mobilepush.Config{Credentials: filepath.Join(t.TempDir(), "missing.json")}); err == nil || !strings.HasPrefix(err.Error(), "TOCSIN_FCM_CREDENTIALS") {
		t.Errorf("missing file: want an error naming TOCSIN_FCM_CREDENTIALS, got %v", err)
	}
	f := newFakeFCM(t)
	if _, err := f.push(t).Send(context.Background(), notify.Page{AlertID: 1, TinyID: 1, Message: "m"}); !notify.IsPermanent(err) {
		t.Errorf("no device token: want a permanent error, got %v", err)
	}
}

func TestFromConfigIsOffWithoutCredentials(t *testing.T) {
	load := func(args ...string) *config.Config {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		vals := config.Register(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		c, err := config.Load(vals)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if p, err := mobilepush.FromConfig(context.Background(), load()); p != nil || err != nil {
		t.Errorf("no credentials: want push off (nil, nil), got %v, %v", p, err)
	}
	f := newFakeFCM(t)
	p, err := mobilepush.FromConfig(context.Background(), load("--fcm-credentials", f.credentials(t), "--fcm-project", "other-project", "--fcm-endpoint", f.URL+"/v1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Send(context.Background(), page); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !slices.Equal(f.projects, []string{"other-project"}) {
		t.Errorf("TOCSIN_FCM_PROJECT overrides the credentials' project: want [other-project], got %v", f.projects)
	}
}
