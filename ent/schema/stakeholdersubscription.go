package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/rule"
)

// StakeholderSubscription is a person following a service (every incident that
// affects it) or a single incident: they are told when such an incident is
// declared and of each update meant for stakeholders.
type StakeholderSubscription struct {
	ent.Schema
}

// Fields of the StakeholderSubscription.
func (StakeholderSubscription) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Int("service_id").Optional().Nillable().Immutable(),
		field.Int("incident_id").Optional().Nillable().Immutable(),
		field.Time("created_at").Default(time.Now).Immutable(),
	}
}

// Edges of the StakeholderSubscription.
func (StakeholderSubscription) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Field("user_id").Immutable().Unique().Required(),
		edge.To("service", Service.Type).Field("service_id").Immutable().Unique(),
		edge.To("incident", Incident.Type).Field("incident_id").Immutable().Unique(),
	}
}

// Indexes of the StakeholderSubscription.
func (StakeholderSubscription) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("user_id", "service_id").Unique().Annotations(entsql.IndexWhere("service_id IS NOT NULL")),
		index.Fields("user_id", "incident_id").Unique().Annotations(entsql.IndexWhere("incident_id IS NOT NULL")),
		index.Fields("service_id"),
		index.Fields("incident_id"),
	}
}

// Policy of the StakeholderSubscription: one's own; admins read all.
func (StakeholderSubscription) Policy() ent.Policy {
	return policy(rule.AllowOwnStakeholderSubscriptionMutation())
}
