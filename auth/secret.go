package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// Secret prefixes tell the kind of a bearer secret at a glance (and to
// secret scanners).
const (
	sessionPrefix    = "tcs_"
	apiTokenPrefix   = "tca_"
	invitationPrefix = "tci_"
	devicePrefix     = "tcd_"
)

// newSecret returns a random secret with the given prefix and its SHA-256.
func newSecret(prefix string) (secret string, hash []byte) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	secret = prefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, hashSecret(secret)
}

// hashSecret is how secrets are stored: high-entropy, so a plain SHA-256 is enough.
func hashSecret(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// CSRFToken derives the CSRF token that belongs to a session token. The SPA
// reads it from a non-HttpOnly cookie and echoes it in X-CSRF-Token; another
// origin can read neither, so it cannot forge the header.
func CSRFToken(sessionToken string) string {
	h := sha256.Sum256([]byte("csrf:" + sessionToken))
	return base64.RawURLEncoding.EncodeToString(h[:18])
}

// IsSessionToken reports whether s looks like a session token.
func IsSessionToken(s string) bool { return strings.HasPrefix(s, sessionPrefix) }
