package auth

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/viewer"
)

// CreateAPIToken makes a token that acts as the viewer. The secret is
// returned once; only its hash is kept. The privacy policy decides who may.
func (s *Service) CreateAPIToken(ctx context.Context, name string, expiresAt *time.Time) (*ent.APIToken, string, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return nil, "", viewer.ErrUnauthenticated
	}
	if expiresAt != nil && !expiresAt.After(s.Now()) {
		return nil, "", &InvalidError{Field: "expiresAt", Reason: "must be in the future"}
	}
	secret, hash := newSecret(apiTokenPrefix)
	t, err := s.Client.APIToken.Create().
		SetName(name).
		SetPrefix(secret[:len(apiTokenPrefix)+6]).
		SetSecretHash(hash).
		SetUserID(v.UserID).
		SetNillableExpiresAt(expiresAt).
		Save(ctx)
	if err != nil {
		return nil, "", err
	}
	return t, secret, nil
}

// RevokeAPIToken stops a token from working; revoking twice is harmless.
func (s *Service) RevokeAPIToken(ctx context.Context, id int) (*ent.APIToken, error) {
	t, err := s.Client.APIToken.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if t.RevokedAt != nil {
		return t, nil
	}
	return s.Client.APIToken.UpdateOne(t).SetRevokedAt(s.Now()).Save(ctx)
}
