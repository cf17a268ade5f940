package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// StatusUpdate is a message about an incident for an audience: the
// responders (INTERNAL), stakeholders (STAKEHOLDER) or everyone on the
// status page (PUBLIC), with the incident's status when it was posted.
type StatusUpdate struct {
	ent.Schema
}

// Fields of the StatusUpdate.
func (StatusUpdate) Fields() []ent.Field {
	return []ent.Field{
		field.Int("incident_id").Immutable(),
		field.Text("message").NotEmpty().MaxLen(10000).Immutable(),
		field.Enum("status").Values("INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED").Immutable(),
		field.Enum("audience").Values("INTERNAL", "STAKEHOLDER", "PUBLIC").Immutable(),
		field.Int("author_id").Optional().Nillable().Immutable(),
		field.String("author_name").Default("").MaxLen(300).Immutable(),
		field.Time("created_at").Default(time.Now).Immutable().Annotations(entgql.OrderField("CREATED_AT")),
	}
}

// Edges of the StatusUpdate.
func (StatusUpdate) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("incident", Incident.Type).Ref("status_updates").Field("incident_id").Immutable().Unique().Required(),
		edge.To("author", User.Type).Field("author_id").Immutable().Unique(),
	}
}

// Indexes of the StatusUpdate.
func (StatusUpdate) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("incident_id", "created_at"),
		// The announcement sweep looks at the last day's updates.
		index.Fields("created_at"),
	}
}

// Annotations of the StatusUpdate.
func (StatusUpdate) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy of the StatusUpdate: everyone signed in reads (stakeholders only
// STAKEHOLDER and PUBLIC updates); responders post.
func (StatusUpdate) Policy() ent.Policy {
	return responderWrites()
}
