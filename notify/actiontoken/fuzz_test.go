package actiontoken_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
)

// FuzzVerify: no input panics, and the only strings accepted are the exact
// tokens the signer makes for the claims they carry (no second spelling of
// a token is valid).
func FuzzVerify(f *testing.F) {
	s, err := actiontoken.NewSigner(secretA)
	if err != nil {
		f.Fatal(err)
	}
	far := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []actiontoken.Claims{
		{AlertID: 1, UserID: 1, Actions: notify.Actions, Expires: far},
		{AlertID: 4_294_967_337, UserID: 12_884_901_889, Actions: []notify.Action{notify.Acknowledge}, Expires: far},
	} {
		tok, err := s.Sign(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(tok)
		f.Add(tok + "A")
		f.Add(tok[:len(tok)-1])
	}
	f.Add("")
	f.Add("AQ")
	f.Fuzz(func(t *testing.T, tok string) {
		c, err := s.Verify(tok, now)
		if err != nil {
			if !errors.Is(err, actiontoken.ErrInvalid) && !errors.Is(err, actiontoken.ErrExpired) {
				t.Fatalf("Verify(%q): want ErrInvalid or ErrExpired, got %v", tok, err)
			}
			return
		}
		again, err := s.Sign(c)
		if err != nil || again != tok {
			t.Fatalf("Verify accepted %q, but its claims sign to %q (%v)", tok, again, err)
		}
	})
}
