package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// SeverityLevel describes one incident severity (SEV1–SEV4) as this site
// uses it: what it means and how often its incidents owe an update.
type SeverityLevel struct {
	ent.Schema
}

// Fields of the SeverityLevel.
func (SeverityLevel) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("level").Values("SEV1", "SEV2", "SEV3", "SEV4").Immutable(),
		field.String("description").Default("").MaxLen(1000),
		field.Int("update_cadence_minutes").Default(0).NonNegative().
			Comment("How often an incident of this severity owes a stakeholder update; 0: no cadence."),
	}
}

// Indexes of the SeverityLevel.
func (SeverityLevel) Indexes() []ent.Index {
	return []ent.Index{index.Fields("level").Unique()}
}

// Annotations of the SeverityLevel.
func (SeverityLevel) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField()}
}

// Policy of the SeverityLevel: everyone signed in reads; admins change.
func (SeverityLevel) Policy() ent.Policy { return adminWrites() }
