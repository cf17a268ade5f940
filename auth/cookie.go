package auth

import (
	"context"
	"net/http"
	"time"
)

// Cookie names. The session cookie is HttpOnly; the CSRF cookie is readable
// by the SPA, which echoes it in the X-CSRF-Token header.
const (
	SessionCookie = "tocsin_session"
	CSRFCookie    = "tocsin_csrf"
	CSRFHeader    = "X-CSRF-Token"
	// DeviceCookie tells the login limiter this browser signed in to the
	// account before (HttpOnly, sent to /graphql only; see Limiter).
	DeviceCookie = "tocsin_device"
)

// Cookies writes the session cookies onto an HTTP response.
type Cookies struct {
	// Secure marks cookies Secure (when Tocsin is served over https).
	Secure bool
}

// Set writes the session and CSRF cookies for s.
func (c Cookies) Set(w http.ResponseWriter, s *Session) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: s.Token, Path: "/", Expires: s.ExpiresAt,
		HttpOnly: true, Secure: c.Secure, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: CSRFCookie, Value: s.CSRFToken, Path: "/", Expires: s.ExpiresAt,
		Secure: c.Secure, SameSite: http.SameSiteLaxMode})
	if s.Device != "" {
		http.SetCookie(w, &http.Cookie{Name: DeviceCookie, Value: s.Device, Path: "/graphql", MaxAge: int(s.DeviceTTL / time.Second),
			HttpOnly: true, Secure: c.Secure, SameSite: http.SameSiteStrictMode})
	}
}

// Device is the DeviceCookie of the request in ctx (WithHTTP), or "".
// Signing out keeps it: it is about the browser, not a session.
func Device(ctx context.Context) string {
	_, r := HTTP(ctx)
	if r == nil {
		return ""
	}
	c, err := r.Cookie(DeviceCookie)
	if err != nil {
		return ""
	}
	return c.Value
}

// Clear removes both cookies.
func (c Cookies) Clear(w http.ResponseWriter) {
	for _, name := range []string{SessionCookie, CSRFCookie} {
		http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", Expires: time.Unix(0, 0), MaxAge: -1,
			HttpOnly: name == SessionCookie, Secure: c.Secure, SameSite: http.SameSiteLaxMode})
	}
}

type exchangeKey struct{}

type exchange struct {
	w http.ResponseWriter
	r *http.Request
}

// WithHTTP lets code deeper in a request (the login resolver) set cookies on
// the response and see the caller's address.
func WithHTTP(ctx context.Context, w http.ResponseWriter, r *http.Request) context.Context {
	return context.WithValue(ctx, exchangeKey{}, exchange{w, r})
}

// HTTP returns the current HTTP exchange; both are nil outside one (e.g. in
// websocket operations).
func HTTP(ctx context.Context) (http.ResponseWriter, *http.Request) {
	x, _ := ctx.Value(exchangeKey{}).(exchange)
	return x.w, x.r
}
