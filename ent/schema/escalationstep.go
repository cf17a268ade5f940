package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/escalation"
)

// EscalationStep is one step of a policy: whom to page, and how long to
// wait before the next step.
type EscalationStep struct {
	ent.Schema
}

// Fields of the EscalationStep.
func (EscalationStep) Fields() []ent.Field {
	return []ent.Field{
		field.Int("policy_id").Immutable(),
		field.Int("position").Min(0).Comment("0 fires when the alert opens."),
		field.Int("delay_minutes").Default(5).Min(0).Max(1440).
			Comment("From this step firing to the next step."),
		field.JSON("targets", []escalation.Target{}).
			Annotations(entsql.Default("[]"), entgql.Skip()),
		field.Bool("keep_paging").Default(false).
			Comment("Page on after acknowledge, until the alert is closed."),
	}
}

// Edges of the EscalationStep.
func (EscalationStep) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("policy", EscalationPolicy.Type).Ref("steps").Field("policy_id").Immutable().Unique().Required(),
	}
}

// Indexes of the EscalationStep.
func (EscalationStep) Indexes() []ent.Index {
	return []ent.Index{index.Fields("policy_id", "position").Unique()}
}

// Policy of the EscalationStep: as its policy.
func (EscalationStep) Policy() ent.Policy { return adminWrites() }
