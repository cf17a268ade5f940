package contact

import (
	"context"

	"github.com/tocsin/tocsin/ent"
)

// SetQuietHours sets the viewer's daily quiet hours, in minutes after local
// midnight of their time zone: low-urgency pages that fall between start
// and end wait for end (a window may cross midnight). Both nil clears them.
func (m *Methods) SetQuietHours(ctx context.Context, start, end *int) (*ent.User, error) {
	v, err := responder(ctx)
	if err != nil {
		return nil, err
	}
	upd := m.client(ctx).User.UpdateOneID(v.UserID)
	switch {
	case start == nil && end == nil:
		return upd.ClearQuietHoursStart().ClearQuietHoursEnd().Save(ctx)
	case start == nil:
		return nil, invalid("start", "is required with end")
	case end == nil:
		return nil, invalid("end", "is required with start")
	case *start < 0 || *start >= 24*60:
		return nil, invalid("start", "must be minutes after midnight, 0 to 1439")
	case *end < 0 || *end >= 24*60:
		return nil, invalid("end", "must be minutes after midnight, 0 to 1439")
	case *start == *end:
		return nil, invalid("end", "must differ from start; to turn quiet hours off, clear both")
	}
	return upd.SetQuietHoursStart(*start).SetQuietHoursEnd(*end).Save(ctx)
}
