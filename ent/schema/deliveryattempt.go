package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// DeliveryAttempt marks that a page was about to reach a provider that can
// be asked afterwards what it received (SMS, voice). It is written and
// committed on its own, before the provider is called, while the page's
// delivery row stays locked by the sending transaction; so when that
// transaction never commits (the worker was killed, PostgreSQL went away)
// or the provider's answer was lost, the next attempt knows to ask the
// provider first instead of paging twice. No foreign key: it would need a
// lock on the delivery row that the sending transaction holds.
type DeliveryAttempt struct {
	ent.Schema
}

// Fields of the DeliveryAttempt.
func (DeliveryAttempt) Fields() []ent.Field {
	return []ent.Field{
		field.Int("delivery_id").Immutable(),
		field.Time("started_at").Default(time.Now).Immutable(),
	}
}

// Indexes of the DeliveryAttempt.
func (DeliveryAttempt) Indexes() []ent.Index {
	return []ent.Index{index.Fields("delivery_id")}
}

// Annotations of the DeliveryAttempt.
func (DeliveryAttempt) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// Policy of the DeliveryAttempt: only the paging engine (system) uses it.
func (DeliveryAttempt) Policy() ent.Policy { return systemWrites() }
