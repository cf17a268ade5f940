package graph

import (
	"sort"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/graph/model"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
)

func (r *Resolver) keyPayload(i *ent.Integration, key string) *model.IntegrationKeyPayload {
	s := r.Integrations.Snippets(i, key)
	return &model.IntegrationKeyPayload{Integration: i, Key: key, Snippets: &s}
}

func derefInt(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// testMapping runs a GENERIC mapping on a sample and reports what would be
// stored, and every rule the result breaks.
func testMapping(mapping map[string]string, sample map[string]any) *model.MappingResult {
	res := &model.MappingResult{Details: map[string]any{}, Tags: []string{}, Errors: []string{}}
	if err := integration.CheckMapping(mapping); err != nil {
		res.Errors = append(res.Errors, err.Error())
		return res
	}
	m, err := integration.Apply(mapping, sample)
	if err != nil {
		res.Errors = append(res.Errors, err.Error())
		return res
	}
	res.Message, res.Alias, res.Priority, res.Description, res.Close = m.Message, m.Alias, m.Priority, m.Description, m.Close
	for k, v := range m.Details {
		res.Details[k] = v
	}
	if m.Tags != nil {
		res.Tags = m.Tags
	}
	n := incident.NewAlert{Message: m.Message, Alias: m.Alias, Description: m.Description, Priority: "",
		Details: m.Details, Tags: m.Tags}
	if p, err := incident.ParsePriority(m.Priority); err != nil {
		res.Errors = append(res.Errors, err.Error())
	} else {
		n.Priority = p
		res.Priority = string(p)
	}
	if !m.Close {
		if err := n.Validate(); err != nil {
			res.Errors = append(res.Errors, err.Error())
		}
	}
	sort.Strings(res.Errors)
	return res
}
