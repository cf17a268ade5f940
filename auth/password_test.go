package auth

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHashPasswordRoundTrips(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("want a PHC argon2id string, got %q", h)
	}
	for pw, want := range map[string]bool{"correct horse battery": true, "correct horse batterY": false, "": false} {
		if ok, err := VerifyPassword(h, pw); ok != want || err != nil {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Fatal("two hashes of one password must differ (random salt)")
	}
}

func TestPasswordBounds(t *testing.T) {
	for pw, bad := range map[string]bool{"short": true, "12345678": false, strings.Repeat("x", 257): true} {
		_, err := HashPassword(pw)
		if (err != nil) != bad {
			t.Errorf("HashPassword(len %d): err = %v, want error %v", len(pw), err, bad)
		}
	}
}

func TestVerifyRejectsMalformedHashes(t *testing.T) {
	for _, h := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=x$a$b",
		// Parameters that would make one sign-in cost 4 GiB, a minute, or
		// 255 threads are not a hash this server made.
		"$argon2id$v=19$m=4194304,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=19456,t=1000,p=1$c2FsdA$aGFzaA",
		"$argon2id$v=19$m=19456,t=2,p=255$c2FsdA$aGFzaA", "$argon2id$v=19$m=19456,t=0,p=1$c2FsdA$aGFzaA"} {
		if ok, err := VerifyPassword(h, "pw"); ok || err == nil {
			t.Errorf("VerifyPassword(%q) = %v, %v; want false with an error", h, ok, err)
		}
	}
}

func TestCSRFTokenIsBoundToTheSession(t *testing.T) {
	a, b := CSRFToken("tcs_one"), CSRFToken("tcs_two")
	if a == b || a != CSRFToken("tcs_one") || len(a) < 20 {
		t.Fatalf("CSRF tokens must be stable per session and differ across sessions: %q %q", a, b)
	}
}

// Sign-in is anonymous and each argon2 computation takes a core and
// argonMemory: however many arrive at once, one runs at a time.
func TestOneHashAtATime(t *testing.T) {
	var mu sync.Mutex
	running, most := 0, 0
	real := deriveKey
	deriveKey = func(p, salt []byte, tm, mem uint32, threads uint8, n uint32) []byte {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		mu.Lock()
		running--
		mu.Unlock()
		return real(p, salt, 1, 8, 1, n)
	}
	t.Cleanup(func() { deriveKey = real })
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { _, _ = VerifyPassword(dummyHash, "a guess") })
		wg.Go(func() { _, _ = HashPassword("a new password") })
	}
	wg.Wait()
	if most != 1 {
		t.Fatalf("%d argon2 computations ran at once; want 1", most)
	}
}

func TestOutdatedHashesAreTold(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if Outdated(h) {
		t.Fatalf("a hash made now is not outdated: %q", h)
	}
	if !Outdated("$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$aGFzaA") {
		t.Fatal("a hash with the old parameters is outdated")
	}
}
