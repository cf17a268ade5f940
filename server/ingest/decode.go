package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tocsin/tocsin/incident"
)

// decodeJSON decodes one JSON object into v; unknown fields are ignored.
// Broken JSON is a malformedError (400); a field of the wrong type, or a
// string holding a NUL anywhere in the body, is an InvalidError naming it
// (422).
func decodeJSON(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return &malformedError{"the body is empty; send a JSON object"}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	err := dec.Decode(v)
	var (
		syntax   *json.SyntaxError
		wrongTyp *json.UnmarshalTypeError
	)
	switch {
	case err == nil:
		if _, err := dec.Token(); err != io.EOF {
			return &malformedError{"there is more after the JSON object"}
		}
		if field, found := nulInJSON(body); found {
			return invalid(field, nulReason)
		}
		return nil
	case errors.As(err, &wrongTyp) && wrongTyp.Field != "":
		return invalid(wrongTyp.Field, fmt.Sprintf("must be %s, not a JSON %s", jsonKind(wrongTyp.Type), wrongTyp.Value))
	case errors.As(err, &wrongTyp):
		return &malformedError{"the body must be a JSON object, not a JSON " + wrongTyp.Value}
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return &malformedError{"not valid JSON: " + err.Error()}
	default:
		return &malformedError{"not valid JSON: " + err.Error()}
	}
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	default:
		return "a number"
	}
}

// text renders a JSON value as a detail string: strings as they are,
// numbers without exponent where possible, anything else as compact JSON.
func text(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(t)
	default:
		b, err := json.Marshal(t)
		if err != nil {
			return fmt.Sprint(t)
		}
		return string(b)
	}
}

// flatten turns a JSON object's values into strings (nested values as JSON).
func flatten(m map[string]any) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = text(v)
	}
	return out
}

// cut shortens s to at most n runes.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// fitDetails keeps details within incident.MaxDetailsLen for senders that
// cannot be asked to send less (webhooks, PagerDuty): keys in order, long
// values shortened, and what did not fit dropped, noted in "tocsin_truncated".
func fitDetails(d map[string]string) map[string]string {
	total := 0
	for k, v := range d {
		total += utf8.RuneCountInString(k) + utf8.RuneCountInString(v)
	}
	if total <= incident.MaxDetailsLen {
		return d
	}
	const mark, markValue = "tocsin_truncated", "true"
	budget := incident.MaxDetailsLen - len(mark) - len(markValue)
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := map[string]string{mark: markValue}
	for _, k := range keys {
		k2 := cut(k, 100)
		room := budget - utf8.RuneCountInString(k2)
		if room <= 0 {
			break
		}
		v := cut(d[k], min(room, 1000))
		out[k2] = v
		budget -= utf8.RuneCountInString(k2) + utf8.RuneCountInString(v)
	}
	return out
}

// trimmed is strings.TrimSpace, named for reading at call sites.
func trimmed(s string) string { return strings.TrimSpace(s) }
