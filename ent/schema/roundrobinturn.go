package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// RoundRobinTurn is the turn a step of an alert took in a team's round
// robin: the position the team was moved on to for that (alert, round,
// step). A step takes its turn in a transaction of its own, committed at
// once (the team's row would otherwise be locked until the step commits),
// and sends its pages before it commits; so a step that rolls back after
// sending (the worker was killed, PostgreSQL went away) fires again with
// the turn it took, and pages the same person under the same key instead
// of the next one too. No foreign key: it would need a lock on the alert
// row that the firing transaction holds.
type RoundRobinTurn struct {
	ent.Schema
}

// Fields of the RoundRobinTurn.
func (RoundRobinTurn) Fields() []ent.Field {
	return []ent.Field{
		field.Int("alert_id").Immutable(),
		field.Int("round").Immutable(),
		field.Int("step").Immutable(),
		field.Int("team_id").Immutable(),
		field.Int("position").Immutable().Comment("The team's round_robin_next after this turn."),
		field.Time("taken_at").Default(time.Now).Immutable(),
	}
}

// Indexes of the RoundRobinTurn.
func (RoundRobinTurn) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("alert_id", "round", "step", "team_id").Unique(),
		index.Fields("taken_at"),
	}
}

// Annotations of the RoundRobinTurn.
func (RoundRobinTurn) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// Policy of the RoundRobinTurn: only the paging engine (system) uses it.
func (RoundRobinTurn) Policy() ent.Policy { return systemWrites() }
