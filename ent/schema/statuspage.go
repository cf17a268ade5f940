package schema

import (
	"fmt"
	"regexp"

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
		field.String("slug").Default("").MaxLen(60).Validate(validateSlug).
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
		edge.To("components", StatusComponent.Type).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("subscribers", StatusSubscriber.Type).Annotations(entgql.Skip()),
	}
}

// Indexes of the StatusPage.
func (StatusPage) Indexes() []ent.Index {
	return []ent.Index{index.Fields("slug").Unique()}
}

// Annotations of the StatusPage.
func (StatusPage) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate())}
}

// reservedSlugs are the paths under /status/ that are not pages.
var reservedSlugs = map[string]bool{"subscribe": true, "confirm": true, "unsubscribe": true, "feed": true}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validateSlug accepts "" (the page at /status) or lowercase letters,
// digits and single dashes between them, except the paths /status/ uses.
func validateSlug(s string) error {
	switch {
	case s == "":
		return nil
	case !slugPattern.MatchString(s):
		return fmt.Errorf("%q: use lowercase letters, digits and dashes (such as \"acme-cloud\"), or empty for /status", s)
	case reservedSlugs[s]:
		return fmt.Errorf("%q is a path of the status pages themselves; choose another", s)
	}
	return nil
}

// Policy of the StatusPage: everyone signed in reads; admins change.
func (StatusPage) Policy() ent.Policy { return adminWrites() }
