package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Delivery is one page planned or sent: an alert's escalation step reaching
// a person on one contact method. Its unique key (alert, round, step,
// contact method) is what makes a page happen at most once; PLANNED rows
// are the truth the sweep re-queues from when Redis lost its tasks.
type Delivery struct {
	ent.Schema
}

// Fields of the Delivery.
func (Delivery) Fields() []ent.Field {
	return []ent.Field{
		field.Int("alert_id").Immutable(),
		field.Int("user_id").Immutable(),
		field.Int("contact_method_id").Immutable(),
		field.Int("round").Immutable(),
		field.Int("step").Immutable(),
		field.Time("due_at").Immutable(),
		field.Bool("until_closed").Default(false).Immutable().
			Comment("The step keeps paging after acknowledge: only closing the alert stops this page."),
		field.Enum("status").Values("PLANNED", "SENT", "DELIVERED", "FAILED", "SKIPPED").Default("PLANNED"),
		field.Int("attempts").Default(0),
		field.String("provider_id").Default("").MaxLen(300),
		field.String("detail").Default("").MaxLen(1000).
			Comment(`What the timeline says: "SMS to +49…: queued", "skipped: acknowledged".`),
		field.Time("created_at").Default(time.Now).Immutable(),
		field.Time("sent_at").Optional().Nillable(),
	}
}

// Edges of the Delivery.
func (Delivery) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("alert", Alert.Type).Ref("deliveries").Field("alert_id").Immutable().Unique().Required(),
		edge.From("user", User.Type).Ref("deliveries").Field("user_id").Immutable().Unique().Required(),
		edge.From("contact_method", ContactMethod.Type).Ref("deliveries").Field("contact_method_id").Immutable().Unique().Required().
			Annotations(entgql.Skip()),
	}
}

// Indexes of the Delivery.
func (Delivery) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("alert_id", "round", "step", "contact_method_id").Unique(),
		// The sweep: planned pages that are due.
		index.Fields("due_at").Annotations(entsql.IndexWhere("((status)::text = 'PLANNED'::text)")),
		index.Fields("provider_id").Annotations(entsql.IndexWhere("((provider_id)::text <> ''::text)")),
	}
}

// Policy of the Delivery: responders and admins read (the alert's
// timeline shows them); only Tocsin writes.
func (Delivery) Policy() ent.Policy {
	return systemWrites()
}
