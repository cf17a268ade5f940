// Package fakefcm is Google's OAuth token endpoint and the FCM HTTP v1 API
// on 127.0.0.1, for tests of push through the real Firebase SDK. It checks
// what the SDK sends as Google would: the service-account JWT (RS256 under
// the key of Credentials, issuer, audience, scope, lifetime), the bearer
// token it issued, the headers and body of each messages:send. A request
// that is not right fails the test; every message is kept.
package fakefcm

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	// ClientEmail is the service account of Credentials.
	ClientEmail = "fcm-sender@tocsin-test.iam.gserviceaccount.com"
	// AccessToken is what the token endpoint issues and sends must carry.
	AccessToken = "ya29.fake-access-token"
	// KeyID is the private_key_id of Credentials, the JWT's kid.
	KeyID = "test-key-id"
	// sdkClient is the X-Firebase-Client header of the SDK in go.mod.
	sdkClient = "fire-admin-go/4.19.0"
)

// Send is one message FCM accepted (or answered as the test asked).
type Send struct {
	Project string         // the {project} of /v1/projects/{project}/messages:send
	Message map[string]any // the "message" object as JSON decodes it
	At      time.Time
}

// Server is a running fake. Point the SDK at URL+"/v1" (TOCSIN_FCM_ENDPOINT)
// with the file of Credentials (TOCSIN_FCM_CREDENTIALS).
type Server struct {
	*httptest.Server
	// Project is the project_id of Credentials.
	Project string

	t   testing.TB
	key *rsa.PrivateKey

	mu        sync.Mutex
	exchanges int
	sends     []Send
	status    int
	answer    string
}

// Start listens on a free 127.0.0.1 port until the test ends.
func Start(t testing.TB, project string) *Server {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	f := &Server{t: t, key: key, Project: project, status: http.StatusOK}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", f.token)
	mux.HandleFunc("POST /v1/projects/{project}/messages:send", f.send)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("FCM: unexpected request %s %s", r.Method, r.URL)
		http.NotFound(w, r)
	})
	f.Server = httptest.NewServer(mux)
	t.Cleanup(f.Close)
	return f
}

// Respond makes every later send answer status with body; body "" is the
// success answer naming the message.
func (f *Server) Respond(status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status, f.answer = status, body
}

// Sends is every message received so far, oldest first.
func (f *Server) Sends() []Send {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Send(nil), f.sends...)
}

// Last is the newest message; the test fails when there is none.
func (f *Server) Last() map[string]any {
	f.t.Helper()
	s := f.Sends()
	if len(s) == 0 {
		f.t.Fatal("FCM got no message")
	}
	return s[len(s)-1].Message
}

// Exchanges is how many access tokens the token endpoint issued.
func (f *Server) Exchanges() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.exchanges
}

// Credentials writes a service-account JSON key, as Firebase's console
// downloads it, whose token_uri is this fake, and returns its path.
func (f *Server) Credentials() string {
	f.t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(f.key)
	if err != nil {
		f.t.Fatal(err)
	}
	sa := map[string]string{
		"type":                        "service_account",
		"project_id":                  f.Project,
		"private_key_id":              KeyID,
		"private_key":                 string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"client_email":                ClientEmail,
		"client_id":                   "100000000000000000001",
		"auth_uri":                    f.URL + "/auth",
		"token_uri":                   f.URL + "/token",
		"auth_provider_x509_cert_url": f.URL + "/certs",
		"universe_domain":             "googleapis.com",
	}
	b, _ := json.MarshalIndent(sa, "", "  ")
	path := filepath.Join(f.t.TempDir(), "service-account.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		f.t.Fatal(err)
	}
	return path
}

// token checks the JWT bearer grant (RFC 7523) and issues AccessToken.
func (f *Server) token(w http.ResponseWriter, r *http.Request) {
	if err := f.checkGrant(r); err != nil {
		f.t.Errorf("FCM token request: %v", err)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"error":"invalid_grant","error_description":"rejected by fakefcm"}`)
		return
	}
	f.mu.Lock()
	f.exchanges++
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"access_token":"`+AccessToken+`","token_type":"Bearer","expires_in":3600}`)
}

func (f *Server) checkGrant(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return err
	}
	if g := r.PostForm.Get("grant_type"); g != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
		return fmt.Errorf("grant_type: want jwt-bearer, got %q", g)
	}
	parts := strings.Split(r.PostForm.Get("assertion"), ".")
	if len(parts) != 3 {
		return fmt.Errorf("assertion is not a JWT: %q", r.PostForm.Get("assertion"))
	}
	var header struct{ Alg, Typ, Kid string }
	if err := decodeSegment(parts[0], &header); err != nil {
		return err
	}
	if header.Alg != "RS256" || header.Kid != KeyID {
		return fmt.Errorf("JWT header: want RS256 with kid %s, got %+v", KeyID, header)
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(&f.key.PublicKey, crypto.SHA256, sum[:], sig); err != nil {
		return fmt.Errorf("JWT signature does not verify with the service account's key: %v", err)
	}
	var claims struct {
		Iss, Aud, Scope string
		Iat, Exp        int64
	}
	if err := decodeSegment(parts[1], &claims); err != nil {
		return err
	}
	if claims.Iss != ClientEmail || claims.Aud != f.URL+"/token" || claims.Exp-claims.Iat > 3600 || claims.Exp <= time.Now().Unix() {
		return fmt.Errorf("JWT claims: want iss %s, aud %s/token, a lifetime ≤ 1 h, got %+v", ClientEmail, f.URL, claims)
	}
	if !strings.Contains(" "+claims.Scope+" ", " https://www.googleapis.com/auth/firebase.messaging ") &&
		!strings.Contains(" "+claims.Scope+" ", " https://www.googleapis.com/auth/cloud-platform ") {
		return fmt.Errorf("JWT scope: want firebase.messaging or cloud-platform, got %q", claims.Scope)
	}
	return nil
}

func (f *Server) send(w http.ResponseWriter, r *http.Request) {
	for k, want := range map[string]string{
		"Authorization":             "Bearer " + AccessToken,
		"Content-Type":              "application/json",
		"X-Goog-Api-Format-Version": "2",
		"X-Firebase-Client":         sdkClient,
	} {
		if got := r.Header.Get(k); got != want {
			f.t.Errorf("FCM send: header %s: want %q, got %q", k, want, got)
		}
	}
	var body struct {
		ValidateOnly *bool          `json:"validate_only"`
		Message      map[string]any `json:"message"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Message == nil || body.ValidateOnly != nil {
		f.t.Errorf("FCM send: want a body {\"message\": …} without validate_only, got %+v (%v)", body, err)
	}
	f.mu.Lock()
	f.sends = append(f.sends, Send{Project: r.PathValue("project"), Message: body.Message, At: time.Now()})
	status, answer := f.status, f.answer
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if answer == "" {
		answer = `{"name":"projects/` + r.PathValue("project") + `/messages/0:1732400000000000%31bd1c9af9fd7ecd"}`
	}
	io.WriteString(w, answer)
}

func decodeSegment(seg string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		return fmt.Errorf("JWT segment %q: %v", seg, err)
	}
	return nil
}
