package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Service is something that can break: alerts arrive for it, a team owns it.
type Service struct {
	ent.Schema
}

// Mixin of the Service.
func (Service) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Service.
func (Service) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").
			NotEmpty().MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.String("description").
			Default("").MaxLen(2000),
		field.Int("team_id"),
		field.Int("escalation_policy_id").Optional().Nillable().
			Comment("Who is paged; none: the owning team's on-call schedules."),
		field.Enum("high_urgency_up_to").Values("P1", "P2", "P3", "P4", "P5").Default("P2").
			Comment("Alerts of this priority and above page with high urgency."),
	}
}

// Edges of the Service.
func (Service) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("team", Team.Type).
			Ref("services").
			Field("team_id").
			Unique().
			Required(),
		edge.From("escalation_policy", EscalationPolicy.Type).
			Ref("services").
			Field("escalation_policy_id").
			Unique(),
		edge.To("alerts", Alert.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("integrations", Integration.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("heartbeats", Heartbeat.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("maintenance_windows", MaintenanceWindow.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.From("incidents", Incident.Type).
			Ref("services").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of the Service.
func (Service) Indexes() []ent.Index {
	return []ent.Index{index.Fields("name").Unique()}
}

// Annotations of the Service.
func (Service) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// Policy of the Service.
func (Service) Policy() ent.Policy { return adminWrites() }
