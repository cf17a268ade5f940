package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// MaxComplexity bounds the cost of one operation. A connection costs its page
// size times what each node selects, so "100 alerts with 50 timeline events
// each" costs about 100*50*fields. The SPA's largest query costs under 3,000.
const MaxComplexity = 20000

// defaultPageCost is what a connection without first/last is charged: entgql
// returns every row then, so clients should page.
const defaultPageCost = 100

// Weighted wraps an executable schema so every field that takes first/last
// (every Relay connection) multiplies its children's cost by the page size.
type Weighted struct {
	graphql.ExecutableSchema
}

// Complexity charges connections by page size and other fields by one.
func (w Weighted) Complexity(ctx context.Context, typeName, field string, childComplexity int, args map[string]any) (int, bool) {
	_, hasFirst := args["first"]
	_, hasLast := args["last"]
	if !hasFirst && !hasLast {
		if c, ok := w.ExecutableSchema.Complexity(ctx, typeName, field, childComplexity, args); ok {
			return c, true
		}
		return 1 + childComplexity, true
	}
	n := max(pageSize(args["first"]), pageSize(args["last"]))
	if n == 0 {
		n = defaultPageCost
	}
	return 1 + n*childComplexity, true
}

func pageSize(v any) int {
	switch n := v.(type) {
	case *int:
		if n != nil {
			return max(*n, 1)
		}
	case int:
		return max(n, 1)
	case int64: // raw argument values, as the complexity walker passes them
		return int(max(min(n, 1<<20), 1))
	case *int64:
		if n != nil {
			return int(max(min(*n, 1<<20), 1))
		}
	}
	return 0
}
