package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/rule"
)

// Schedule says who of a team is on call when: layers of rotations in a time
// zone, with overrides on top. Package schedule turns it into an
// oncall.Schedule; the time math lives in package oncall.
type Schedule struct {
	ent.Schema
}

// Mixin of the Schedule.
func (Schedule) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Schedule.
func (Schedule) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").
			NotEmpty().MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.String("description").
			Default("").MaxLen(2000),
		field.String("time_zone").
			Comment("IANA name; handoffs and restrictions follow this zone's wall clock.").
			Validate(validateTimeZone),
		field.Int("team_id").
			Immutable().
			Comment("Participants must be members of this team, so it does not change."),
	}
}

// Edges of the Schedule.
func (Schedule) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("team", Team.Type).
			Ref("schedules").
			Field("team_id").
			Immutable().
			Unique().
			Required(),
		edge.To("layers", ScheduleLayer.Type).
			Annotations(entgql.Skip()),
		edge.To("overrides", ScheduleOverride.Type).
			Annotations(entgql.Skip()),
		edge.To("cover_requests", CoverRequest.Type).
			Annotations(entgql.Skip()),
		edge.To("calendar_feeds", CalendarFeed.Type).
			Annotations(entgql.Skip()),
	}
}

// Indexes of the Schedule.
func (Schedule) Indexes() []ent.Index {
	return []ent.Index{index.Fields("name").Unique()}
}

// Annotations of the Schedule.
func (Schedule) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// Policy of the Schedule: all read; admins and the team's responders manage.
func (Schedule) Policy() ent.Policy {
	return teamResponderWrites(rule.AllowScheduleOfOwnTeam())
}

// teamResponderWrites: admins change everything, responders what belongs
// to their own teams (the given rule decides).
func teamResponderWrites(own privacy.MutationRule) privacy.Policy {
	return policy(rule.AllowIfAdmin(), own)
}
