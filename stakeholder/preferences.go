package stakeholder

import (
	"context"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/viewer"
)

// Preferences are how a person wants to hear about what they follow.
type Preferences struct {
	// Email and Push turn the channels on (push goes to their devices).
	Email, Push bool
	// Digest NONE sends each update as it is posted; HOURLY and DAILY
	// send one email per period instead.
	Digest stakeholderpreference.Digest
}

// Defaults are the preferences of someone who never set any.
var Defaults = Preferences{Email: true, Push: true, Digest: stakeholderpreference.DigestNONE}

// PreferencesInput changes preferences; a nil field keeps its value.
type PreferencesInput struct {
	Email  *bool
	Push   *bool
	Digest *stakeholderpreference.Digest
}

// MyPreferences are the viewer's preferences (Defaults when unset).
func (s *Stakeholders) MyPreferences(ctx context.Context) (Preferences, error) {
	v, err := signedIn(ctx)
	if err != nil {
		return Preferences{}, err
	}
	return s.PreferencesOf(ctx, v.UserID)
}

// PreferencesOf are a user's preferences (Defaults when unset); only the
// user themselves, admins and the system may read them.
func (s *Stakeholders) PreferencesOf(ctx context.Context, userID int) (Preferences, error) {
	if v := viewer.FromContext(ctx); v != nil && !v.System && !v.IsAdmin() && v.UserID != userID {
		return Preferences{}, privacy.Denyf("only %d and admins may read their notification preferences", userID)
	}
	p, err := s.Client.StakeholderPreference.Query().Where(stakeholderpreference.UserID(userID)).Only(ctx)
	if ent.IsNotFound(err) {
		return Defaults, nil
	}
	if err != nil {
		return Preferences{}, err
	}
	return Preferences{Email: p.Email, Push: p.Push, Digest: p.Digest}, nil
}

// SetPreferences changes the viewer's own preferences and returns them.
func (s *Stakeholders) SetPreferences(ctx context.Context, in PreferencesInput) (Preferences, error) {
	v, err := signedIn(ctx)
	if err != nil {
		return Preferences{}, err
	}
	if in.Digest != nil {
		if err := stakeholderpreference.DigestValidator(*in.Digest); err != nil {
			return Preferences{}, &rule.InvalidError{Field: "digest", Reason: "must be NONE, HOURLY or DAILY"}
		}
	}
	p, err := s.PreferencesOf(ctx, v.UserID)
	if err != nil {
		return Preferences{}, err
	}
	if in.Email != nil {
		p.Email = *in.Email
	}
	if in.Push != nil {
		p.Push = *in.Push
	}
	if in.Digest != nil {
		p.Digest = *in.Digest
	}
	err = s.Client.StakeholderPreference.Create().SetUserID(v.UserID).
		SetEmail(p.Email).SetPush(p.Push).SetDigest(p.Digest).
		OnConflictColumns(stakeholderpreference.FieldUserID).
		UpdateEmail().UpdatePush().UpdateDigest().Exec(ctx)
	if err != nil {
		return Preferences{}, err
	}
	return p, nil
}
