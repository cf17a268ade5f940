package worker

import (
	"github.com/tocsin/tocsin/stakeholder"
)

// handleStakeholders registers the stakeholder tasks (package stakeholder):
// the fan-out of a declared incident or status update, each person's
// notification, and the hourly and daily digests.
func (w *Worker) handleStakeholders(s *stakeholder.Stakeholders) {
	if s == nil {
		return
	}
	w.mux.HandleFunc(stakeholder.TypeAnnounce, s.HandleAnnounce)
	w.mux.HandleFunc(stakeholder.TypeNotify, s.HandleNotify)
	w.mux.HandleFunc(stakeholder.TypeDigest, s.HandleDigest)
}
