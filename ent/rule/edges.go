package rule

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"entgo.io/ent/dialect/sql"

	"github.com/tocsin/tocsin/viewer"
)

// A query's policy limits the rows of the entity queried, not those an edge
// predicate looks at: without more, `incidents(where: {hasStatusUpdatesWith:
// {audience: INTERNAL, messageHasPrefix: "S"}})` would tell a stakeholder,
// one letter at a time, what an internal update says. FilterEdges puts the
// far side's read rule (Reads) into every edge predicate of a where input.

// FilterEdges rewrites where, a pointer to an entgql where input
// (*ent.IncidentWhereInput), so that each of its edge predicates (hasX,
// hasXWith) sees only the rows of X the viewer in ctx reads, through the
// columns they read. It does not descend: the inputs nested in where
// (not, and, or, hasXWith) are rewritten when they are decoded, each by
// this same function (graph's @filterEdges directive).
func FilterEdges(ctx context.Context, where any) error {
	w := reflect.ValueOf(where)
	if w.Kind() != reflect.Pointer || w.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("rule.FilterEdges: %T is not a pointer to a where input", where)
	}
	v := viewer.FromContext(ctx)
	s := w.Elem()
	for i := 0; i < s.NumField(); i++ {
		f := s.Type().Field(i)
		edge, ok := strings.CutSuffix(f.Name, "With")
		if !ok || !strings.HasPrefix(edge, "Has") || f.Type.Kind() != reflect.Slice {
			continue
		}
		far := f.Type.Elem() // *ent.<Type>WhereInput
		rows := Reads(v, entityOf(reflect.Zero(far).Interface(), "WhereInput"))
		if rows.All() {
			continue
		}
		with := s.Field(i)
		for j := 0; j < with.Len(); j++ {
			limited, err := through(rows, far, with.Index(j))
			if err != nil {
				return fmt.Errorf("%s: %w", f.Name, err)
			}
			with.Index(j).Set(limited)
		}
		has := s.FieldByName(edge) // *bool
		if !has.IsValid() || has.IsNil() {
			continue
		}
		readable, err := through(rows, far, reflect.Value{})
		if err != nil {
			return err
		}
		one := reflect.Append(reflect.MakeSlice(f.Type, 0, 1), readable)
		if has.Elem().Bool() {
			with.Set(reflect.AppendSlice(with, one))
		} else {
			// hasX: false is "has no X the viewer reads": and: {not: {hasXWith: [readable]}}.
			none, not := reflect.New(s.Type()), reflect.New(s.Type())
			none.Elem().Field(i).Set(one)
			not.Elem().FieldByName("Not").Set(none)
			and := s.FieldByName("And")
			and.Set(reflect.Append(and, not))
		}
		has.Set(reflect.Zero(has.Type()))
	}
	return nil
}

// through returns a new where input of type far (*ent.<Type>WhereInput)
// that matches the rows in rows that also match in (a where input of that
// type; nil: any row).
func through(rows Rows, far reflect.Type, in reflect.Value) (reflect.Value, error) {
	var p func(*sql.Selector)
	if in.IsValid() && !in.IsNil() {
		// An empty input ({}) matches every row; a no-op predicate keeps P from
		// refusing it as empty.
		where(in, func(*sql.Selector) {}, "AddPredicates")
		out := in.MethodByName("P").Call(nil)
		if err, _ := out[1].Interface().(error); err != nil {
			return reflect.Value{}, err
		}
		p = out[0].Convert(reflect.TypeOf(p)).Interface().(func(*sql.Selector))
	}
	limited := reflect.New(far.Elem())
	where(limited, rows.Through(p), "AddPredicates")
	return limited, nil
}
