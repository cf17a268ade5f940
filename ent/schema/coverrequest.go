package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/rule"
)

// CoverRequest is a responder asking their schedule's members to take
// [starts_at, ends_at) for them. Accepting it creates a REPLACE override;
// open requests expire at expires_at. Package schedule holds the rules.
type CoverRequest struct {
	ent.Schema
}

// Mixin of the CoverRequest.
func (CoverRequest) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the CoverRequest.
func (CoverRequest) Fields() []ent.Field {
	return []ent.Field{
		field.Int("schedule_id").Immutable(),
		field.Int("requester_id").Immutable(),
		field.Time("starts_at").Immutable(),
		field.Time("ends_at").Immutable(),
		field.String("message").Default("").MaxLen(1000).Immutable(),
		field.Enum("status").Values("OPEN", "ACCEPTED", "CANCELLED", "EXPIRED").Default("OPEN"),
		field.Time("expires_at").Immutable(),
		field.Int("accepted_by_id").Optional().Nillable(),
		field.Int("override_id").Optional().Nillable(),
	}
}

// Edges of the CoverRequest.
func (CoverRequest) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("schedule", Schedule.Type).
			Ref("cover_requests").
			Field("schedule_id").
			Immutable().
			Unique().
			Required(),
		edge.To("requester", User.Type).Field("requester_id").Immutable().Unique().Required(),
		edge.To("accepted_by", User.Type).Field("accepted_by_id").Unique(),
		edge.To("override", ScheduleOverride.Type).Field("override_id").Unique().
			Annotations(entgql.Skip()),
	}
}

// Indexes of the CoverRequest.
func (CoverRequest) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "expires_at"), index.Fields("schedule_id", "ends_at")}
}

// Policy of the CoverRequest: as its schedule's.
func (CoverRequest) Policy() ent.Policy {
	return teamResponderWrites(rule.AllowCoverRequestOfOwnTeam())
}
