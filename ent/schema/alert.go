package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Alert is one problem reported by a monitoring tool (or a person) for a service.
// At most one alert per (service, alias) is not closed; repeats bump count.
type Alert struct {
	ent.Schema
}

// Mixin of the Alert.
func (Alert) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the Alert.
func (Alert) Fields() []ent.Field {
	return []ent.Field{
		field.Int("service_id"),
		field.String("alias").
			NotEmpty().MaxLen(512),
		field.String("message").
			NotEmpty().MaxLen(1000).
			Annotations(entgql.OrderField("MESSAGE")),
		field.Text("description").
			Default("").MaxLen(15000),
		field.JSON("details", map[string]string{}).
			Default(map[string]string{}).
			Annotations(entgql.Type("Map")),
		field.Strings("tags").
			Default([]string{}),
		field.Enum("priority").
			Values("P1", "P2", "P3", "P4", "P5").
			Default("P3").
			Annotations(entgql.OrderField("PRIORITY")),
		field.Enum("status").
			Values("OPEN", "ACKED", "CLOSED").
			Default("OPEN").
			Annotations(entgql.OrderField("STATUS")),
		field.String("source").
			Default("").MaxLen(512),
		field.String("entity").
			Default("").MaxLen(512),
		field.Int("count").
			Default(1).Positive().
			Annotations(entgql.OrderField("COUNT")),
		field.Time("first_occurred_at").
			Default(time.Now).
			Annotations(entgql.OrderField("FIRST_OCCURRED_AT")),
		field.Time("last_occurred_at").
			Default(time.Now).
			Annotations(entgql.OrderField("LAST_OCCURRED_AT")),
		field.Time("acknowledged_at").Optional().Nillable(),
		field.Int("acknowledged_by_id").Optional().Nillable(),
		field.Time("closed_at").Optional().Nillable(),
		field.Int("closed_by_id").Optional().Nillable(),
		field.Int("incident_id").Optional().Nillable(),
		field.Int("owner_id").Optional().Nillable(),
		field.Int("integration_id").Optional().Nillable().Immutable().
			Comment("The integration that created the alert, if any."),
		field.Time("snoozed_until").Optional().Nillable(),
		field.Time("escalation_due_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Comment("When the next escalation step is due; nil while nobody needs paging (acknowledged, snoozed, closed, in maintenance). Set in the same statement that opens the alert."),
		field.String("request_id").Optional().Nillable().Immutable().
			Annotations(entgql.Skip()).
			Comment("The API request that created the alert (Opsgenie requestId): its request status, without a row of its own."),
		field.Int("escalation_round").Default(0).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Comment("The round of the escalation policy the next step belongs to (0: the first)."),
		field.Int("escalation_first_round").Default(0).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Comment("The round the policy last started in (0, or the round an unacknowledge restarted it in): repeats count from it."),
		field.Int("escalation_step").Default(0).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Comment("The position of the step due at escalation_due_at."),
		field.Bool("in_maintenance").Default(false).
			Comment("Created during a maintenance window: recorded, not paged."),
		field.Strings("actions").Default([]string{}).
			Annotations(entsql.Default("[]")).
			Comment("Custom action names offered by the sender (Opsgenie actions)."),
		field.Int("page_user_id").Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			Comment("Set on an alert that asks one person to join an incident: its escalation pages exactly this user instead of the service's policy."),
		field.JSON("responders", []map[string]string{}).
			Default([]map[string]string{}).
			Annotations(entgql.Skip(), entsql.Default("[]")).
			Comment("Responders the sender asked for, as sent (type and id/name/username)."),
	}
}

// Edges of the Alert.
func (Alert) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).
			Ref("alerts").
			Field("service_id").
			Unique().Required(),
		edge.To("acknowledged_by", User.Type).
			Field("acknowledged_by_id").
			Unique(),
		edge.To("closed_by", User.Type).
			Field("closed_by_id").
			Unique(),
		edge.To("owner", User.Type).
			Field("owner_id").
			Unique(),
		edge.From("incident", Incident.Type).
			Ref("alerts").
			Field("incident_id").
			Unique(),
		edge.To("deliveries", Delivery.Type).
			Annotations(entgql.Skip()),
		edge.To("timeline", TimelineEvent.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of the Alert.
func (Alert) Indexes() []ent.Index {
	return []ent.Index{
		// Dedupe: one alert per (service, alias) that is not closed.
		index.Fields("service_id", "alias").
			Unique().
			Annotations(entsql.IndexWhere("((status)::text <> 'CLOSED'::text)")),
		// The alert list's order. Not last_occurred_at: repeats change it,
		// and an index on it would make every repeat a non-HOT update.
		index.Fields("status", "first_occurred_at"),
		// A service's open alerts use the dedupe index above (same leading
		// column, same condition); one index less to write per alert.
		// The paging engine's sweep: what is due.
		index.Fields("escalation_due_at").
			Annotations(entsql.IndexWhere("(escalation_due_at IS NOT NULL)")),
		index.Fields("request_id").
			Unique().
			Annotations(entsql.IndexWhere("request_id IS NOT NULL")),
	}
}

// Annotations of the Alert.
func (Alert) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.MultiOrder(),
	}
}

// Policy of the Alert.
func (Alert) Policy() ent.Policy { return responderWrites() }
