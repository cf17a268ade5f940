package schema

import (
	"errors"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Heartbeat is a monitor that expects a ping at least every interval; when
// none comes, it opens an alert on its service, and the next ping closes it.
type Heartbeat struct {
	ent.Schema
}

// Mixin of the Heartbeat.
func (Heartbeat) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Heartbeat.
func (Heartbeat) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.String("description").Default("").MaxLen(10000),
		field.Int("service_id"),
		field.Int("interval_seconds").
			Validate(func(n int) error {
				if n < 60 {
					return errors.New("must be at least 60 seconds")
				}
				return nil
			}).
			Comment("A ping is expected at least this often."),
		field.Bool("enabled").Default(true),
		field.String("alert_message").Default("").MaxLen(130),
		field.Enum("alert_priority").Values("P1", "P2", "P3", "P4", "P5").Default("P3"),
		field.Strings("alert_tags").Default([]string{}),
		field.Time("last_ping_at").Optional().Nillable(),
		field.Bool("expired").Default(false),
		field.Time("expires_at").Optional().Nillable().
			Comment("When the next ping is due; the expiry worker watches this."),
	}
}

// Edges of the Heartbeat.
func (Heartbeat) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).
			Ref("heartbeats").
			Field("service_id").
			Unique().Required(),
	}
}

// Indexes of the Heartbeat.
func (Heartbeat) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("name").Unique(),
		index.Fields("enabled", "expired", "expires_at"),
	}
}

// Annotations of the Heartbeat.
func (Heartbeat) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// Policy of the Heartbeat: all read; admins manage.
func (Heartbeat) Policy() ent.Policy { return adminWrites() }
