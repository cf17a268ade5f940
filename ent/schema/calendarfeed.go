package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/rule"
)

// CalendarFeed is a secret iCal URL (/ical/{token}.ics): a user's own shifts
// (no schedule) or one schedule's. Only the token's hash is kept; revoking
// stops the URL at once.
type CalendarFeed struct {
	ent.Schema
}

// Fields of the CalendarFeed.
func (CalendarFeed) Fields() []ent.Field {
	return []ent.Field{
		field.Bytes("token_hash").Immutable().Sensitive().Annotations(entgql.Skip()),
		field.Int("user_id").Immutable().Comment("The owner: the feed reads as this user."),
		field.Int("schedule_id").Optional().Nillable().Immutable().
			Comment("The schedule shown; none means the owner's shifts in every schedule."),
		field.Time("created_at").Default(time.Now).Immutable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

// Edges of the CalendarFeed.
func (CalendarFeed) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).
			Ref("calendar_feeds").
			Field("user_id").
			Immutable().
			Unique().
			Required(),
		edge.From("schedule", Schedule.Type).
			Ref("calendar_feeds").
			Field("schedule_id").
			Immutable().
			Unique(),
	}
}

// Indexes of the CalendarFeed.
func (CalendarFeed) Indexes() []ent.Index {
	return []ent.Index{index.Fields("token_hash").Unique()}
}

// Policy of the CalendarFeed: a user sees and manages their own feeds
// (responders and admins; stakeholders have no shifts); admins see all.
func (CalendarFeed) Policy() ent.Policy {
	return policy(rule.AllowIfAdmin(), rule.AllowOwnCalendarFeedMutation())
}
