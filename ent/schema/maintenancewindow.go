package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	gen "github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/hook"
	"github.com/tocsin/tocsin/ent/rule"
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

// Policy of the MaintenanceWindow: all read (ent/rule/read.go: a window
// is no secret, the service page shows it to everyone); admins manage
// all, responders those of their teams' services.
func (MaintenanceWindow) Policy() ent.Policy {
	return teamResponderWrites(rule.AllowMaintenanceOfOwnTeam())
}

// Hooks of the MaintenanceWindow. They run after the privacy policy, so a
// caller who may not change windows learns nothing from validation.
func (MaintenanceWindow) Hooks() []ent.Hook {
	return []ent.Hook{
		func(next ent.Mutator) ent.Mutator {
			return hook.MaintenanceWindowFunc(func(ctx context.Context, m *gen.MaintenanceWindowMutation) (ent.Value, error) {
				start, okS := m.StartsAt()
				end, okE := m.EndsAt()
				if okS && okE && !end.After(start) {
					return nil, &rule.InvalidError{Field: "endsAt", Reason: "must be after startsAt"}
				}
				return next.Mutate(ctx, m)
			})
		},
	}
}
