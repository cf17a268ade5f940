package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/incident"
)

// created is what the create commands print with --json, for scripts.
type created struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
	Key  string `json:"key,omitempty"`
	URL  string `json:"url,omitempty"`
}

func printJSON(w io.Writer, c created) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(c)
}

// saveError words a failed create: a taken name, a broken rule, or the
// error as it came.
func saveError(what, name string, err error) error {
	var invalid *incident.InvalidError
	var verr *ent.ValidationError
	switch {
	case ent.IsConstraintError(err):
		return fmt.Errorf("a %s named %q already exists", what, name)
	case errors.As(err, &invalid):
		return fmt.Errorf("%s %q: %s", what, name, invalid.Error())
	case errors.As(err, &verr):
		return fmt.Errorf("%s %q: %s", what, name, verr.Error())
	}
	return fmt.Errorf("creating %s %q: %w", what, name, err)
}
