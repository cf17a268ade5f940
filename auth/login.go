package auth

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/session"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/viewer"
)

// Session is a fresh sign-in: the secret token (shown once) and its user.
type Session struct {
	Token     string
	CSRFToken string
	ExpiresAt time.Time
	User      *ent.User
	// Device makes this browser known to the account (DeviceCookie), for
	// DeviceTTL; empty when there is no limiter.
	Device    string
	DeviceTTL time.Duration
}

// Credentials are what one sign-in attempt presents.
type Credentials struct {
	Email, Password string
	// Client is the caller's address and UserAgent its browser, for rate
	// limits and the session list.
	Client, UserAgent string
	// Device is the DeviceCookie the browser sent, or "".
	Device string
}

// MaxEmailLen is the longest email address there is (RFC 5321's path limit
// less the brackets); longer input is refused before anything is counted.
const MaxEmailLen = 254

// Login checks email and password and opens a session. client is the caller's
// address, used for rate limiting.
func (s *Service) Login(ctx context.Context, email, password, client, userAgent string) (*Session, error) {
	return s.SignIn(ctx, Credentials{Email: email, Password: password, Client: client, UserAgent: userAgent})
}

// SignIn checks the credentials under the Limiter's limits and opens a
// session.
func (s *Service) SignIn(ctx context.Context, c Credentials) (*Session, error) {
	email, password, userAgent := strings.ToLower(strings.TrimSpace(c.Email)), c.Password, c.UserAgent
	if len(email) > MaxEmailLen {
		return nil, &InvalidError{Field: "email", Reason: "must be at most 254 bytes: no email address is longer"}
	}
	charge, err := s.Limiter.Allow(ctx, email, c.Client, c.Device)
	if err != nil {
		return nil, err
	}
	sys := viewer.System(ctx)
	u, err := s.Client.User.Query().Where(user.Email(email)).Only(sys)
	if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	hash := dummyHash
	if u != nil && u.PasswordHash != "" && !u.Disabled {
		hash = u.PasswordHash
	}
	ok, err := VerifyPassword(hash, password)
	if err != nil {
		return nil, err
	}
	if !ok || u == nil || u.PasswordHash == "" || u.Disabled {
		return nil, ErrInvalidCredentials
	}
	device, err := s.Limiter.Succeeded(ctx, charge)
	if err != nil {
		return nil, err
	}
	if Outdated(u.PasswordHash) {
		// Made with older, costlier parameters: the password is at hand,
		// so the next sign-in verifies at today's cost. Failing to is no
		// reason to refuse this one.
		if err := s.SetPassword(sys, u.ID, password); err != nil {
			slog.WarnContext(ctx, "rehashing a password", "user", u.ID, "err", err)
		}
	}
	se, err := s.openSession(sys, u, userAgent)
	if err != nil {
		return nil, err
	}
	if device != "" {
		se.Device, se.DeviceTTL = device, s.Limiter.DeviceTTL
	}
	return se, nil
}

func (s *Service) openSession(sys context.Context, u *ent.User, userAgent string) (*Session, error) {
	token, hash := newSecret(sessionPrefix)
	expires := s.Now().Add(s.SessionTTL)
	if len(userAgent) > 500 {
		userAgent = userAgent[:500]
	}
	if err := s.Client.Session.Create().
		SetTokenHash(hash).SetUserID(u.ID).SetExpiresAt(expires).SetUserAgent(userAgent).
		Exec(sys); err != nil {
		return nil, err
	}
	return &Session{Token: token, CSRFToken: CSRFToken(token), ExpiresAt: expires, User: u}, nil
}

// Logout ends the viewer's current session (a no-op for API tokens).
func (s *Service) Logout(ctx context.Context) error {
	v := viewer.FromContext(ctx)
	if v == nil {
		return viewer.ErrUnauthenticated
	}
	if v.SessionID == 0 {
		return nil
	}
	_, err := s.Client.Session.Delete().Where(session.ID(v.SessionID)).Exec(viewer.System(ctx))
	return err
}

// ChangePassword sets the viewer's password after checking the current one,
// and signs out their other sessions.
func (s *Service) ChangePassword(ctx context.Context, current, next string) error {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return viewer.ErrUnauthenticated
	}
	u, err := s.Client.User.Get(ctx, v.UserID)
	if err != nil {
		return err
	}
	if ok, _ := VerifyPassword(u.PasswordHash, current); !ok {
		return &InvalidError{Field: "currentPassword", Reason: "is not your current password"}
	}
	hash, err := HashPassword(next)
	if err != nil {
		return &InvalidError{Field: "newPassword", Reason: err.(*InvalidError).Reason}
	}
	if err := s.Client.User.UpdateOneID(u.ID).SetPasswordHash(hash).Exec(ctx); err != nil {
		return err
	}
	_, err = s.Client.Session.Delete().
		Where(session.UserID(u.ID), session.IDNEQ(v.SessionID)).
		Exec(viewer.System(ctx))
	return err
}

// SetPassword sets a user's password without the old one (operators, seeding).
func (s *Service) SetPassword(ctx context.Context, userID int, password string) error {
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return s.Client.User.UpdateOneID(userID).SetPasswordHash(hash).Exec(ctx)
}
