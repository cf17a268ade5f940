package graph

import (
	"context"
	"reflect"

	"github.com/99designs/gqlgen/graphql"

	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/graph/generated"
)

// Directives are the implementations of the schema's directives.
var Directives = generated.DirectiveRoot{FilterEdges: FilterEdges}

// FilterEdges is @filterEdges, which marks every generated where input: as
// the input is decoded (for a resolver's arguments and for entgql's eager
// loading alike), each of its edge predicates gets the read rule of the
// edge's far side (rule.FilterEdges).
func FilterEdges(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	in, err := next(ctx)
	if err != nil || in == nil {
		return in, err
	}
	where := reflect.New(reflect.TypeOf(in))
	where.Elem().Set(reflect.ValueOf(in))
	if err := rule.FilterEdges(ctx, where.Interface()); err != nil {
		return nil, err
	}
	return where.Elem().Interface(), nil
}
