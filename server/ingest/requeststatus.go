package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/incident"
)

// record runs one Opsgenie action and writes its request status in the same
// transaction, then answers 202. An action that could not apply (no such
// alert, wrong state) is rolled back and still answered 202, with a failed
// request status, as Opsgenie does. Invalid input is rolled back and
// returned (422): nothing is stored.
func (h *doors) record(c *call, action string, act func(ctx context.Context) (*ent.Alert, string, error)) (string, error) {
	tx, err := h.Client.Tx(c.ctx)
	if err != nil {
		return "", err
	}
	a, status, err := act(ent.NewTxContext(c.ctx, tx))
	var state *incident.StateError
	switch {
	case err == nil:
		if err := h.writeStatus(ent.NewTxContext(c.ctx, tx), tx.Client(), c, action, true, status, a); err != nil {
			_ = tx.Rollback()
			return "", err
		}
		if err := tx.Commit(); err != nil {
			return "", err
		}
	case errors.Is(err, incident.ErrNotFound), errors.As(err, &state):
		_ = tx.Rollback()
		status = err.Error()
		if err := h.writeStatus(c.ctx, h.Client, c, action, false, status, a); err != nil {
			return "", err
		}
	default:
		_ = tx.Rollback()
		return "", err
	}
	c.accepted()
	return action + ": " + status, nil
}

func (h *doors) writeStatus(ctx context.Context, client *ent.Client, c *call, action string, ok bool, status string, a *ent.Alert) error {
	q := client.IngestRequest.Create().
		SetRequestID(c.id).SetIntegrationID(c.i.ID).SetAction(action).
		SetSuccess(ok).SetStatus(status).SetProcessedAt(h.Now())
	if a != nil {
		q.SetAlertID(a.ID).SetAlias(a.Alias)
	}
	return q.Exec(ctx)
}

// requestStatus serves GET /v2/alerts/requests/{requestId}: the outcome of
// an earlier request of the same integration. Both "success" (Zabbix) and
// "isSuccess" (the OpenAPI spec, the Go SDK) are sent.
func (h *doors) requestStatus(c *call) (string, error) {
	id := c.r.PathValue("requestId")
	rq, err := h.Alerts.FindRequest(c.ctx, c.i.ID, id)
	if errors.Is(err, incident.ErrNotFound) {
		return "", &notFoundError{fmt.Sprintf("Request %q does not exist for this integration.", id)}
	}
	if err != nil {
		return "", err
	}
	alertID := ""
	if rq.AlertID != 0 {
		alertID = strconv.Itoa(rq.AlertID)
	}
	c.json(http.StatusOK, map[string]any{
		"data": map[string]any{
			"success":       rq.Success,
			"isSuccess":     rq.Success,
			"action":        rq.Action,
			"processedAt":   rq.ProcessedAt.UTC().Format(time.RFC3339Nano),
			"integrationId": strconv.Itoa(rq.IntegrationID),
			"status":        rq.Status,
			"alertId":       alertID,
			"alias":         rq.Alias,
		},
		"took":      c.took(),
		"requestId": c.id,
	})
	return "", nil
}
