package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/rule"
)

// NotificationRule says how a person wants to be paged: for alerts of an
// urgency, on a contact method, so many minutes after the escalation step
// that names them fires ("push at 0, SMS at 2, voice at 5").
type NotificationRule struct {
	ent.Schema
}

// Fields of the NotificationRule.
func (NotificationRule) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Int("contact_method_id").Immutable(),
		field.Enum("urgency").Values("HIGH", "LOW"),
		field.Int("delay_minutes").Default(0).Min(0).Max(60),
	}
}

// Edges of the NotificationRule.
func (NotificationRule) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("notification_rules").Field("user_id").Immutable().Unique().Required(),
		edge.From("contact_method", ContactMethod.Type).Ref("rules").Field("contact_method_id").Immutable().Unique().Required(),
	}
}

// Indexes of the NotificationRule.
func (NotificationRule) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("user_id", "urgency"),
		index.Fields("contact_method_id", "urgency", "delay_minutes").Unique(),
	}
}

// Policy of the NotificationRule: people manage their own; admins all.
func (NotificationRule) Policy() ent.Policy {
	return policy(rule.AllowIfAdmin(), rule.AllowOwnNotificationRuleMutation())
}
