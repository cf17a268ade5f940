package server_test

import (
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
)

// Every page and answer tells browsers not to sniff, frame or leak it: the
// SPA and /graphql (whose one-click acknowledge could be framed) as well
// as the server-rendered pages.
func TestSecurityHeadersOnEveryPage(t *testing.T) {
	h := newHarness(t)
	for _, tc := range []struct {
		method, path, accept string
		policy               []string // parts the Content-Security-Policy must have
		referrer             string
	}{
		{"GET", "/", "text/html", []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"}, "same-origin"},
		{"GET", "/alerts/123", "text/html", []string{"script-src 'self'", "frame-ancestors 'none'"}, "same-origin"},
		{"POST", "/graphql", "", []string{"default-src 'none'", "frame-ancestors 'none'"}, "same-origin"},
		{"GET", "/graphql?query=%7B__typename%7D", "", []string{"default-src 'none'", "frame-ancestors 'none'"}, "same-origin"},
		{"GET", "/status", "text/html", []string{"default-src 'none'", "frame-ancestors 'none'"}, "same-origin"},
		{"GET", "/actions/not-a-token", "text/html", []string{"default-src 'none'", "frame-ancestors 'none'"}, "no-referrer"},
		{"GET", "/api/nothing", "", []string{"frame-ancestors 'none'"}, "same-origin"},
	} {
		req, _ := http.NewRequest(tc.method, h.srv.URL+tc.path, strings.NewReader(`{"query":"{__typename}"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", tc.accept)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		for _, part := range tc.policy {
			if !strings.Contains(csp, part) {
				t.Errorf("%s %s: want a Content-Security-Policy with %s, got %q", tc.method, tc.path, part, csp)
			}
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("X-Frame-Options") != "DENY" ||
			res.Header.Get("Referrer-Policy") != tc.referrer {
			t.Errorf("%s %s: want nosniff, X-Frame-Options DENY and Referrer-Policy %s, got %q %q %q", tc.method, tc.path, tc.referrer,
				res.Header.Get("X-Content-Type-Options"), res.Header.Get("X-Frame-Options"), res.Header.Get("Referrer-Policy"))
		}
	}
}

// The SPA's policy allows scripts and styles from files only. Vite's build
// adds a <script src> and a <link rel="stylesheet"> to this page and nothing
// inline, so the page must have no inline script, style or event handler.
func TestSPAPageHasNothingInlineItsPolicyWouldBlock(t *testing.T) {
	raw, err := os.ReadFile("../frontend/index.html")
	if err != nil {
		t.Fatal(err)
	}
	page := string(raw)
	for _, script := range regexp.MustCompile(`(?is)<script\b[^>]*>(.*?)</script>`).FindAllStringSubmatch(page, -1) {
		if !strings.Contains(script[0], " src=") || strings.TrimSpace(script[1]) != "" {
			t.Errorf("an inline script, which the policy blocks: %s", script[0])
		}
	}
	for _, inline := range regexp.MustCompile(`(?i)<style\b|\sstyle=|\son[a-z]+=|javascript:`).FindAllString(page, -1) {
		t.Errorf("inline %q in frontend/index.html, which the policy blocks", inline)
	}
	if !strings.Contains(page, "<script") {
		t.Errorf("frontend/index.html has no script: has Vite's entry moved?")
	}
}
