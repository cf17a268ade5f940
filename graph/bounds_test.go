package graph

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/parser"
)

// spaDocuments returns every operation of the SPA as urql sends it: the
// operation, the fragments it spreads, and __typename in every selection set
// below the root (urql's cache adds it). They are read from the codegen
// output, which `npm run codegen:check` keeps in step with the sources.
func spaDocuments(t *testing.T) map[string]string {
	t.Helper()
	raw, err := os.ReadFile("../frontend/src/gql/gql.ts")
	if err != nil {
		t.Fatal(err)
	}
	fragments := map[string]*ast.FragmentDefinition{}
	var ops []*ast.OperationDefinition
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^    ("(?:[^"\\]|\\.)*"): typeof types\.`).FindAllSubmatch(raw, -1) {
		src, err := strconv.Unquote(string(m[1]))
		if err != nil || seen[src] {
			continue
		}
		seen[src] = true
		doc, err := parser.ParseQuery(&ast.Source{Input: src})
		if err != nil {
			t.Fatalf("the SPA's document does not parse: %v\n%s", err, src)
		}
		for _, f := range doc.Fragments {
			fragments[f.Name] = f
		}
		ops = append(ops, doc.Operations...)
	}
	if len(ops) < 20 {
		t.Fatalf("found only %d operations in frontend/src/gql/gql.ts; has its format changed?", len(ops))
	}
	out := map[string]string{}
	for _, op := range ops {
		doc := &ast.QueryDocument{Operations: ast.OperationList{op}}
		used := map[string]bool{}
		var spreads func(ast.SelectionSet)
		spreads = func(set ast.SelectionSet) {
			for _, sel := range set {
				switch s := sel.(type) {
				case *ast.Field:
					spreads(s.SelectionSet)
				case *ast.InlineFragment:
					spreads(s.SelectionSet)
				case *ast.FragmentSpread:
					if !used[s.Name] {
						used[s.Name] = true
						doc.Fragments = append(doc.Fragments, fragments[s.Name])
						spreads(fragments[s.Name].SelectionSet)
					}
				}
			}
		}
		spreads(op.SelectionSet)
		var buf bytes.Buffer
		formatter.NewFormatter(&buf).FormatQueryDocument(withTypename(doc))
		out[op.Name] = buf.String()
	}
	return out
}

// withTypename copies doc with __typename added below the root.
func withTypename(doc *ast.QueryDocument) *ast.QueryDocument {
	var add func(set ast.SelectionSet, root bool) ast.SelectionSet
	add = func(set ast.SelectionSet, root bool) ast.SelectionSet {
		out := ast.SelectionSet{}
		if !root {
			out = append(out, &ast.Field{Alias: "__typename", Name: "__typename"})
		}
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				c := *s
				if len(s.SelectionSet) > 0 {
					c.SelectionSet = add(s.SelectionSet, false)
				}
				out = append(out, &c)
			case *ast.InlineFragment:
				c := *s
				c.SelectionSet = add(s.SelectionSet, false)
				out = append(out, &c)
			default:
				out = append(out, sel)
			}
		}
		return out
	}
	cp := &ast.QueryDocument{}
	for _, op := range doc.Operations {
		c := *op
		c.SelectionSet = add(op.SelectionSet, true)
		cp.Operations = append(cp.Operations, &c)
	}
	for _, f := range doc.Fragments {
		c := *f
		c.SelectionSet = add(f.SelectionSet, false)
		cp.Fragments = append(cp.Fragments, &c)
	}
	return cp
}

// The bounds must never refuse the SPA: each of its documents stays within
// half of every bound, so growth is noticed here long before users are.
func TestSPADocumentsFitTheBounds(t *testing.T) {
	var most figures
	var largest [5]string
	for name, q := range spaDocuments(t) {
		fig, err := measure(q)
		if err != nil {
			t.Errorf("the SPA's %s is refused: %v\n%s", name, err, q)
			continue
		}
		for i, v := range []struct{ got, most *int }{
			{&fig.bytes, &most.bytes}, {&fig.tokens, &most.tokens}, {&fig.selections, &most.selections},
			{&fig.depth, &most.depth}, {&fig.repeats, &most.repeats},
		} {
			if *v.got > *v.most {
				*v.most, largest[i] = *v.got, name
			}
		}
		if fig.bytes > MaxQueryBytes/2 || fig.tokens > MaxTokens/2 || fig.selections > MaxSelections/2 ||
			fig.depth > MaxDepth/2+1 || fig.repeats > MaxRepeats/2 {
			t.Errorf("the SPA's %s comes close to a bound: %+v (bounds: %d bytes, %d tokens, %d selections, depth %d, %d repeats)",
				name, fig, MaxQueryBytes, MaxTokens, MaxSelections, MaxDepth, MaxRepeats)
		}
	}
	t.Logf("the SPA's largest: %d bytes (%s), %d tokens (%s), %d selections (%s), depth %d (%s), %d repeats (%s)",
		most.bytes, largest[0], most.tokens, largest[1], most.selections, largest[2], most.depth, largest[3], most.repeats, largest[4])
}

func repeat(n int, f func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = f(i)
	}
	return strings.Join(parts, " ")
}

// nested is a tree of duplicated fields r wide and d deep (schedules and
// their team, alternately): each level doubles the merge check's work.
func nested(d, r int) string {
	if d == 0 {
		return "id"
	}
	f := "a:schedules{"
	if d%2 == 0 {
		f = "a:team{"
	}
	return repeat(r, func(int) string { return f + nested(d-1, r) + "}" })
}

// levels is a document of fragments two wide and n deep (schedules and
// their team, alternately): each level doubles what the merge check
// compares, while the text grows by one line.
func levels(n int) string {
	var b strings.Builder
	b.WriteString(`{node(id:"1"){...L0}}`)
	for i := 0; i < n; i++ {
		on, field := "Team", "schedules"
		if i%2 == 1 {
			on, field = "Schedule", "team"
		}
		fmt.Fprintf(&b, " fragment L%d on %s {id a:%s{...L%d} a:%s{...L%d}}", i, on, field, i+1, field, i+1)
	}
	on := "Team"
	if n%2 == 1 {
		on = "Schedule"
	}
	fmt.Fprintf(&b, " fragment L%d on %s {id}", n, on)
	return b.String()
}

// Each bound refuses a document that passes the others, before validation,
// with QUERY_TOO_LARGE and a message naming the bound; so are the hostile
// documents of issue 13.
func TestBoundsRefuseHostileDocuments(t *testing.T) {
	for _, tc := range []struct{ name, query, says string }{
		{"700 conflicting aliases", "{" + repeat(700, func(i int) string { return fmt.Sprintf(`a:node(id:"%d"){id}`, i) }) + "}", ""},
		{"2,000 duplicate fields", "{viewer{" + repeat(2000, func(int) string { return "id" }) + "}}", ""},
		{"5,000 aliases", "{" + repeat(5000, func(i int) string { return fmt.Sprintf("a%d:viewer{id}", i) }) + "}", ""},
		{"query text", "{viewer{id}}" + strings.Repeat(" ", MaxQueryBytes), "bytes"},
		{"tokens", "{viewer{" + repeat(MaxTokens, func(i int) string { return "id" }) + "}}", "tokens"},
		{"repeats", "{" + repeat(MaxRepeats+1, func(i int) string { return fmt.Sprintf(`a:node(id:"%d"){id}`, i) }) + "}", "asked for more than 10 times"},
		{"repeats through fragments", "{viewer{" + repeat(MaxRepeats+1, func(i int) string { return fmt.Sprintf("...F%d", i) }) + "}} " +
			repeat(MaxRepeats+1, func(i int) string { return fmt.Sprintf("fragment F%d on User {id}", i) }), "asked for more than 10 times"},
		{"repeats in an unused fragment", "{__typename} fragment F on Query {" + repeat(MaxRepeats+1, func(i int) string { return fmt.Sprintf(`a:node(id:"%d"){id}`, i) }) + "}", "asked for more than 10 times"},
		{"selections through fragments", "{" + repeat(MaxSelections/10, func(i int) string { return fmt.Sprintf("a%d:viewer{...F}", i) }) + "} fragment F on User {" +
			repeat(10, func(i int) string { return fmt.Sprintf("b%d:id", i) }) + "}", "selections"},
		{"nested duplicates", levels(10), "asked for more than 10 times"},
		{"depth", `{node(id:"1"){... on Team{` + nested(MaxDepth, 1) + "}}}", "nested more than"},
	} {
		err := CheckBounds(tc.query)
		if err == nil || err.Extensions["code"] != CodeQueryTooLarge || !strings.Contains(err.Message, tc.says) {
			t.Errorf("%s: want %s saying %q, got %v", tc.name, CodeQueryTooLarge, tc.says, err)
		}
	}
	if err := CheckBounds(`{...F} fragment F on Query {node(id:"1"){...F}}`); err == nil || !strings.Contains(err.Message, "spreads itself") {
		t.Errorf("a fragment cycle: want it refused as one, got %v", err)
	}
}
