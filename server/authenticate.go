package server

import (
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/viewer"
)

// authenticate puts the viewer in the request context: from
// "Authorization: Bearer <token>" (integrators) or the session cookie (the
// SPA). Cookie-authenticated writes must carry the X-CSRF-Token header that
// matches the session. A bad bearer token is a 401; a stale cookie just
// means "not signed in" so the SPA can show its login page.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := auth.WithHTTP(r.Context(), w, r)
		if h := r.Header.Get("Authorization"); h != "" {
			token, ok := strings.CutPrefix(h, "Bearer ")
			if !ok {
				writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", `the Authorization header must be "Bearer <token>"`)
				return
			}
			v, err := s.deps.Auth.Authenticate(ctx, strings.TrimSpace(token))
			if err != nil {
				s.authFailed(w, r, err)
				return
			}
			next.ServeHTTP(w, r.WithContext(viewer.NewContext(ctx, v)))
			return
		}
		if c, err := r.Cookie(auth.SessionCookie); err == nil && c.Value != "" {
			v, err := s.deps.Auth.Authenticate(ctx, c.Value)
			switch {
			case errors.Is(err, auth.ErrInvalidToken):
				s.deps.cookies().Clear(w)
			case err != nil:
				s.authFailed(w, r, err)
				return
			default:
				if unsafeMethod(r.Method) && r.Header.Get("Upgrade") == "" &&
					subtle.ConstantTimeCompare([]byte(r.Header.Get(auth.CSRFHeader)), []byte(auth.CSRFToken(c.Value))) != 1 {
					writeError(w, http.StatusForbidden, "FORBIDDEN",
						"missing or wrong "+auth.CSRFHeader+" header: send the value of the "+auth.CSRFCookie+" cookie")
					return
				}
				ctx = viewer.NewContext(ctx, v)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (s *Server) authFailed(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, auth.ErrInvalidToken) {
		writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", err.Error())
		return
	}
	slog.ErrorContext(r.Context(), "authentication failed", "err", err)
	writeError(w, http.StatusServiceUnavailable, "UNAVAILABLE", "could not check credentials; try again")
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

func (d Deps) cookies() auth.Cookies { return auth.Cookies{Secure: d.Config.SecureCookies()} }
