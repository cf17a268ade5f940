package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/tocsin/tocsin/ent/rule"
)

// ContactMethod is one way to reach a person: a phone app (push), an SMS or
// voice number, an email address or a personal webhook. SMS, voice and
// email must be verified with a code before pages go there.
type ContactMethod struct {
	ent.Schema
}

// Mixin of the ContactMethod.
func (ContactMethod) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the ContactMethod.
func (ContactMethod) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Enum("kind").Values("PUSH", "SMS", "VOICE", "EMAIL", "WEBHOOK").Immutable(),
		field.String("name").NotEmpty().MaxLen(100).
			Comment(`What the owner calls it: "Pixel 8", "Work phone".`),
		field.String("address").NotEmpty().MaxLen(4096).
			Comment("E.164 number, email address, webhook URL, or the FCM registration token of a device."),
		field.Enum("platform").Values("ANDROID", "IOS", "WEB").Optional().Nillable().
			Comment("Push only: the device's platform."),
		field.Bool("critical_alerts").Default(false).
			Comment("Push only: the device may ring through silent mode (iOS critical alerts)."),
		field.Time("verified_at").Optional().Nillable(),
		field.Bytes("verification_code_hash").Optional().Nillable().Sensitive().Annotations(entgql.Skip()),
		field.Time("verification_expires_at").Optional().Nillable().Annotations(entgql.Skip()),
		field.Bool("disabled").Default(false).
			Comment("Turned off by its owner, or by Tocsin when the provider says the address is gone."),
	}
}

// Edges of the ContactMethod.
func (ContactMethod) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("user", User.Type).Ref("contact_methods").Field("user_id").Immutable().Unique().Required(),
		edge.To("deliveries", Delivery.Type).
			Annotations(entgql.Skip()),
		edge.To("rules", NotificationRule.Type).
			Annotations(entsql.OnDelete(entsql.Cascade), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of the ContactMethod.
func (ContactMethod) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("user_id"),
		// Inbound SMS replies find the sender by number.
		index.Fields("kind", "address"),
	}
}

// Policy of the ContactMethod: people manage their own; admins all.
func (ContactMethod) Policy() ent.Policy {
	return policy(rule.AllowIfAdmin(), rule.AllowOwnContactMethodMutation())
}
