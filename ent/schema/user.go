package schema

import (
	"context"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	gen "github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/hook"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/viewer"
)

// User is a person who signs in: an admin, a responder or a stakeholder.
type User struct {
	ent.Schema
}

// Mixin of the User.
func (User) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the User.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").
			NotEmpty().MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.String("email").
			NotEmpty().MaxLen(320).
			Validate(validateEmail).
			Annotations(entgql.OrderField("EMAIL")),
		field.String("time_zone").
			Default("UTC").
			Validate(validateTimeZone),
		field.Enum("role").
			GoType(viewer.Role("")).
			Default(string(viewer.RoleResponder)).
			Annotations(entgql.OrderField("ROLE")),
		field.String("password_hash").
			Optional().
			Sensitive().
			Annotations(entgql.Skip()),
		field.Bool("disabled").
			Default(false).
			Comment("A disabled user cannot sign in and is never paged."),
		field.Int("quiet_hours_start").Optional().Nillable().Min(0).Max(1439).
			Comment("Minutes after local midnight when low-urgency pages start to wait (with quiet_hours_end)."),
		field.Int("quiet_hours_end").Optional().Nillable().Min(0).Max(1439).
			Comment("Minutes after local midnight when waiting low-urgency pages go out."),
	}
}

// Edges of the User.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("teams", Team.Type).
			Ref("members").
			Annotations(entgql.RelayConnection()),
		edge.To("api_tokens", APIToken.Type).
			Annotations(entgql.Skip()),
		edge.To("sessions", Session.Type).
			Annotations(entgql.Skip()),
		edge.To("invitations", Invitation.Type).
			Annotations(entgql.Skip()),
		edge.To("calendar_feeds", CalendarFeed.Type).
			Annotations(entgql.Skip()),
		edge.To("contact_methods", ContactMethod.Type).
			Annotations(entgql.Skip()),
		edge.To("notification_rules", NotificationRule.Type).
			Annotations(entgql.Skip()),
		edge.To("deliveries", Delivery.Type).
			Annotations(entgql.Skip()),
	}
}

// Indexes of the User.
func (User) Indexes() []ent.Index {
	return []ent.Index{
		// Emails are stored lower-cased (see the hook), so this is case-insensitive.
		index.Fields("email").Unique(),
	}
}

// Annotations of the User.
func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}

// Policy of the User: all read; admins manage; a user edits their own profile.
func (User) Policy() ent.Policy {
	return policy(rule.AllowIfAdmin(), rule.AllowOwnProfileUpdate())
}

// Hooks of the User.
func (User) Hooks() []ent.Hook {
	return []ent.Hook{normalizeEmail()}
}

// normalizeEmail stores emails trimmed and lower-cased, so lookups and the
// unique index are case-insensitive.
func normalizeEmail() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.UserFunc(func(ctx context.Context, m *gen.UserMutation) (ent.Value, error) {
			if e, ok := m.Email(); ok {
				m.SetEmail(strings.ToLower(strings.TrimSpace(e)))
			}
			return next.Mutate(ctx, m)
		})
	}
}
