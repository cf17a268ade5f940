// Package auth signs people in and tells who is calling.
//
// It owns passwords (argon2id), sessions, API tokens and invitations. Every
// secret is random, shown once, and stored only as a SHA-256 hash. A wrong
// password and an unknown email give the same error after the same work, and
// login attempts are rate limited in Redis so all replicas share the count:
// per client and account together, so nobody can lock a person out (Limiter).
package auth

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/apitoken"
	"github.com/tocsin/tocsin/ent/session"
	"github.com/tocsin/tocsin/viewer"
)

// Errors the doors map to their own answers.
var (
	// ErrInvalidCredentials is the one answer to a wrong email or password.
	ErrInvalidCredentials = errors.New("invalid email or password")
	// ErrRateLimited means too many login attempts; try later.
	ErrRateLimited = errors.New("too many sign-in attempts; wait a few minutes and try again")
	// ErrInvalidToken is a bearer token, session or invitation that is unknown, expired or revoked.
	ErrInvalidToken = errors.New("the token is invalid, expired or revoked")
)

// Service holds what authentication needs. Build it once in main.
type Service struct {
	Client     *ent.Client
	Limiter    *Limiter
	SessionTTL time.Duration
	// InvitationTTL is how long an invitation link works.
	InvitationTTL time.Duration
	Now           func() time.Time
}

// New returns a Service with the usual lifetimes.
func New(client *ent.Client, rdb redis.UniversalClient, sessionTTL time.Duration) *Service {
	return &Service{
		Client:        client,
		Limiter:       NewLimiter(rdb, "tocsin:"),
		SessionTTL:    sessionTTL,
		InvitationTTL: 7 * 24 * time.Hour,
		Now:           time.Now,
	}
}

// Authenticate returns the viewer for a session token or API token.
func (s *Service) Authenticate(ctx context.Context, token string) (*viewer.Viewer, error) {
	sys := viewer.System(ctx)
	now := s.Now()
	switch {
	case strings.HasPrefix(token, sessionPrefix):
		se, err := s.Client.Session.Query().
			Where(session.TokenHash(hashSecret(token)), session.ExpiresAtGT(now)).
			WithUser().Only(sys)
		if ent.IsNotFound(err) || err == nil && se.Edges.User.Disabled {
			return nil, ErrInvalidToken
		}
		if err != nil {
			return nil, err
		}
		if now.Sub(se.LastSeenAt) > time.Minute { // sliding expiry, written at most once a minute
			_ = s.Client.Session.UpdateOne(se).SetLastSeenAt(now).SetExpiresAt(now.Add(s.SessionTTL)).Exec(sys)
		}
		u := se.Edges.User
		return &viewer.Viewer{UserID: u.ID, Role: u.Role, SessionID: se.ID}, nil
	case strings.HasPrefix(token, apiTokenPrefix):
		t, err := s.Client.APIToken.Query().
			Where(apitoken.SecretHash(hashSecret(token)), apitoken.RevokedAtIsNil(),
				apitoken.Or(apitoken.ExpiresAtIsNil(), apitoken.ExpiresAtGT(now))).
			WithUser().Only(sys)
		if ent.IsNotFound(err) || err == nil && t.Edges.User.Disabled {
			return nil, ErrInvalidToken
		}
		if err != nil {
			return nil, err
		}
		if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
			_ = s.Client.APIToken.UpdateOne(t).SetLastUsedAt(now).Exec(sys)
		}
		u := t.Edges.User
		return &viewer.Viewer{UserID: u.ID, Role: u.Role, TokenID: t.ID}, nil
	}
	return nil, ErrInvalidToken
}
