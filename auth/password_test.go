package auth

import (
	"strings"
	"testing"
)

func TestHashPasswordRoundTrips(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
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
	for _, h := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=x$a$b"} {
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
