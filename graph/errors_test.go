package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lib/pq"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The database's own words never reach a client, however the error is
// wrapped (gqlgen wraps resolver errors in a *gqlerror.Error with a path).
func TestDatabaseErrorsNeverShowTheirText(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		code string
	}{
		{"NUL in text", &pq.Error{Code: "22021", Message: `invalid byte sequence for encoding "UTF8": 0x00`}, CodeBadUserInput},
		{"NUL in JSON", &pq.Error{Code: "22P05", Message: "unsupported Unicode escape sequence"}, CodeBadUserInput},
		{"a query cancelled", &pq.Error{Code: "57014", Message: "canceling statement due to statement timeout"}, CodeInternal},
		{"a driver message", errors.New("pq: unknown response for simple query: 'Z'"), CodeInternal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, err := range []error{tc.err, fmt.Errorf("saving: %w", tc.err), gqlerror.WrapPath(nil, tc.err)} {
				got := PresentError(context.Background(), err)
				if got.Extensions["code"] != tc.code || strings.Contains(got.Message, "pq") || strings.Contains(got.Message, "0x00") {
					t.Errorf("%T: want %s without the database's words, got %s %q", err, tc.code, got.Extensions["code"], got.Message)
				}
			}
		})
	}
}
