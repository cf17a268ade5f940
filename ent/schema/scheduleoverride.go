package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/rule"
)

// ScheduleOverride changes who is on call in a schedule during
// [starts_at, ends_at) (oncall.Override). Overrides apply in id order, which
// is creation order: where they overlap, the later one wins.
type ScheduleOverride struct {
	ent.Schema
}

// Mixin of the ScheduleOverride.
func (ScheduleOverride) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the ScheduleOverride.
func (ScheduleOverride) Fields() []ent.Field {
	return []ent.Field{
		field.Int("schedule_id").Immutable(),
		field.Enum("kind").Values("REPLACE", "ADD", "REMOVE").Immutable(),
		field.Time("starts_at"),
		field.Time("ends_at"),
		field.Int("user_on_id").Optional().Nillable().Immutable().
			Comment("Put on call (REPLACE, ADD)."),
		field.Int("user_off_id").Optional().Nillable().Immutable().
			Comment("Taken off call (REPLACE, REMOVE)."),
		field.Int("created_by_id").Optional().Nillable().Immutable(),
		field.String("note").Default("").MaxLen(1000),
	}
}

// Edges of the ScheduleOverride.
func (ScheduleOverride) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("schedule", Schedule.Type).
			Ref("overrides").
			Field("schedule_id").
			Immutable().
			Unique().
			Required(),
		edge.To("user_on", User.Type).Field("user_on_id").Immutable().Unique(),
		edge.To("user_off", User.Type).Field("user_off_id").Immutable().Unique(),
		edge.To("created_by", User.Type).Field("created_by_id").Immutable().Unique(),
	}
}

// Indexes of the ScheduleOverride.
func (ScheduleOverride) Indexes() []ent.Index {
	return []ent.Index{index.Fields("schedule_id", "ends_at")}
}

// Policy of the ScheduleOverride: as its schedule's.
func (ScheduleOverride) Policy() ent.Policy {
	return teamResponderWrites(rule.AllowOverrideOfOwnTeam())
}
