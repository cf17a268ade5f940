package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// RefuseNUL refuses an operation with a NUL character (U+0000) in any
// input string, a variable's or an argument literal's, before anything
// runs: PostgreSQL text cannot hold it, and a store would fail halfway with
// a database error. The answer is BAD_USER_INPUT naming the input
// ($input.name, or createTeam.input.name for a literal).
type RefuseNUL struct{}

var (
	_ graphql.HandlerExtension        = RefuseNUL{}
	_ graphql.OperationContextMutator = RefuseNUL{}
)

// ExtensionName names the extension for gqlgen.
func (RefuseNUL) ExtensionName() string { return "RefuseNUL" }

// Validate accepts every schema.
func (RefuseNUL) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext checks the coerced variables and every literal
// argument of the document.
func (RefuseNUL) MutateOperationContext(_ context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	names := make([]string, 0, len(rc.Variables))
	for name := range rc.Variables {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if at, found := nulInValue("$"+name, rc.Variables[name]); found {
			return nulError(at)
		}
	}
	if rc.Doc == nil {
		return nil
	}
	for _, op := range rc.Doc.Operations {
		if at, found := nulInSelections(op.SelectionSet); found {
			return nulError(at)
		}
	}
	for _, f := range rc.Doc.Fragments {
		if at, found := nulInSelections(f.SelectionSet); found {
			return nulError(at)
		}
	}
	return nil
}

func nulError(at string) *gqlerror.Error {
	return &gqlerror.Error{
		Message:    at + `: must not contain the NUL character (\u0000)`,
		Extensions: map[string]any{"code": CodeBadUserInput, "field": at},
	}
}

// nulInValue walks a decoded variable (strings, lists, input objects).
func nulInValue(at string, v any) (string, bool) {
	switch t := v.(type) {
	case string:
		return at, strings.ContainsRune(t, 0)
	case []any:
		for i, x := range t {
			if p, found := nulInValue(fmt.Sprintf("%s[%d]", at, i), x); found {
				return p, true
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if strings.ContainsRune(k, 0) {
				return at + "." + strings.ReplaceAll(k, "\x00", `\u0000`) + " (a key)", true
			}
			if p, found := nulInValue(at+"."+k, t[k]); found {
				return p, true
			}
		}
	}
	return "", false
}

func nulInSelections(set ast.SelectionSet) (string, bool) {
	for _, s := range set {
		switch t := s.(type) {
		case *ast.Field:
			for _, a := range t.Arguments {
				if p, found := nulInLiteral(t.Name+"."+a.Name, a.Value); found {
					return p, true
				}
			}
			if p, found := nulInDirectives(t.Directives); found {
				return p, true
			}
			if p, found := nulInSelections(t.SelectionSet); found {
				return p, true
			}
		case *ast.InlineFragment:
			if p, found := nulInDirectives(t.Directives); found {
				return p, true
			}
			if p, found := nulInSelections(t.SelectionSet); found {
				return p, true
			}
		case *ast.FragmentSpread:
			if p, found := nulInDirectives(t.Directives); found {
				return p, true
			}
		}
	}
	return "", false
}

func nulInDirectives(ds ast.DirectiveList) (string, bool) {
	for _, d := range ds {
		for _, a := range d.Arguments {
			if p, found := nulInLiteral("@"+d.Name+"."+a.Name, a.Value); found {
				return p, true
			}
		}
	}
	return "", false
}

// nulInLiteral walks an argument written in the query; variables in it
// were checked with the variables.
func nulInLiteral(at string, v *ast.Value) (string, bool) {
	if v == nil {
		return "", false
	}
	switch v.Kind {
	case ast.StringValue, ast.BlockValue:
		return at, strings.ContainsRune(v.Raw, 0)
	case ast.ListValue:
		for i, c := range v.Children {
			if p, found := nulInLiteral(fmt.Sprintf("%s[%d]", at, i), c.Value); found {
				return p, true
			}
		}
	case ast.ObjectValue:
		for _, c := range v.Children {
			if strings.ContainsRune(c.Name, 0) {
				return at + " (a key)", true
			}
			if p, found := nulInLiteral(at+"."+c.Name, c.Value); found {
				return p, true
			}
		}
	}
	return "", false
}
