package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// StatusPage is a page at /status (slug "") or /status/{slug} that shows
// the state of a set of components, publicly or to signed-in people only.
type StatusPage struct {
	ent.Schema
}

// Mixin of the StatusPage.
func (StatusPage) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of the StatusPage.
func (StatusPage) Fields() []ent.Field {
	return []ent.Field{
		field.String("slug").Default("").MaxLen(60).
			Comment(`"" is the page at /status; others are at /status/{slug}.`),
		field.String("title").NotEmpty().MaxLen(200),
		field.Text("description").Default("").MaxLen(5000),
		field.Bool("public").Default(true).
			Comment("Public pages need no sign-in; others are the internal status page."),
	}
}

// Edges of the StatusPage.
func (StatusPage) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("components", StatusComponent.Type),
		edge.To("subscribers", StatusSubscriber.Type).Annotations(entgql.Skip()),
	}
}

// Indexes of the StatusPage.
func (StatusPage) Indexes() []ent.Index {
	return []ent.Index{index.Fields("slug").Unique()}
}

// Annotations of the StatusPage.
func (StatusPage) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField()}
}

// Policy of the StatusPage: everyone signed in reads; admins change.
func (StatusPage) Policy() ent.Policy { return readAllAdminWrites() }
