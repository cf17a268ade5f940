package graph

import (
	"context"
	"net"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/graph/model"
)

// signedIn sets the session cookies (when the request came over HTTP) and
// builds the payload.
func (r *Resolver) signedIn(ctx context.Context, s *auth.Session) *model.LoginPayload {
	if w, _ := auth.HTTP(ctx); w != nil {
		r.Cookies.Set(w, s)
	}
	return &model.LoginPayload{Token: s.Token, CsrfToken: s.CSRFToken, User: s.User}
}

// clientOf returns the caller's IP address and user agent, if known.
func clientOf(ctx context.Context) (ip, userAgent string) {
	_, req := auth.HTTP(ctx)
	if req == nil {
		return "unknown", ""
	}
	ip, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		ip = req.RemoteAddr
	}
	return ip, req.UserAgent()
}
