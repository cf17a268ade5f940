package auth

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/invitation"
	"github.com/tocsin/tocsin/viewer"
)

// NewInvitation makes a one-time link secret that lets the user set a
// password. Called by the worker that sends the email, so the secret only
// ever exists in that email.
func (s *Service) NewInvitation(ctx context.Context, userID int) (string, error) {
	sys := viewer.System(ctx)
	token, hash := newSecret(invitationPrefix)
	err := s.Client.Invitation.Create().
		SetTokenHash(hash).SetUserID(userID).
		SetExpiresAt(s.Now().Add(s.InvitationTTL)).
		SetSentAt(s.Now()).
		Exec(sys)
	return token, err
}

// AcceptInvitation sets the password of the invited user, uses up the
// invitation (and any older ones), and signs the user in.
func (s *Service) AcceptInvitation(ctx context.Context, token, password, userAgent string) (*Session, error) {
	if err := CheckPassword(password); err != nil {
		return nil, err
	}
	sys := viewer.System(ctx)
	inv, err := s.Client.Invitation.Query().
		Where(invitation.TokenHash(hashSecret(token)), invitation.UsedAtIsNil(), invitation.ExpiresAtGT(s.Now())).
		WithUser().Only(sys)
	if ent.IsNotFound(err) {
		return nil, ErrInvalidToken
	}
	if err != nil {
		return nil, err
	}
	if inv.Edges.User.Disabled {
		return nil, ErrInvalidToken
	}
	hash, err := HashPassword(password)
	if err != nil {
		return nil, err
	}
	tx, err := s.Client.Tx(sys)
	if err != nil {
		return nil, err
	}
	if n, err := tx.Invitation.Update().
		Where(invitation.UserID(inv.UserID), invitation.UsedAtIsNil()).
		SetUsedAt(s.Now()).Save(sys); err != nil || n == 0 {
		_ = tx.Rollback()
		if err == nil {
			err = ErrInvalidToken // accepted concurrently
		}
		return nil, err
	}
	u, err := tx.User.UpdateOneID(inv.UserID).SetPasswordHash(hash).Save(sys)
	if err != nil {
		_ = tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return s.openSession(sys, u, userAgent)
}
