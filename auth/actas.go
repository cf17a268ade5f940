package auth

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/viewer"
)

// ActAs returns ctx carrying the viewer of user id, for doors that act for
// a user without a session: action tokens of push buttons, email links and
// calls. The user must still exist and not be disabled (ErrInvalidToken
// otherwise), and acts with the role they have now, not the one they had
// when the token was made.
func (s *Service) ActAs(ctx context.Context, userID int) (context.Context, *ent.User, error) {
	u, err := s.Client.User.Get(viewer.System(ctx), userID)
	if ent.IsNotFound(err) || err == nil && u.Disabled {
		return nil, nil, ErrInvalidToken
	}
	if err != nil {
		return nil, nil, err
	}
	return viewer.NewContext(ctx, &viewer.Viewer{UserID: u.ID, Role: u.Role}), u, nil
}
