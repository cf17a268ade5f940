package actiontoken_test

import (
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
)

const (
	secretA = "a-secret-of-at-least-thirty-two-bytes-A"
	secretB = "a-secret-of-at-least-thirty-two-bytes-B"
)

var now = time.Date(2026, 11, 23, 22, 0, 0, 0, time.UTC)

func signer(t *testing.T, secrets ...string) *actiontoken.Signer {
	t.Helper()
	s, err := actiontoken.NewSigner(secrets...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTokenRoundTripsItsClaims(t *testing.T) {
	s := signer(t, secretA)
	for _, c := range []actiontoken.Claims{
		{AlertID: 1, UserID: 1, Actions: []notify.Action{notify.Acknowledge}, Expires: now.Add(time.Hour)},
		{AlertID: 4_294_967_296, UserID: 12_884_901_889, Actions: notify.Actions, Expires: now.Add(15 * time.Minute)},
		{AlertID: 4_294_967_300, UserID: 7, Actions: []notify.Action{notify.Acknowledge, notify.Close}, Expires: now.Add(time.Second)},
	} {
		tok, err := s.Sign(c)
		if err != nil {
			t.Fatal(err)
		}
		if len(tok) > 48 || strings.ContainsAny(tok, "+/=") {
			t.Errorf("token %q: want at most 48 URL-safe characters, got %d", tok, len(tok))
		}
		got, err := s.Verify(tok, now)
		if err != nil {
			t.Fatalf("Verify(%q): %v", tok, err)
		}
		if got.AlertID != c.AlertID || got.UserID != c.UserID || !got.Expires.Equal(c.Expires) || !slices.Equal(got.Actions, c.Actions) {
			t.Errorf("claims: want %+v, got %+v", c, got)
		}
	}
}

func TestTokenAllowsOnlyItsActions(t *testing.T) {
	s := signer(t, secretA)
	tok, _ := s.Sign(actiontoken.Claims{AlertID: 9, UserID: 3, Actions: []notify.Action{notify.Acknowledge}, Expires: now.Add(time.Hour)})
	c, err := s.Verify(tok, now)
	if err != nil {
		t.Fatal(err)
	}
	for a, want := range map[notify.Action]bool{notify.Acknowledge: true, notify.Close: false, notify.Escalate: false} {
		if c.Allows(a) != want {
			t.Errorf("Allows(%s): want %v", a, want)
		}
	}
}

func TestAnyChangeToATokenIsRejected(t *testing.T) {
	s := signer(t, secretA)
	tok, _ := s.Sign(actiontoken.Claims{AlertID: 4_294_967_296, UserID: 5, Actions: []notify.Action{notify.Acknowledge}, Expires: now.Add(time.Hour)})
	raw, _ := base64.RawURLEncoding.DecodeString(tok)
	for i := range raw {
		for _, bit := range []byte{1, 0x80} {
			b := slices.Clone(raw)
			b[i] ^= bit
			if _, err := s.Verify(base64.RawURLEncoding.EncodeToString(b), now); !errors.Is(err, actiontoken.ErrInvalid) {
				t.Errorf("byte %d flipped by %#x: want ErrInvalid, got %v", i, bit, err)
			}
		}
	}
	for name, bad := range map[string]string{
		"empty": "", "not base64": "!!!", "truncated": tok[:len(tok)-3], "extended": tok + "AA",
		"other secret": func() string {
			t, _ := signer(t, secretB).Sign(actiontoken.Claims{AlertID: 4_294_967_296, UserID: 5, Actions: []notify.Action{notify.Acknowledge}, Expires: now.Add(time.Hour)})
			return t
		}(),
	} {
		if _, err := s.Verify(bad, now); !errors.Is(err, actiontoken.ErrInvalid) {
			t.Errorf("%s token: want ErrInvalid, got %v", name, err)
		}
	}
}

func TestTokenExpires(t *testing.T) {
	s := signer(t, secretA)
	tok, _ := s.Sign(actiontoken.Claims{AlertID: 2, UserID: 2, Actions: notify.Actions, Expires: now.Add(time.Minute)})
	if _, err := s.Verify(tok, now.Add(59*time.Second)); err != nil {
		t.Errorf("a second before expiry: want valid, got %v", err)
	}
	c, err := s.Verify(tok, now.Add(time.Minute))
	if !errors.Is(err, actiontoken.ErrExpired) {
		t.Errorf("at expiry: want ErrExpired, got %v", err)
	}
	if c.AlertID != 2 {
		t.Errorf("an expired token still names its alert: want 2, got %d", c.AlertID)
	}
}

func TestRotatedSecretStillAcceptsOldTokens(t *testing.T) {
	old, _ := signer(t, secretA).Sign(actiontoken.Claims{AlertID: 2, UserID: 2, Actions: notify.Actions, Expires: now.Add(time.Hour)})
	rotated := signer(t, secretB, secretA)
	if _, err := rotated.Verify(old, now); err != nil {
		t.Errorf("token of the previous secret: want valid, got %v", err)
	}
	fresh, _ := rotated.Sign(actiontoken.Claims{AlertID: 2, UserID: 2, Actions: notify.Actions, Expires: now.Add(time.Hour)})
	if _, err := signer(t, secretA).Verify(fresh, now); !errors.Is(err, actiontoken.ErrInvalid) {
		t.Errorf("the new secret signs: a signer with only the old one must refuse, got %v", err)
	}
}

func TestSignRefusesBadClaimsAndShortSecrets(t *testing.T) {
	if _, err := actiontoken.NewSigner("short"); err == nil {
		t.Error("a 5-byte secret: want an error")
	}
	if _, err := actiontoken.NewSigner(); err == nil {
		t.Error("no secret: want an error")
	}
	s := signer(t, secretA)
	for name, c := range map[string]actiontoken.Claims{
		"no alert":       {UserID: 1, Actions: notify.Actions, Expires: now},
		"no user":        {AlertID: 1, Actions: notify.Actions, Expires: now},
		"no action":      {AlertID: 1, UserID: 1, Expires: now},
		"unknown action": {AlertID: 1, UserID: 1, Actions: []notify.Action{"snooze"}, Expires: now},
	} {
		if tok, err := s.Sign(c); err == nil {
			t.Errorf("%s: want an error, got token %q", name, tok)
		}
	}
}
