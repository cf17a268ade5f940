package auth_test

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/viewer"
)

// limited is a Service whose responder r@x.io has the password "right-password".
func limited(t *testing.T) *auth.Service {
	t.Helper()
	p := setup(t)
	a := auth.New(env.Client, env.Redis, time.Hour)
	sys := viewer.System(context.Background())
	for _, id := range []int{p.responder.ID, p.admin.ID} {
		if err := a.SetPassword(sys, id, "right-password"); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func signIn(a *auth.Service, email, password, client, device string) (*auth.Session, error) {
	return a.SignIn(context.Background(), auth.Credentials{Email: email, Password: password, Client: client, UserAgent: "test", Device: device})
}

// Addresses of any length never become Redis keys: one longer than any
// email address is refused before anything is counted, and the longest
// real one is counted under a fixed-length hash that expires.
func TestHugeEmailsLeaveRedisBounded(t *testing.T) {
	a := limited(t)
	ctx := context.Background()
	huge := strings.Repeat("a", 900<<10) + "@x.io"
	for i := range 30 {
		_, err := a.Login(ctx, huge+strconv.Itoa(i), "guess", "203.0.113.9", "t")
		var invalid *auth.InvalidError
		if !errors.As(err, &invalid) || invalid.Field != "email" {
			t.Fatalf("a 900 KB email: want an invalid email, got %v", err)
		}
	}
	if n := env.Redis.DBSize(ctx).Val(); n != 0 {
		t.Errorf("30 refused 900 KB emails: want no key in Redis, got %d", n)
	}
	longest := strings.Repeat("b", auth.MaxEmailLen-len("@x.io")-2) // plus two digits
	for i := range 30 {
		email := longest + strconv.Itoa(10+i) + "@x.io"
		if _, err := a.Login(ctx, email, "guess", "203.0.113.9", "t"); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Fatalf("a %d-byte email: want it checked (invalid credentials), got %v", len(email), err)
		}
	}
	keys := env.Redis.Keys(ctx, "*").Val()
	var memory int64
	for _, k := range keys {
		if len(k) > 64 || strings.Contains(k, "bbbb") || strings.Contains(k, "203.0.113.9") {
			t.Errorf("key %q: want a short hash that names neither address nor client", k)
		}
		if ttl := env.Redis.TTL(ctx, k).Val(); ttl <= 0 {
			t.Errorf("key %q: want it to expire, TTL %v", k, ttl)
		}
		memory += env.Redis.MemoryUsage(ctx, k).Val()
	}
	t.Logf("after 30 refused 900 KB emails and 30 counted 254-byte ones: %d keys, %d bytes (MEMORY USAGE)", len(keys), memory)
	if len(keys) > 61 || memory > 61*200 {
		t.Errorf("30 attempts on 254-byte emails: want at most 61 keys (client, 30 pairs, 30 accounts) of < 200 bytes each, got %d keys, %d bytes", len(keys), memory)
	}
}

// An attacker's wrong passwords from one client stop that client only:
// the owner signs in from another client at once.
func TestAttackerOnOneClientCannotLockTheOwnerOut(t *testing.T) {
	a := limited(t)
	const attacker, owner = "198.51.100.7", "192.0.2.44"
	for i := range 12 {
		_, err := signIn(a, "r@x.io", "wrong-"+strconv.Itoa(i), attacker, "")
		want := auth.ErrInvalidCredentials
		if i >= 10 {
			want = auth.ErrRateLimited
		}
		if !errors.Is(err, want) {
			t.Fatalf("attacker's guess %d: want %v, got %v", i+1, want, err)
		}
	}
	if _, err := signIn(a, "r@x.io", "right-password", attacker, ""); !errors.Is(err, auth.ErrRateLimited) {
		t.Errorf("the attacker's client, over its limit: want refused even with the right password, got %v", err)
	}
	s, err := signIn(a, "r@x.io", "right-password", owner, "")
	if err != nil {
		t.Fatalf("the owner from another client while the attacker is limited: want signed in, got %v", err)
	}
	if !strings.HasPrefix(s.Device, "tcd_") || s.DeviceTTL != 90*24*time.Hour {
		t.Errorf("a sign-in makes the browser known: want a tcd_ device token for 90 days, got %q %v", s.Device, s.DeviceTTL)
	}
}

// Guessing spread over many clients is bounded per account; past the
// bound, only browsers that signed in to the account before get in.
func TestGuessingFromManyClientsIsBoundedPerAccountButNotForTheOwnersBrowser(t *testing.T) {
	a := limited(t)
	a.Limiter.PerAccount = 5
	home, err := signIn(a, "r@x.io", "right-password", "192.0.2.44", "")
	if err != nil {
		t.Fatal(err)
	}
	other, err := signIn(a, "a@x.io", "right-password", "192.0.2.45", "")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i := range 12 {
		_, err := signIn(a, "r@x.io", "wrong", "10.9.0."+strconv.Itoa(i), "")
		switch {
		case errors.Is(err, auth.ErrInvalidCredentials):
			checked++
		case !errors.Is(err, auth.ErrRateLimited):
			t.Fatalf("guess from client %d: %v", i, err)
		}
	}
	if checked != 5 {
		t.Errorf("12 clients guessing once each: want 5 guesses checked (the account's limit), got %d", checked)
	}
	if _, err := signIn(a, "r@x.io", "right-password", "10.9.1.1", ""); !errors.Is(err, auth.ErrRateLimited) {
		t.Errorf("an unknown browser on an account under attack: want refused, got %v", err)
	}
	if _, err := signIn(a, "r@x.io", "right-password", "10.9.1.2", other.Device); !errors.Is(err, auth.ErrRateLimited) {
		t.Errorf("a browser known to another account: want refused, got %v", err)
	}
	s, err := signIn(a, "r@x.io", "right-password", "10.9.1.3", home.Device)
	if err != nil || s.Device != home.Device {
		t.Errorf("the owner's browser, from a new address: want signed in keeping its device token, got %v, %+v", err, s)
	}
	if _, err := signIn(a, "r@x.io", "wrong", "10.9.1.4", home.Device); !errors.Is(err, auth.ErrInvalidCredentials) {
		t.Errorf("a known browser is still checked: want invalid credentials, got %v", err)
	}
}

// One client spraying one password over many accounts is limited.
func TestOneClientIsLimitedAcrossAccounts(t *testing.T) {
	a := limited(t)
	a.Limiter.PerClient = 5
	for i := range 5 {
		if _, err := signIn(a, "user"+strconv.Itoa(i)+"@x.io", "Summer2026!", "198.51.100.8", ""); !errors.Is(err, auth.ErrInvalidCredentials) {
			t.Fatalf("account %d: want checked, got %v", i, err)
		}
	}
	if _, err := signIn(a, "r@x.io", "right-password", "198.51.100.8", ""); !errors.Is(err, auth.ErrRateLimited) {
		t.Errorf("the sixth account from one client: want refused, got %v", err)
	}
	if _, err := signIn(a, "r@x.io", "right-password", "198.51.100.9", ""); err != nil {
		t.Errorf("another client: want signed in, got %v", err)
	}
}

// A right password clears its client's count on the account: someone who
// mistypes now and then is never locked out by their own typos. (The
// client's and the account's counts only give back the right attempt
// itself: a sign-in to one's own account must not buy more guesses
// elsewhere.)
func TestRightPasswordClearsTheClientsCountOnTheAccount(t *testing.T) {
	a := limited(t)
	a.Limiter.PerPair = 3
	for round := range 4 {
		for i := range 2 {
			if _, err := signIn(a, "r@x.io", "typo", "192.0.2.44", ""); !errors.Is(err, auth.ErrInvalidCredentials) {
				t.Fatalf("round %d typo %d: want checked, got %v", round, i, err)
			}
		}
		if _, err := signIn(a, "r@x.io", "right-password", "192.0.2.44", ""); err != nil {
			t.Fatalf("round %d: two typos then the right password: want signed in, got %v", round, err)
		}
	}
}

// Attempts are charged before the password is checked: guesses sent all
// at once cannot slip past the count.
func TestParallelAttemptsCannotOutrunTheLimit(t *testing.T) {
	env.Truncate(t)
	l := auth.NewLimiter(env.Redis, "race:")
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for range 40 {
		wg.Go(func() {
			if _, err := l.Allow(context.Background(), "r@x.io", "198.51.100.7", ""); err == nil {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if allowed != int(l.PerPair) {
		t.Errorf("40 parallel attempts: want exactly %d allowed, got %d", l.PerPair, allowed)
	}
}

// The device cookie is HttpOnly, sent to /graphql only, and read back
// from the request.
func TestDeviceCookieRoundTrip(t *testing.T) {
	rec := httptest.NewRecorder()
	auth.Cookies{Secure: true}.Set(rec, &auth.Session{Token: "tcs_x", CSRFToken: "c", ExpiresAt: time.Now().Add(time.Hour),
		Device: "tcd_abc", DeviceTTL: 90 * 24 * time.Hour})
	var dev *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == auth.DeviceCookie {
			dev = c
		}
	}
	if dev == nil || dev.Value != "tcd_abc" || !dev.HttpOnly || !dev.Secure || dev.Path != "/graphql" || dev.MaxAge != 90*24*3600 {
		t.Fatalf("want an HttpOnly, Secure tocsin_device cookie for /graphql lasting 90 days, got %+v", dev)
	}
	req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	req.AddCookie(dev)
	if got := auth.Device(auth.WithHTTP(context.Background(), httptest.NewRecorder(), req)); got != "tcd_abc" {
		t.Errorf("auth.Device: want tcd_abc from the request, got %q", got)
	}
	if got := auth.Device(context.Background()); got != "" {
		t.Errorf("outside a request: want no device, got %q", got)
	}
}

// A password hashed with older, costlier parameters still signs in, and
// is rehashed with today's then.
func TestSigningInRehashesAnOutdatedPassword(t *testing.T) {
	a := limited(t)
	sys := viewer.System(context.Background())
	u, err := env.Client.User.Query().Where(user.Email("r@x.io")).Only(sys)
	if err != nil {
		t.Fatal(err)
	}
	// "right-password" under RFC 9106's 64 MiB, t=3, p=2.
	const old = "$argon2id$v=19$m=65536,t=3,p=2$c29tZXNhbHRzb21lc2FsdA$"
	salt, _ := base64.RawStdEncoding.DecodeString("c29tZXNhbHRzb21lc2FsdA")
	key := argon2.IDKey([]byte("right-password"), salt, 3, 64*1024, 2, 32)
	if err := env.Client.User.UpdateOne(u).SetPasswordHash(old + base64.RawStdEncoding.EncodeToString(key)).Exec(sys); err != nil {
		t.Fatal(err)
	}
	if _, err := signIn(a, "r@x.io", "right-password", "203.0.113.7", ""); err != nil {
		t.Fatalf("the old hash must still sign in: %v", err)
	}
	u, err = env.Client.User.Get(sys, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if auth.Outdated(u.PasswordHash) {
		t.Fatalf("signing in left the outdated hash %q", u.PasswordHash)
	}
	if _, err := signIn(a, "r@x.io", "right-password", "203.0.113.7", ""); err != nil {
		t.Fatalf("the new hash must sign in: %v", err)
	}
}
