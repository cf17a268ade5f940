package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// IncidentMember is a person's part in an incident: its commander, its
// communications lead, a responder, or a stakeholder who follows it.
type IncidentMember struct {
	ent.Schema
}

// Fields of the IncidentMember.
func (IncidentMember) Fields() []ent.Field {
	return []ent.Field{
		field.Int("incident_id").Immutable(),
		field.Int("user_id").Immutable(),
		field.Enum("role").Values("COMMANDER", "COMMS_LEAD", "RESPONDER", "STAKEHOLDER").Immutable(),
		field.Time("added_at").Default(time.Now).Immutable(),
		field.Int("added_by_id").Optional().Nillable().Immutable(),
	}
}

// Edges of the IncidentMember.
func (IncidentMember) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("incident", Incident.Type).Ref("members").Field("incident_id").Immutable().Unique().Required(),
		edge.To("user", User.Type).Field("user_id").Immutable().Unique().Required(),
	}
}

// Indexes of the IncidentMember.
func (IncidentMember) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("incident_id", "user_id", "role").Unique(),
		index.Fields("user_id"),
	}
}

// Policy of the IncidentMember: everyone signed in reads; responders change.
func (IncidentMember) Policy() ent.Policy { return responderWrites() }
