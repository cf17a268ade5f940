package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// TimelineEvent is one thing that happened to an alert or an incident, with
// who did it. Events are written in the same transaction as the change.
type TimelineEvent struct {
	ent.Schema
}

// Fields of the TimelineEvent.
func (TimelineEvent) Fields() []ent.Field {
	return []ent.Field{
		field.String("kind").
			NotEmpty().MaxLen(100).
			Comment("What happened, e.g. CREATED, ACKNOWLEDGED, NOTE_ADDED."),
		field.Enum("actor_type").
			Values("USER", "INTEGRATION", "SYSTEM").
			Default("SYSTEM"),
		field.String("actor_name").
			Default("").MaxLen(300).
			Comment("Display name of the actor at the time, kept if the actor is deleted."),
		field.Int("actor_id").Optional().Nillable(),
		field.JSON("data", map[string]any{}).
			Default(map[string]any{}).
			Annotations(entgql.Type("Map")),
		field.Enum("visibility").
			Values("INTERNAL", "STAKEHOLDER", "PUBLIC").
			Default("INTERNAL"),
		field.Time("created_at").
			Default(time.Now).
			Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.Int("alert_id").Optional().Nillable(),
		field.Int("incident_id").Optional().Nillable(),
	}
}

// Edges of the TimelineEvent.
func (TimelineEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("actor", User.Type).
			Field("actor_id").
			Unique(),
		edge.From("alert", Alert.Type).
			Ref("timeline").
			Field("alert_id").
			Unique(),
		edge.From("incident", Incident.Type).
			Ref("timeline").
			Field("incident_id").
			Unique(),
	}
}

// Indexes of the TimelineEvent.
func (TimelineEvent) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("alert_id", "id"),
		// Most events belong to an alert only: leave them out of this index.
		index.Fields("incident_id", "id").
			Annotations(entsql.IndexWhere("incident_id IS NOT NULL")),
	}
}

// Annotations of the TimelineEvent.
func (TimelineEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
	}
}

// Policy of the TimelineEvent.
func (TimelineEvent) Policy() ent.Policy {
	return responderWrites()
}
