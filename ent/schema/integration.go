package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Integration is a door through which a monitoring tool sends alerts to a
// service: a kind (wire format) and a secret key, shown once, stored hashed.
type Integration struct {
	ent.Schema
}

// Mixin of the Integration.
func (Integration) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Integration.
func (Integration) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.Enum("kind").
			Values("OPSGENIE", "PAGERDUTY", "ALERTMANAGER", "GRAFANA", "GENERIC", "EMAIL", "HEARTBEAT").
			Immutable().
			Annotations(entgql.OrderField("KIND")),
		field.Int("service_id"),
		field.Bytes("key_hash").Sensitive().Annotations(entgql.Skip()),
		field.String("key_prefix").
			Comment("First characters of the key, to recognise it in lists."),
		field.Bool("enabled").Default(true),
		field.JSON("mapping", map[string]string{}).
			Default(map[string]string{}).
			Comment("GENERIC: expressions (expr-lang) for message, alias, priority, description, details, tags, close.").
			Annotations(entgql.Skip()),
		// Each alert of a request counts (package integration). The burst
		// takes a storm of 2,000 alerts at once, such as 20 Alertmanager
		// batches of 100; then 100 alerts a second.
		field.Int("rate_limit_per_minute").Default(6000).Positive().
			Comment("Alerts per minute the key may open (each alert of a request counts)."),
		field.Int("rate_limit_burst").Default(2000).Positive().
			Comment("Alerts the key may open at once before the per-minute rate applies."),
		field.Time("last_received_at").Optional().Nillable(),
		field.String("last_result").Default("").MaxLen(500),
	}
}

// Edges of the Integration.
func (Integration) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).
			Ref("integrations").
			Field("service_id").
			Unique().Required(),
	}
}

// Indexes of the Integration.
func (Integration) Indexes() []ent.Index {
	return []ent.Index{index.Fields("key_hash").Unique()}
}

// Annotations of the Integration.
func (Integration) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy of the Integration: all read; admins manage.
func (Integration) Policy() ent.Policy { return adminWrites() }
