package ingest

import (
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
)

// decodeGeneric runs a GENERIC integration's mapping on a JSON object body
// and returns the alert to open, or the alias to close. It touches no
// database (fuzzed).
func decodeGeneric(body []byte, mapping map[string]string) (hookAlert, error) {
	var obj map[string]any
	if err := decodeJSON(body, &obj); err != nil {
		return hookAlert{}, err
	}
	if obj == nil {
		return hookAlert{}, &malformedError{"the body must be a JSON object, not null"}
	}
	m, err := integration.Apply(mapping, obj)
	if err != nil {
		return hookAlert{}, err
	}
	n := incident.NewAlert{
		Alias:       trimmed(m.Alias),
		Message:     cut(trimmed(m.Message), incident.MaxMessage),
		Description: m.Description,
		Priority:    incident.PriorityOf(m.Priority),
		Details:     m.Details,
		Tags:        m.Tags,
		Source:      "generic webhook",
	}
	if m.Close {
		if n.Alias == "" {
			return hookAlert{}, invalid("alias", "is required to close: the mapping gave none")
		}
		return hookAlert{Resolved: true, Alert: n}, nil
	}
	if err := n.Validate(); err != nil {
		return hookAlert{}, err
	}
	return hookAlert{Alert: n}, nil
}

// generic serves POST /hooks/generic.
func (h *doors) generic(c *call) (string, error) {
	ha, err := decodeGeneric(c.body, c.i.Mapping)
	if err != nil {
		return "", err
	}
	return h.applyHook(c, []hookAlert{ha})
}
