package graph_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"

	"github.com/tocsin/tocsin/graph"
	"github.com/tocsin/tocsin/graph/generated"
)

func repeat(n int, f func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = f(i)
	}
	return strings.Join(parts, " ")
}

// allocated returns the bytes f allocates (the validator's work, measured
// without a clock).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// The worst documents within the bounds cost the validator little: every
// shape that made it quadratic (conflicting aliases, duplicates, the same
// through fragments, nested) at the most the bounds let through. Before the
// bounds, 700 conflicting aliases allocated about 240 MB here.
func TestDocumentsWithinTheBoundsAreCheapToValidate(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	chain := func(width int) string {
		// width copies of a chain MaxDepth-1 deep through fragments, each
		// level with a field beside it.
		var b strings.Builder
		fmt.Fprintf(&b, `{node(id:"1"){%s}}`, repeat(width, func(int) string { return "...L0" }))
		for i := range graph.MaxDepth - 2 {
			on, field := "Team", "schedules"
			if i%2 == 1 {
				on, field = "Schedule", "team"
			}
			fmt.Fprintf(&b, " fragment L%d on %s {%s a:%s{...L%d}}", i, on, repeat(1, func(k int) string { return fmt.Sprintf("x%d:id", k) }), field, i+1)
		}
		on := "Team"
		if (graph.MaxDepth-2)%2 == 1 {
			on = "Schedule"
		}
		fmt.Fprintf(&b, " fragment L%d on %s {id}", graph.MaxDepth-2, on)
		return b.String()
	}
	for _, tc := range []struct{ name, query string }{
		{"conflicting aliases", "{" + repeat(25, func(k int) string {
			return repeat(graph.MaxRepeats, func(i int) string { return fmt.Sprintf(`k%d:node(id:"%d"){id}`, k, i) })
		}) + "}"},
		{"duplicate fields", "{" + repeat(90, func(k int) string {
			return fmt.Sprintf("k%d:viewer{%s}", k, repeat(graph.MaxRepeats, func(int) string { return "id" }))
		}) + "}"},
		{"conflicts through fragments", "{" + repeat(graph.MaxRepeats, func(i int) string { return fmt.Sprintf("...F%d", i) }) + "} " +
			repeat(graph.MaxRepeats, func(j int) string {
				return fmt.Sprintf("fragment F%d on Query {%s}", j, repeat(20, func(i int) string { return fmt.Sprintf(`b%d:node(id:"%d"){id}`, i, j) }))
			})},
		{"nested duplicates", chain(graph.MaxRepeats)},
	} {
		if err := graph.CheckBounds(tc.query); err != nil {
			t.Errorf("%s: the test wants a document within the bounds, but: %v", tc.name, err)
			continue
		}
		doc, err := parser.ParseQuery(&ast.Source{Input: tc.query})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var errs int
		n := allocated(func() { errs = len(validator.Validate(schema, doc)) })
		t.Logf("%s: %d bytes of query, %d errors, %.1f MB allocated by the validator", tc.name, len(tc.query), errs, float64(n)/(1<<20))
		if n > 16<<20 {
			t.Errorf("%s: the validator allocated %.1f MB; want under 16 MB", tc.name, float64(n)/(1<<20))
		}
	}
}
