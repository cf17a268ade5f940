package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// StatusComponent is one line of a status page: a service under a name the
// page's readers understand, in a group.
type StatusComponent struct {
	ent.Schema
}

// Fields of the StatusComponent.
func (StatusComponent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("page_id"),
		field.String("name").NotEmpty().MaxLen(200),
		field.String("group_name").Default("").MaxLen(200),
		field.Int("position").Default(0),
		field.Int("service_id").Optional().Nillable(),
	}
}

// Edges of the StatusComponent.
func (StatusComponent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("page", StatusPage.Type).Ref("components").Field("page_id").Unique().Required().
			Annotations(entgql.Skip(entgql.SkipMutationUpdateInput)),
		edge.To("service", Service.Type).Field("service_id").Unique(),
	}
}

// Indexes of the StatusComponent.
func (StatusComponent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("page_id", "position")}
}

// Annotations of the StatusComponent.
func (StatusComponent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// Policy of the StatusComponent: everyone signed in reads; admins change.
func (StatusComponent) Policy() ent.Policy { return adminWrites() }
