package server

import "net/http"

// The one home of the headers that tell browsers what a page may do. Every
// answer gets the strictest set (securityHeaders); the pages loosen the
// Content-Security-Policy to what they need and no more. None of them may
// be framed, so a page that acts in one click (the SPA, /actions) cannot be
// clicked through someone else's site.
const (
	// apiPolicy is for answers that are data (/graphql, JSON errors, feeds).
	apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
	// spaPolicy is for the SPA: its own scripts, styles, images and
	// connections (fetch and the graphql-ws websocket, same origin) only.
	// The built index.html has no inline script or style
	// (TestBuiltSPAFitsItsPolicy checks it).
	spaPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
		"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
	// pagePolicy is for the server-rendered pages (/status, /actions): no
	// script at all, their one inline stylesheet, forms to themselves.
	pagePolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

// securityHeaders gives every answer the strictest headers: no sniffing,
// no framing, no referrer beyond this site, apiPolicy.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", apiPolicy)
		next.ServeHTTP(w, r)
	})
}

// withPolicy serves next under another Content-Security-Policy.
func withPolicy(policy string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		next.ServeHTTP(w, r)
	})
}
