package schedule

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/calendarfeed"
	"github.com/tocsin/tocsin/viewer"
)

// feedPrefix marks calendar feed tokens (and lets secret scanners find them).
const feedPrefix = "tcf_"

// ErrFeedNotFound is a token that names no live feed (unknown, revoked, or
// its owner disabled).
var ErrFeedNotFound = errors.New("no such calendar feed")

// CreateFeed makes a secret iCal feed for the viewer: their own shifts
// (scheduleID nil) or one schedule's. The token is returned once; only its
// hash is kept.
func (s *Schedules) CreateFeed(ctx context.Context, scheduleID *int) (*ent.CalendarFeed, string, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return nil, "", viewer.ErrUnauthenticated
	}
	c := s.client(ctx)
	if scheduleID != nil {
		if _, err := c.Schedule.Get(ctx, *scheduleID); err != nil {
			return nil, "", err
		}
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, "", err
	}
	token := feedPrefix + base64.RawURLEncoding.EncodeToString(b)
	f, err := c.CalendarFeed.Create().SetUserID(v.UserID).SetNillableScheduleID(scheduleID).
		SetTokenHash(hashToken(token)).Save(ctx)
	if err != nil {
		return nil, "", err
	}
	return f, token, nil
}

// RevokeFeed stops a feed's URL from working; revoking twice is harmless.
func (s *Schedules) RevokeFeed(ctx context.Context, id int) (*ent.CalendarFeed, error) {
	c := s.client(ctx)
	f, err := c.CalendarFeed.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if f.RevokedAt != nil {
		return f, nil
	}
	return c.CalendarFeed.UpdateOne(f).SetRevokedAt(s.now()).Save(ctx)
}

// Feeds are the user's live feeds, newest first; a user sees only their
// own (an admin's view of someone else's is empty too: the URLs are secret
// and shown once anyway).
func (s *Schedules) Feeds(ctx context.Context, userID int) ([]*ent.CalendarFeed, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID != userID {
		return []*ent.CalendarFeed{}, nil
	}
	return s.client(ctx).CalendarFeed.Query().
		Where(calendarfeed.UserID(v.UserID), calendarfeed.RevokedAtIsNil()).
		Order(ent.Desc(calendarfeed.FieldID)).All(ctx)
}

// feedByToken finds the live feed for token and returns it with a context
// that reads as its owner, or ErrFeedNotFound.
func (s *Schedules) feedByToken(ctx context.Context, token string) (*ent.CalendarFeed, context.Context, error) {
	if !strings.HasPrefix(token, feedPrefix) {
		return nil, nil, ErrFeedNotFound
	}
	sys := viewer.System(ctx)
	f, err := s.Client.CalendarFeed.Query().
		Where(calendarfeed.TokenHash(hashToken(token)), calendarfeed.RevokedAtIsNil()).
		WithUser().Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil, ErrFeedNotFound
	}
	if err != nil {
		return nil, nil, err
	}
	if f.Edges.User.Disabled {
		return nil, nil, ErrFeedNotFound
	}
	return f, viewer.ForUser(ctx, f.UserID, f.Edges.User.Role), nil
}

// hashToken is how feed tokens are stored: high-entropy, so SHA-256 is enough.
func hashToken(t string) []byte {
	h := sha256.Sum256([]byte(t))
	return h[:]
}
