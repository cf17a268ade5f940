//go:build ignore

// entc.go generates the ent code and graph/ent.graphql from ent/schema.
// Run through `go generate ./...` (see ent/generate.go).
package main

import (
	"log"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithConfigPath("../gqlgen.yml"),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("../graph/ent.graphql"),
		entgql.WithWhereInputs(true),
		entgql.WithNodeDescriptor(true),
		entgql.WithSchemaHook(filterEdges),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	err = entc.Generate("./schema", &gen.Config{
		Features: []gen.Feature{
			gen.FeaturePrivacy,
			gen.FeatureIntercept,
			gen.FeatureEntQL,
			gen.FeatureNamedEdges,
			gen.FeatureLock,
			gen.FeatureModifier,
			gen.FeatureUpsert,
			gen.FeatureVersionedMigration,
			gen.FeatureGlobalID,
			gen.FeatureExecQuery,
		},
	}, entc.Extensions(ex))
	if err != nil {
		log.Fatalf("running ent codegen: %v", err)
	}
}

// filterEdges marks every generated where input with @filterEdges, which
// puts the read rule of each edge's far side into its hasX and hasXWith
// predicates (ent/rule.FilterEdges, through graph.FilterEdges) as the input
// is decoded. Marking them here, not by hand, keeps a new entity or edge from
// being forgotten.
func filterEdges(_ *gen.Graph, s *ast.Schema) error {
	s.Directives["filterEdges"] = &ast.DirectiveDefinition{
		Name:        "filterEdges",
		Description: "Edge predicates in this input see only the rows the viewer may read (ent/rule.FilterEdges).",
		Locations:   []ast.DirectiveLocation{ast.LocationInputObject},
	}
	for name, t := range s.Types {
		if t.Kind == ast.InputObject && strings.HasSuffix(name, "WhereInput") {
			t.Directives = append(t.Directives, &ast.Directive{Name: "filterEdges"})
		}
	}
	return nil
}
