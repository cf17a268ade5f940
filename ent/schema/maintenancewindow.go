package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// MaintenanceWindow is a planned time [starts_at, ends_at) when a service's
// alerts are recorded and marked, but nobody is paged.
type MaintenanceWindow struct {
	ent.Schema
}

// Mixin of the MaintenanceWindow.
func (MaintenanceWindow) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the MaintenanceWindow.
func (MaintenanceWindow) Fields() []ent.Field {
	return []ent.Field{
		field.Int("service_id"),
		field.Time("starts_at").Annotations(entgql.OrderField("STARTS_AT")),
		field.Time("ends_at"),
		field.String("reason").Default("").MaxLen(1000),
		field.Int("created_by_id").Optional().Nillable(),
	}
}

// Edges of the MaintenanceWindow.
func (MaintenanceWindow) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service", Service.Type).
			Ref("maintenance_windows").
			Field("service_id").
			Unique().Required(),
		edge.To("created_by", User.Type).
			Field("created_by_id").
			Unique(),
	}
}

// Indexes of the MaintenanceWindow.
func (MaintenanceWindow) Indexes() []ent.Index {
	return []ent.Index{index.Fields("service_id", "ends_at")}
}

// Annotations of the MaintenanceWindow.
func (MaintenanceWindow) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy of the MaintenanceWindow: all read; responders and admins manage.
func (MaintenanceWindow) Policy() ent.Policy { return readAllResponderWrites() }
