package incident

import (
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/predicate"
)

// HasTag matches alerts carrying the tag.
func HasTag(tag string) predicate.Alert {
	return predicate.Alert(func(s *sql.Selector) {
		s.Where(sqljson.ValueContains(s.C(alert.FieldTags), tag))
	})
}

// Matching matches alerts whose message, alias, description or entity
// contains the text, ignoring case.
func Matching(text string) predicate.Alert {
	return alert.Or(
		alert.MessageContainsFold(text), alert.AliasContainsFold(text),
		alert.DescriptionContainsFold(text), alert.EntityContainsFold(text),
	)
}
