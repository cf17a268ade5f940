package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/tocsin/tocsin/ent/rule"
)

// argon2id parameters: OWASP's first recommendation (Password Storage
// Cheat Sheet: m=19 MiB, t=2, p=1). RFC 9106's memory-light option
// (64 MiB, t=3, p=2), used before, cost 140 ms of both cores per sign-in:
// a probe signing in five times a second during an alert storm took 65%
// of the machine's CPU from paging. Hashes with other parameters still
// verify, and are rehashed with these at the next sign-in (Outdated).
const (
	argonTime    = 2
	argonMemory  = 19 * 1024 // KiB
	argonThreads = 1
	argonKeyLen  = 32
	saltLen      = 16
)

// Ceilings on the parameters a stored hash may ask for: a hash beyond
// them is malformed rather than a way to make one sign-in cost gigabytes.
const (
	maxArgonTime    = 10
	maxArgonMemory  = 256 * 1024 // KiB
	maxArgonThreads = 8
	maxArgonKeyLen  = 64
)

// hashing admits one argon2 computation at a time, process-wide: anyone
// can ask for one (sign-in is anonymous), and each takes argonMemory and a
// core, so sign-in storms queue here instead of taking the memory and the
// CPU that paging needs. At ~30 ms each that is still 30 sign-ins a
// second.
var hashing = make(chan struct{}, 1)

// deriveKey is argon2.IDKey (a variable for the test of the gate).
var deriveKey = argon2.IDKey

// idKey is deriveKey through the hashing gate.
func idKey(p, salt []byte, t, mem uint32, threads uint8, n uint32) []byte {
	hashing <- struct{}{}
	defer func() { <-hashing }()
	return deriveKey(p, salt, t, mem, threads, n)
}

// Password length bounds; the upper one keeps hashing cheap for attackers' inputs.
const (
	MinPasswordLen = 8
	MaxPasswordLen = 256
)

// InvalidError says which input was wrong and why (the data layer's type).
type InvalidError = rule.InvalidError

// CheckPassword reports whether p is acceptable as a new password.
func CheckPassword(p string) error {
	n := utf8.RuneCountInString(p)
	if n < MinPasswordLen {
		return &InvalidError{Field: "password", Reason: fmt.Sprintf("must have at least %d characters", MinPasswordLen)}
	}
	if len(p) > MaxPasswordLen {
		return &InvalidError{Field: "password", Reason: fmt.Sprintf("must have at most %d bytes", MaxPasswordLen)}
	}
	return nil
}

// HashPassword returns an argon2id hash in the PHC string format.
func HashPassword(p string) (string, error) {
	if err := CheckPassword(p); err != nil {
		return "", err
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := idKey([]byte(p), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var errBadHash = errors.New("malformed password hash")

// VerifyPassword reports whether p matches the PHC-formatted argon2id hash.
func VerifyPassword(hash, p string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var version int
	var mem uint32
	var t uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &t, &threads); err != nil ||
		t < 1 || t > maxArgonTime || mem < 8 || mem > maxArgonMemory || threads < 1 || threads > maxArgonThreads {
		return false, errBadHash
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, errBadHash
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 || len(want) > maxArgonKeyLen {
		return false, errBadHash
	}
	got := idKey([]byte(p), salt, t, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// currentParams is the parameter part of a hash made today.
var currentParams = fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$", argon2.Version, argonMemory, argonTime, argonThreads)

// Outdated reports whether hash was made with other parameters than
// today's (to be rehashed when its password is next presented).
func Outdated(hash string) bool {
	return !strings.HasPrefix(hash, currentParams)
}

// dummyHash is verified against when the email is unknown, so an unknown
// email costs the same time as a wrong password.
var dummyHash = func() string {
	h, err := HashPassword("not-a-real-password")
	if err != nil {
		panic(err)
	}
	return h
}()
