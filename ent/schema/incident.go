package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Incident is a coordinated response to something that broke: it groups
// alerts, names the affected services and carries one timeline.
type Incident struct {
	ent.Schema
}

// Mixin of the Incident.
func (Incident) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Incident.
func (Incident) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").
			NotEmpty().MaxLen(500).
			Annotations(entgql.OrderField("TITLE")),
		field.Text("summary").
			Default("").MaxLen(15000),
		field.Enum("severity").
			Values("SEV1", "SEV2", "SEV3", "SEV4").
			Default("SEV3").
			Annotations(entgql.OrderField("SEVERITY")),
		field.Enum("status").
			Values("INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED").
			Default("INVESTIGATING").
			Annotations(entgql.OrderField("STATUS")),
		field.Time("resolved_at").Optional().Nillable(),
		field.Time("next_update_due_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Comment("When the next stakeholder update is due, by the severity's cadence; nil: none due."),
	}
}

// Edges of the Incident.
func (Incident) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("services", Service.Type).
			Annotations(entgql.RelayConnection()),
		edge.To("alerts", Alert.Type).
			Annotations(entgql.RelayConnection()),
		edge.To("timeline", TimelineEvent.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("status_updates", StatusUpdate.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("members", IncidentMember.Type).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of the Incident.
func (Incident) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("status", "created_at"),
		// The announcement sweep looks at the last day's incidents.
		index.Fields("created_at"),
	}
}

// Annotations of the Incident.
func (Incident) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.MultiOrder(),
	}
}

// Policy of the Incident.
func (Incident) Policy() ent.Policy { return responderWrites() }
