package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// EscalationPolicy says who is paged for a service's alerts, step after
// step, until someone acknowledges (package escalation walks it).
type EscalationPolicy struct {
	ent.Schema
}

// Mixin of the EscalationPolicy.
func (EscalationPolicy) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the EscalationPolicy.
func (EscalationPolicy) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200).Annotations(entgql.OrderField("NAME")),
		field.String("description").Default("").MaxLen(2000),
		field.Int("repeat").Default(0).Min(0).Max(9).
			Comment("How many more times the whole policy runs after the first round."),
	}
}

// Edges of the EscalationPolicy.
func (EscalationPolicy) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("steps", EscalationStep.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("services", Service.Type).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of the EscalationPolicy.
func (EscalationPolicy) Indexes() []ent.Index {
	return []ent.Index{index.Fields("name").Unique()}
}

// Annotations of the EscalationPolicy.
func (EscalationPolicy) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// Policy of the EscalationPolicy: everyone signed in reads; admins change.
func (EscalationPolicy) Policy() ent.Policy { return adminWrites() }
