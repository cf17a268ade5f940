package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"
)

// The bounds of one GraphQL document, checked before gqlgen validates it.
// Validation is not linear: the rule that fields at one place in the
// response can be merged compares every pair of them, and pairs of their
// children, so 700 aliases of one field made 245,000 conflict errors (a
// 58 MB answer) and a document of nested duplicates cost its size squared.
// The complexity limit runs only after validation, so it cannot help.
//
// The SPA's documents, as urql sends them (with __typename in every
// selection set), stay far inside these bounds; TestSPADocumentsFitTheBounds
// checks every one of them and prints the largest figures.
const (
	// MaxQueryBytes bounds the query text (the SPA's largest has 1.9 KB),
	// and so what the persisted-query cache holds per entry.
	MaxQueryBytes = 16 << 10
	// MaxTokens bounds the lexer and parser (the SPA's largest has 257).
	MaxTokens = 3000
	// MaxSelections bounds the fields, fragment spreads and inline fragments
	// of the document with every fragment spread expanded where it is used,
	// fragment definitions counted once more on their own as the validator
	// walks them (the SPA's largest has 273).
	MaxSelections = 1000
	// MaxDepth bounds the nesting of selection sets (the SPA's deepest is 7).
	MaxDepth = 15
	// MaxRepeats bounds how many fields may answer under one response key at
	// one place in the response, through fragments and type conditions
	// (the SPA repeats a key at most 5 times: the __typename urql adds to
	// every selection set, fragment and type condition). The merge check
	// compares these pairwise, so its work stays below
	// MaxRepeats × MaxSelections comparisons.
	MaxRepeats = 10
	// MaxErrors bounds the errors one answer carries; the rest are counted
	// in a last error.
	MaxErrors = 20
)

// CodeQueryTooLarge is the extensions.code of a document past the bounds.
// HTTP answers it with 422, like a document that does not validate.
const CodeQueryTooLarge = "QUERY_TOO_LARGE"

func init() { errcode.RegisterErrorType(CodeQueryTooLarge, errcode.KindProtocol) }

// Bounds is the gqlgen extension that refuses documents past the bounds
// before they are validated, and caps the errors of every answer. Use it
// after extension.AutomaticPersistedQuery, which fills in the query of a
// request that sent only its hash.
type Bounds struct {
	// Checked holds the documents that passed validation before (gqlgen's
	// query cache); those are not checked again. Nil checks every request.
	Checked graphql.Cache[*ast.QueryDocument]
}

var _ interface {
	graphql.OperationParameterMutator
	graphql.ResponseInterceptor
} = Bounds{}

// ExtensionName names the extension for gqlgen.
func (Bounds) ExtensionName() string { return "TocsinBounds" }

// Validate accepts any schema.
func (Bounds) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters refuses a document past the bounds.
func (b Bounds) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if b.Checked != nil {
		if _, ok := b.Checked.Get(ctx, p.Query); ok {
			return nil
		}
	}
	return CheckBounds(p.Query)
}

// InterceptResponse keeps the first MaxErrors errors of an answer.
func (Bounds) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp != nil && len(resp.Errors) > MaxErrors {
		more := len(resp.Errors) - MaxErrors + 1
		resp.Errors = append(resp.Errors[:MaxErrors-1:MaxErrors-1], &gqlerror.Error{
			Message:    fmt.Sprintf("%d more errors left out; fix the ones above first", more),
			Extensions: map[string]any{"code": resp.Errors[MaxErrors-1].Extensions["code"]},
		})
	}
	return resp
}

// CheckBounds reports the first bound the query passes, or nil. A query
// that does not parse is left to gqlgen, which reports why.
func CheckBounds(query string) *gqlerror.Error {
	_, err := measure(query)
	return err
}

// figures are what the bounds limit, as far as measure got.
type figures struct {
	bytes, tokens, selections, depth, repeats int
}

func measure(query string) (figures, *gqlerror.Error) {
	fig := figures{bytes: len(query)}
	if len(query) > MaxQueryBytes {
		return fig, tooLarge("the query has %d bytes; the limit is %d", len(query), MaxQueryBytes)
	}
	src := &ast.Source{Input: query}
	lex := lexer.New(src)
	for {
		tok, err := lex.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			break
		}
		if fig.tokens++; fig.tokens > MaxTokens {
			return fig, tooLarge("the query has more than %d tokens", MaxTokens)
		}
	}
	doc, err := parser.ParseQuery(src)
	if err != nil {
		return fig, nil
	}
	w := walk{fig: &fig, fragments: make(map[string]*ast.FragmentDefinition, len(doc.Fragments))}
	for _, f := range doc.Fragments {
		w.fragments[f.Name] = f
	}
	if name := w.cycle(); name != "" {
		e := gqlerror.Errorf("fragment %s spreads itself, directly or through other fragments", name)
		errcode.Set(e, errcode.ValidationFailed)
		return fig, e
	}
	for _, op := range doc.Operations {
		if e := w.place([]ast.SelectionSet{op.SelectionSet}, 1); e != nil {
			return fig, e
		}
	}
	for _, f := range doc.Fragments {
		if e := w.place([]ast.SelectionSet{f.SelectionSet}, 1); e != nil {
			return fig, e
		}
	}
	return fig, nil
}

func tooLarge(format string, args ...any) *gqlerror.Error {
	e := gqlerror.Errorf(format, args...)
	e.Message += "; ask for less in one request"
	errcode.Set(e, CodeQueryTooLarge)
	return e
}

// walk visits a document the way its answer is shaped: one place in the
// answer at a time, with the fields of every fragment spread there.
type walk struct {
	fig       *figures
	fragments map[string]*ast.FragmentDefinition
}

// place checks the selection sets that merge at one place in the answer
// (at the given depth), then the places below it.
func (w *walk) place(sets []ast.SelectionSet, depth int) *gqlerror.Error {
	w.fig.depth = max(w.fig.depth, depth)
	if depth > MaxDepth {
		return tooLarge("selections are nested more than %d deep", MaxDepth)
	}
	var keys []string
	repeats := map[string]int{}
	below := map[string][]ast.SelectionSet{}
	var collect func(set ast.SelectionSet) *gqlerror.Error
	collect = func(set ast.SelectionSet) *gqlerror.Error {
		for _, sel := range set {
			if w.fig.selections++; w.fig.selections > MaxSelections {
				return tooLarge("the query has more than %d selections, counting each fragment where it is spread", MaxSelections)
			}
			switch s := sel.(type) {
			case *ast.Field:
				key := s.Alias
				repeats[key]++
				w.fig.repeats = max(w.fig.repeats, repeats[key])
				if repeats[key] > MaxRepeats {
					return tooLarge("%q is asked for more than %d times at one place", key, MaxRepeats)
				}
				if repeats[key] == 1 {
					keys = append(keys, key)
				}
				if len(s.SelectionSet) > 0 {
					below[key] = append(below[key], s.SelectionSet)
				}
			case *ast.InlineFragment:
				if e := collect(s.SelectionSet); e != nil {
					return e
				}
			case *ast.FragmentSpread:
				if f := w.fragments[s.Name]; f != nil { // unknown ones are the validator's to report
					if e := collect(f.SelectionSet); e != nil {
						return e
					}
				}
			}
		}
		return nil
	}
	for _, set := range sets {
		if e := collect(set); e != nil {
			return e
		}
	}
	for _, key := range keys {
		if len(below[key]) > 0 {
			if e := w.place(below[key], depth+1); e != nil {
				return e
			}
		}
	}
	return nil
}

// cycle returns a fragment that spreads itself, or "". Expanding such a
// fragment would never end; the validator reports it properly.
func (w *walk) cycle() string {
	const (
		unseen = iota
		open
		done
	)
	state := make(map[string]int, len(w.fragments))
	var visit func(name string) string
	var spreads func(set ast.SelectionSet) string
	spreads = func(set ast.SelectionSet) string {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if c := spreads(s.SelectionSet); c != "" {
					return c
				}
			case *ast.InlineFragment:
				if c := spreads(s.SelectionSet); c != "" {
					return c
				}
			case *ast.FragmentSpread:
				if c := visit(s.Name); c != "" {
					return c
				}
			}
		}
		return ""
	}
	visit = func(name string) string {
		f := w.fragments[name]
		switch {
		case f == nil || state[name] == done:
			return ""
		case state[name] == open:
			return name
		}
		state[name] = open
		if c := spreads(f.SelectionSet); c != "" {
			return c
		}
		state[name] = done
		return ""
	}
	for name := range w.fragments {
		if c := visit(name); c != "" {
			return c
		}
	}
	return ""
}
