package graph

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

type flatSchema struct{ graphql.ExecutableSchema }

func (flatSchema) Complexity(context.Context, string, string, int, map[string]any) (int, bool) {
	return 0, false
}

func TestConnectionsCostTheirPageSize(t *testing.T) {
	w := Weighted{flatSchema{}}
	five, fifty := 5, 50
	for _, tc := range []struct {
		name string
		args map[string]any
		want int
	}{
		{"plain field", nil, 1 + 10},
		{"first literal", map[string]any{"first": int64(5), "last": nil}, 1 + 5*10},
		{"first variable", map[string]any{"first": &five, "last": (*int)(nil)}, 1 + 5*10},
		{"last wins when larger", map[string]any{"first": &five, "last": &fifty}, 1 + 50*10},
		{"no page size", map[string]any{"first": (*int)(nil), "last": (*int)(nil)}, 1 + defaultPageCost*10},
	} {
		if got, _ := w.Complexity(context.Background(), "Query", "alerts", 10, tc.args); got != tc.want {
			t.Errorf("%s: complexity %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestLowerCamelMatchesGraphQLFieldNames(t *testing.T) {
	for in, want := range map[string]string{"time_zone": "timeZone", "email": "email", "team_id": "teamID"} {
		if got := lowerCamel(in); got != want {
			t.Errorf("lowerCamel(%q) = %q, want %q", in, got, want)
		}
	}
}
