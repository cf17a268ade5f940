package integration

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"github.com/tocsin/tocsin/incident"
)

// Mapping fields of a GENERIC integration. Each is an expr-lang expression
// over `body` (the request's JSON), e.g. `body.title`, `body.level == "crit" ? "P1" : "P3"`,
// `"host " + body.host`. message is required; close true closes the alert with the alias.
var mappingFields = []string{"message", "alias", "priority", "description", "details", "tags", "close"}

// Mapped is what a GENERIC mapping made of one body.
type Mapped struct {
	Message, Alias, Priority, Description string
	Details                               map[string]string
	Tags                                  []string
	Close                                 bool
}

// CheckMapping compiles every expression, so a broken one is refused when saved.
func CheckMapping(m map[string]string) error {
	if strings.TrimSpace(m["message"]) == "" {
		return &incident.InvalidError{Field: "mapping.message", Reason: "is required (an expression such as body.title)"}
	}
	for k, src := range m {
		if !isMappingField(k) {
			return &incident.InvalidError{Field: "mapping." + k, Reason: "is not one of " + strings.Join(mappingFields, ", ")}
		}
		if strings.TrimSpace(src) == "" {
			continue
		}
		if _, err := compile(src); err != nil {
			return &incident.InvalidError{Field: "mapping." + k, Reason: err.Error()}
		}
	}
	return nil
}

func isMappingField(k string) bool {
	for _, f := range mappingFields {
		if f == k {
			return true
		}
	}
	return false
}

// programs caches compiled expressions by source: mappings change rarely,
// requests come often.
var programs sync.Map

func compile(src string) (*vm.Program, error) {
	if p, ok := programs.Load(src); ok {
		return p.(*vm.Program), nil
	}
	p, err := expr.Compile(src, expr.Env(map[string]any{"body": map[string]any{}}), expr.AllowUndefinedVariables())
	if err != nil {
		return nil, err
	}
	programs.Store(src, p)
	return p, nil
}

// Apply runs a mapping on a decoded JSON body.
func Apply(m map[string]string, body any) (*Mapped, error) {
	out := &Mapped{}
	env := map[string]any{"body": body}
	for _, f := range mappingFields {
		src := strings.TrimSpace(m[f])
		if src == "" {
			continue
		}
		prog, err := compile(src)
		if err != nil {
			return nil, &incident.InvalidError{Field: "mapping." + f, Reason: err.Error()}
		}
		v, err := expr.Run(prog, env)
		if err != nil {
			return nil, &incident.InvalidError{Field: f, Reason: "mapping failed: " + err.Error()}
		}
		if err := assign(out, f, v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func assign(out *Mapped, field string, v any) error {
	switch field {
	case "message":
		out.Message = str(v)
	case "alias":
		out.Alias = str(v)
	case "priority":
		out.Priority = str(v)
	case "description":
		out.Description = str(v)
	case "close":
		b, ok := v.(bool)
		if !ok && v != nil {
			return &incident.InvalidError{Field: "close", Reason: fmt.Sprintf("mapping must give true or false, gave %T", v)}
		}
		out.Close = b
	case "details":
		obj, ok := v.(map[string]any)
		if !ok && v != nil {
			return &incident.InvalidError{Field: "details", Reason: fmt.Sprintf("mapping must give an object, gave %T", v)}
		}
		out.Details = map[string]string{}
		for k, val := range obj {
			out.Details[k] = str(val)
		}
	case "tags":
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				if s := str(x); s != "" {
					out.Tags = append(out.Tags, s)
				}
			}
		case string:
			for _, s := range strings.Split(t, ",") {
				if s = strings.TrimSpace(s); s != "" {
					out.Tags = append(out.Tags, s)
				}
			}
		case nil:
		default:
			return &incident.InvalidError{Field: "tags", Reason: fmt.Sprintf("mapping must give a list or a comma-separated string, gave %T", v)}
		}
		sort.Strings(out.Tags)
	}
	return nil
}

// str renders a JSON value as text: strings as they are, other values as JSON-ish.
func str(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case float64:
		if t == float64(int64(t)) {
			return fmt.Sprintf("%d", int64(t))
		}
		return fmt.Sprintf("%g", t)
	default:
		return fmt.Sprint(t)
	}
}
