package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// StatusSubscriber is an email address subscribed to a public status page:
// confirmed by a link (double opt-in), removed by another (one click). Only
// hashes of the links' tokens are kept.
type StatusSubscriber struct {
	ent.Schema
}

// Fields of the StatusSubscriber.
func (StatusSubscriber) Fields() []ent.Field {
	return []ent.Field{
		field.Int("page_id").Immutable(),
		field.String("email").NotEmpty().MaxLen(320),
		field.Bytes("confirm_token_hash").Sensitive(),
		field.Bytes("unsubscribe_token_hash").Sensitive(),
		field.Time("confirmed_at").Optional().Nillable(),
		field.Time("created_at").Default(time.Now).Immutable(),
	}
}

// Edges of the StatusSubscriber.
func (StatusSubscriber) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("page", StatusPage.Type).Ref("subscribers").Field("page_id").Immutable().Unique().Required(),
	}
}

// Indexes of the StatusSubscriber.
func (StatusSubscriber) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("page_id", "email").Unique(),
		index.Fields("confirm_token_hash"),
		index.Fields("unsubscribe_token_hash"),
	}
}

// Annotations of the StatusSubscriber.
func (StatusSubscriber) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// Policy of the StatusSubscriber: the status page's doors (system), and
// admins, who may read and remove subscribers (deleting a page removes its
// subscribers).
func (StatusSubscriber) Policy() ent.Policy {
	return adminWrites()
}
