package incident

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/ingestrequest"
)

// RequestStatus is the outcome of an API request (Opsgenie's request status).
type RequestStatus struct {
	Action, Status string
	Success        bool
	AlertID        int // 0 when no alert was involved
	Alias          string
	IntegrationID  int
	ProcessedAt    time.Time
}

// FindRequest returns the status of a request an integration made, or
// ErrNotFound. Statuses live in two places, both written by the statement
// that did the work: a create that opened an alert keeps its request id on
// the alert; everything else has an ingest_requests row.
func (s *Alerts) FindRequest(ctx context.Context, integrationID int, requestID string) (*RequestStatus, error) {
	rq, err := s.Client.IngestRequest.Query().
		Where(ingestrequest.RequestID(requestID), ingestrequest.IntegrationID(integrationID)).
		Only(ctx)
	if err == nil {
		out := &RequestStatus{Action: rq.Action, Status: rq.Status, Success: rq.Success, Alias: rq.Alias,
			IntegrationID: rq.IntegrationID, ProcessedAt: rq.ProcessedAt}
		if rq.AlertID != nil {
			out.AlertID = *rq.AlertID
		}
		return out, nil
	}
	if !ent.IsNotFound(err) {
		return nil, err
	}
	a, err := s.Client.Alert.Query().
		Where(alert.RequestID(requestID), alert.IntegrationID(integrationID)).
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &RequestStatus{Action: "Create", Status: StatusCreated, Success: true, AlertID: a.ID, Alias: a.Alias,
		IntegrationID: integrationID, ProcessedAt: a.CreatedAt}, nil
}
