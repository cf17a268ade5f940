package server_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/internal/seed"
)

const loginQuery = `mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}`

// from is a request from client address ip (the harness trusts the
// loopback proxy's X-Forwarded-For, as a deployment behind one does).
func from(ip string) map[string]string { return map[string]string{"X-Forwarded-For": ip} }

// Through the HTTP door: an attacker's wrong passwords from one address
// stop that address only, and the owner signs in from another.
func TestLoginAttackerOnOneAddressDoesNotLockTheOwnerOut(t *testing.T) {
	h := newHarness(t)
	var last gqlResponse
	for i := range 12 {
		_, last = h.do(nil, loginQuery, map[string]any{"e": "responder@tocsin.local", "p": "guess-" + strconv.Itoa(i)}, from("198.51.100.7"))
	}
	if last.code() != "RATE_LIMITED" {
		t.Fatalf("the attacker's 12th guess: want RATE_LIMITED, got %+v", last.Errors)
	}
	jar, _ := cookiejar.New(nil)
	_, res := h.do(&http.Client{Jar: jar}, loginQuery, map[string]any{"e": "responder@tocsin.local", "p": seed.DemoPassword}, from("192.0.2.44"))
	if len(res.Errors) > 0 || !strings.Contains(string(res.Data["login"]), "tcs_") {
		t.Fatalf("the owner from another address: want signed in, got %+v", res.Errors)
	}
	if !hasDevice(t, jar, h.srv.URL) {
		t.Error("want the browser to get the tocsin_device cookie for /graphql")
	}
}

// While guesses from many addresses hold an account over its count, a
// browser that signed in to it before still gets in; a new one waits.
func TestLoginRemembersTheOwnersBrowserWhileTheAccountIsUnderAttack(t *testing.T) {
	h := newHarness(t)
	h.auth.Limiter.PerAccount = 3
	jar, _ := cookiejar.New(nil)
	owner := &http.Client{Jar: jar}
	vars := map[string]any{"e": "responder@tocsin.local", "p": seed.DemoPassword}
	if _, res := h.do(owner, loginQuery, vars, from("192.0.2.44")); len(res.Errors) > 0 || !hasDevice(t, jar, h.srv.URL) {
		t.Fatalf("the owner's first sign-in: want a session and a device cookie, got %+v", res.Errors)
	}
	for i := range 6 {
		h.do(nil, loginQuery, map[string]any{"e": "responder@tocsin.local", "p": "guess"}, from("10.9.0."+strconv.Itoa(i)))
	}
	if _, res := h.do(nil, loginQuery, vars, from("10.9.1.1")); res.code() != "RATE_LIMITED" {
		t.Errorf("a new browser with the right password on an account under attack: want RATE_LIMITED, got %+v", res.Errors)
	}
	if _, res := h.do(owner, loginQuery, vars, from("10.9.1.2")); len(res.Errors) > 0 {
		t.Errorf("the owner's browser from a new address: want signed in, got %+v", res.Errors)
	}
}

// An address longer than any email address is refused as bad input,
// before anything is counted.
func TestLoginRefusesAHugeEmail(t *testing.T) {
	h := newHarness(t)
	// 60 KB: the harness's body limit is 64 KB (the default, 1 MB, lets 900 KB through).
	_, res := h.do(nil, loginQuery, map[string]any{"e": strings.Repeat("a", 60<<10) + "@x.io", "p": "guess"}, nil)
	if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "email" {
		t.Fatalf("a 60 KB email: want BAD_USER_INPUT on email, got %+v", res.Errors)
	}
	if keys := env.Redis.Keys(t.Context(), "tocsin:login:*").Val(); len(keys) != 0 {
		t.Errorf("want nothing counted, got keys %v", keys)
	}
}

func hasDevice(t *testing.T, jar http.CookieJar, base string) bool {
	t.Helper()
	u, _ := url.Parse(base + "/graphql")
	for _, c := range jar.Cookies(u) {
		if c.Name == auth.DeviceCookie && strings.HasPrefix(c.Value, "tcd_") {
			return true
		}
	}
	return false
}
