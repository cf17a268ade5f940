package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// PostgreSQL's text cannot hold the NUL character (U+0000): an alert with
// one anywhere would fail at the database as a 500, and the sender would
// lose it without knowing why. Every door refuses it here, before anything
// is stored, with a 422 that names the field: in the JSON body (decodeJSON),
// in a path value or in a query parameter (checkNUL, at the door).

// nulReason is what the answer says about the field.
const nulReason = `must not contain the NUL character (\u0000)`

// nulInJSON returns the path (alerts[3].labels.team) of the first string,
// key or value, that holds a NUL in a JSON document. A NUL in JSON text is
// always written \u0000 (a raw one is a syntax error), so documents without
// that text, nearly all, cost one scan.
func nulInJSON(body []byte) (string, bool) {
	if !bytes.Contains(body, []byte(`\u0000`)) {
		return "", false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var w jsonWalk
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false // broken JSON is decodeJSON's to report
		}
		if s, ok := tok.(string); ok && strings.ContainsRune(s, 0) {
			if w.atKey() {
				return w.path(strings.ReplaceAll(s, "\x00", `\u0000`)) + " (a key)", true
			}
			return w.path(""), true
		}
		w.step(tok)
	}
}

// jsonWalk follows where a token stream is: one frame per open object or
// array, with the key or index of the value being read.
type jsonWalk struct{ frames []jsonFrame }

type jsonFrame struct {
	object  bool
	wantKey bool // an object's next string is a key
	key     string
	index   int
}

func (w *jsonWalk) atKey() bool {
	n := len(w.frames)
	return n > 0 && w.frames[n-1].object && w.frames[n-1].wantKey
}

// step moves past one token.
func (w *jsonWalk) step(tok json.Token) {
	n := len(w.frames)
	if d, ok := tok.(json.Delim); ok {
		switch d {
		case '{', '[':
			w.frames = append(w.frames, jsonFrame{object: d == '{', wantKey: d == '{'})
		default:
			w.frames = w.frames[:n-1]
			w.valueDone()
		}
		return
	}
	if w.atKey() {
		w.frames[n-1].key, w.frames[n-1].wantKey = tok.(string), false
		return
	}
	w.valueDone()
}

// valueDone moves the innermost container past the value just read.
func (w *jsonWalk) valueDone() {
	n := len(w.frames)
	if n == 0 {
		return
	}
	if f := &w.frames[n-1]; f.object {
		f.wantKey = true
	} else {
		f.index++
	}
}

// path names the value being read (and then key, when not empty), the way
// the doors name fields: alerts[3].labels.team.
func (w *jsonWalk) path(key string) string {
	var b strings.Builder
	for i, f := range w.frames {
		last := i == len(w.frames)-1
		switch {
		case f.object && last && f.wantKey:
			// the key being read is named by the caller
		case f.object:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.key)
		default:
			fmt.Fprintf(&b, "[%d]", f.index)
		}
	}
	if key != "" {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(key)
	}
	if b.Len() == 0 {
		return "body"
	}
	return b.String()
}

// checkNUL refuses a NUL in the path values and query parameters a door
// reads (identifiers, heartbeat names, request ids, identifierType, user).
func checkNUL(c *call) error {
	for _, name := range []string{"identifier", "name", "requestId"} {
		if strings.ContainsRune(c.r.PathValue(name), 0) {
			return invalid(name, nulReason)
		}
	}
	for k, vs := range c.r.URL.Query() {
		if strings.ContainsRune(k, 0) {
			return invalid(strings.ReplaceAll(k, "\x00", `\u0000`)+" (a query parameter)", nulReason)
		}
		for _, v := range vs {
			if strings.ContainsRune(v, 0) {
				return invalid(k, nulReason)
			}
		}
	}
	return nil
}
