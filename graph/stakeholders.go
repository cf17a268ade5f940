package graph

import (
	"github.com/tocsin/tocsin/stakeholder"
)

// stakeholders is the subscription and preference store: the API only
// reads and writes rows (sending is the worker's), so the client is all
// it needs.
func (r *Resolver) stakeholders() *stakeholder.Stakeholders {
	return &stakeholder.Stakeholders{Client: r.Client, BaseURL: r.BaseURL}
}

func preferences(p stakeholder.Preferences, err error) (*stakeholder.Preferences, error) {
	if err != nil {
		return nil, err
	}
	return &p, nil
}
