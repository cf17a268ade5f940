package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// StatusUpdateEmail records that a PUBLIC status update was emailed to one
// status-page subscriber. It is inserted in the transaction that sends the
// email and committed after the mail server took it, so running the task
// again (a retry, the announcement sweep) skips that subscriber, and two
// runs at once wait on each other. No foreign keys: rows are pruned with
// their age, and a subscriber may unsubscribe meanwhile.
type StatusUpdateEmail struct {
	ent.Schema
}

// Fields of the StatusUpdateEmail.
func (StatusUpdateEmail) Fields() []ent.Field {
	return []ent.Field{
		field.Int("update_id").Immutable(),
		field.Int("subscriber_id").Immutable(),
		field.Time("sent_at").Default(time.Now).Immutable(),
	}
}

// Indexes of the StatusUpdateEmail.
func (StatusUpdateEmail) Indexes() []ent.Index {
	return []ent.Index{index.Fields("update_id", "subscriber_id").Unique(), index.Fields("sent_at")}
}

// Annotations of the StatusUpdateEmail.
func (StatusUpdateEmail) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// Policy of the StatusUpdateEmail: only the status page's task (system).
func (StatusUpdateEmail) Policy() ent.Policy { return systemWrites() }
