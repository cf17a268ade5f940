package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/rule"
)

// StakeholderPreference is how a person wants to hear about the incidents
// they follow: by email, by (low-urgency) push, each update or a digest.
type StakeholderPreference struct {
	ent.Schema
}

// Fields of the StakeholderPreference.
func (StakeholderPreference) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Bool("email").Default(true),
		field.Bool("push").Default(true),
		field.Enum("digest").Values("NONE", "HOURLY", "DAILY").Default("NONE").
			Comment("NONE: each update as it is posted; else one message per period."),
	}
}

// Edges of the StakeholderPreference.
func (StakeholderPreference) Edges() []ent.Edge {
	return []ent.Edge{edge.To("user", User.Type).Field("user_id").Immutable().Unique().Required()}
}

// Indexes of the StakeholderPreference.
func (StakeholderPreference) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id").Unique()}
}

// Policy of the StakeholderPreference: one's own; admins read all.
func (StakeholderPreference) Policy() ent.Policy {
	return policy(rule.AllowOwnStakeholderPreferenceMutation())
}
