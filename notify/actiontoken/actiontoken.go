// Package actiontoken makes and checks the short-lived tokens that let a
// person act on one alert without signing in: the buttons of a push
// notification, the links of a page email, a voice call's key presses.
//
// A token names an alert, a user, the actions allowed and an expiry, and is
// signed with HMAC-SHA256 under the server secret (TOCSIN_ACTION_SECRET),
// so every serve and worker process that shares the secret makes and
// accepts the same tokens. It is compact (about 40 characters) and URL-safe
// (base64url without padding):
//
//	version(1) | alert id (uvarint) | user id (uvarint) | actions (1 byte) | expiry, Unix seconds (uvarint) | MAC (16 bytes)
//
// The MAC is the first 16 bytes of HMAC-SHA256(secret, "tocsin action v1" ||
// the bytes before it). Verification rejects any change, a wrong secret and
// an expired token. A token is a bearer credential: whoever holds it may
// take its actions until it expires, so lifetimes are short.
package actiontoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tocsin/tocsin/notify"
)

// MinSecretLen is the shortest secret accepted, in bytes.
const MinSecretLen = 32

const (
	version = 1
	macLen  = 16
	label   = "tocsin action v1"
)

// Errors of Verify.
var (
	// ErrInvalid is a token that is malformed, altered or signed with another secret.
	ErrInvalid = errors.New("the action link is not valid")
	// ErrExpired is a genuine token past its expiry.
	ErrExpired = errors.New("the action link has expired")
)

// bits are the actions' flags in the token.
var bits = map[notify.Action]byte{notify.Acknowledge: 1, notify.Close: 2, notify.Escalate: 4}

// Claims is what a token says.
type Claims struct {
	AlertID int
	UserID  int
	// Actions are the actions the holder may take, in notify.Actions order.
	Actions []notify.Action
	// Expires is when the token stops working (whole seconds).
	Expires time.Time
}

// Allows reports whether the claims include action a.
func (c Claims) Allows(a notify.Action) bool {
	for _, x := range c.Actions {
		if x == a {
			return true
		}
	}
	return false
}

// LinkID names the link the claims came from: the same for every signing
// of the same claims, and different for any other link. A one-shot action
// (escalate) records it as used. It is not secret: a token cannot be made
// from it.
func (c Claims) LinkID() string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%d:%d:%v:%d", c.AlertID, c.UserID, c.Actions, c.Expires.Unix()))
	return hex.EncodeToString(sum[:8])
}

// Signer makes and checks tokens. The first secret signs; every secret is
// accepted when checking, so a secret can be rotated without breaking the
// links already sent.
type Signer struct {
	secrets [][]byte
}

// NewSigner returns a Signer for the given secrets, newest first.
func NewSigner(secrets ...string) (*Signer, error) {
	if len(secrets) == 0 {
		return nil, errors.New("action tokens need a secret")
	}
	s := &Signer{}
	for _, sec := range secrets {
		if len(sec) < MinSecretLen {
			return nil, fmt.Errorf("an action token secret must be at least %d bytes, got %d", MinSecretLen, len(sec))
		}
		s.secrets = append(s.secrets, []byte(sec))
	}
	return s, nil
}

// Sign returns a token for c. The expiry is rounded down to the second.
func (s *Signer) Sign(c Claims) (string, error) {
	if c.AlertID <= 0 || c.UserID <= 0 {
		return "", fmt.Errorf("action token: alert id and user id must be positive, got %d and %d", c.AlertID, c.UserID)
	}
	var flags byte
	for _, a := range c.Actions {
		b, ok := bits[a]
		if !ok {
			return "", fmt.Errorf("action token: unknown action %q", a)
		}
		flags |= b
	}
	if flags == 0 {
		return "", errors.New("action token: no action allowed")
	}
	buf := []byte{version}
	buf = binary.AppendUvarint(buf, uint64(c.AlertID))
	buf = binary.AppendUvarint(buf, uint64(c.UserID))
	buf = append(buf, flags)
	buf = binary.AppendUvarint(buf, uint64(max(c.Expires.Unix(), 0)))
	buf = append(buf, mac(s.secrets[0], buf)...)
	return base64.RawURLEncoding.EncodeToString(buf), nil
}

// Verify checks token and returns its claims: ErrInvalid when it is not a
// token this server signed (or was altered), ErrExpired when it is past
// its expiry at now.
func (s *Signer) Verify(token string, now time.Time) (Claims, error) {
	// The decoder skips \r and \n and Strict refuses stray bits: together
	// they leave exactly one spelling of each token.
	if strings.ContainsAny(token, "\r\n") {
		return Claims{}, ErrInvalid
	}
	raw, err := base64.RawURLEncoding.Strict().DecodeString(token)
	if err != nil || len(raw) < 1+macLen || raw[0] != version {
		return Claims{}, ErrInvalid
	}
	body, sum := raw[:len(raw)-macLen], raw[len(raw)-macLen:]
	ok := false
	for _, sec := range s.secrets {
		if hmac.Equal(sum, mac(sec, body)) {
			ok = true
		}
	}
	if !ok {
		return Claims{}, ErrInvalid
	}
	rest := body[1:]
	var vals [3]uint64
	var flags byte
	for i := range vals {
		v, n := binary.Uvarint(rest)
		if n <= 0 {
			return Claims{}, ErrInvalid
		}
		vals[i], rest = v, rest[n:]
		if i == 1 { // the actions byte sits between user id and expiry
			if len(rest) == 0 {
				return Claims{}, ErrInvalid
			}
			flags, rest = rest[0], rest[1:]
		}
	}
	if len(rest) != 0 || vals[0] == 0 || vals[1] == 0 || vals[0] > 1<<62 || vals[1] > 1<<62 || vals[2] > 1<<62 {
		return Claims{}, ErrInvalid
	}
	c := Claims{AlertID: int(vals[0]), UserID: int(vals[1]), Expires: time.Unix(int64(vals[2]), 0)}
	for _, a := range notify.Actions {
		if flags&bits[a] != 0 {
			c.Actions = append(c.Actions, a)
		}
	}
	if !now.Before(c.Expires) {
		return c, ErrExpired
	}
	return c, nil
}

func mac(secret, body []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(label))
	h.Write(body)
	return h.Sum(nil)[:macLen]
}
