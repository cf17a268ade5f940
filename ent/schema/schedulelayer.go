package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/oncall"
)

// ScheduleLayer is one rotation of a schedule (oncall.Layer). Layers are
// ordered by position; a higher position wins where it has someone on call.
// Writes go through package schedule, which validates them.
type ScheduleLayer struct {
	ent.Schema
}

// Mixin of the ScheduleLayer.
func (ScheduleLayer) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the ScheduleLayer.
func (ScheduleLayer) Fields() []ent.Field {
	return []ent.Field{
		field.Int("schedule_id").Immutable(),
		field.String("name").NotEmpty().MaxLen(200),
		field.Int("position").
			Comment("Bottom layer first; a higher position wins where it has someone on call."),
		field.JSON("participant_ids", []int{}).
			Comment("User ids in turn order; a user may appear more than once.").
			Annotations(entgql.Skip(), entsql.Default("[]")),
		field.Int("shift_length"),
		field.Enum("shift_unit").Values("HOURS", "DAYS", "WEEKS"),
		field.Time("start_at").Comment("Participant 0 holds the turn in effect at this instant."),
		field.Time("end_at").Optional().Nillable(),
		field.String("handoff_time").
			Default("09:00").
			Comment(`Wall-clock "HH:MM" of handoffs (days and weeks).`),
		field.Int("handoff_day").
			Default(1).
			Comment("Weekday of handoffs for weekly turns, 0 = Sunday.").
			Annotations(entgql.Skip()),
		field.JSON("restrictions", []oncall.Window{}).
			Optional().
			Comment("Weekly windows of wall-clock time; none means unrestricted.").
			Annotations(entgql.Skip(), entsql.Default("[]")),
	}
}

// Edges of the ScheduleLayer.
func (ScheduleLayer) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("schedule", Schedule.Type).
			Ref("layers").
			Field("schedule_id").
			Immutable().
			Unique().
			Required(),
	}
}

// Indexes of the ScheduleLayer.
func (ScheduleLayer) Indexes() []ent.Index {
	return []ent.Index{index.Fields("schedule_id", "position")}
}

// Policy of the ScheduleLayer: as its schedule's.
func (ScheduleLayer) Policy() ent.Policy {
	return teamResponderWrites(rule.AllowLayerOfOwnTeam())
}
