package ingest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/incident"
)

// getAlert serves GET /v2/alerts/{identifier} in Opsgenie's Alert shape.
func (h *doors) getAlert(c *call) (string, error) {
	idType, err := identifierType(c)
	if err != nil {
		return "", err
	}
	a, err := h.Alerts.Find(c.ctx, c.i.ServiceID, c.r.PathValue("identifier"), idType)
	if err != nil {
		return "", err
	}
	data, err := h.opsgenieAlert(c, a)
	if err != nil {
		return "", err
	}
	c.json(http.StatusOK, map[string]any{"data": data, "took": c.took(), "requestId": c.id})
	return "", nil
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// opsgenieAlert is the Opsgenie Alert model of a Tocsin alert. Times are
// RFC 3339 or absent (never ""), ids and tinyId are strings, details are
// strings: the Go SDK fails on anything else.
func (h *doors) opsgenieAlert(c *call, a *ent.Alert) (map[string]any, error) {
	status := "open"
	if a.Status == alert.StatusCLOSED {
		status = "closed"
	}
	owner := ""
	if a.OwnerID != nil {
		u, err := h.Client.User.Get(c.ctx, *a.OwnerID)
		if err != nil && !ent.IsNotFound(err) {
			return nil, err
		}
		if u != nil {
			owner = u.Email
		}
	}
	out := map[string]any{
		"id":             strconv.Itoa(a.ID),
		"tinyId":         strconv.Itoa(incident.TinyID(a.ID)),
		"alias":          a.Alias,
		"message":        a.Message,
		"status":         status,
		"acknowledged":   a.AcknowledgedAt != nil,
		"isSeen":         a.AcknowledgedAt != nil,
		"tags":           a.Tags,
		"snoozed":        a.SnoozedUntil != nil && a.SnoozedUntil.After(h.Now()),
		"count":          a.Count,
		"lastOccurredAt": stamp(a.LastOccurredAt),
		"createdAt":      stamp(a.CreatedAt),
		"updatedAt":      stamp(a.UpdatedAt),
		"source":         a.Source,
		"owner":          owner,
		"priority":       string(a.Priority),
		"responders":     a.Responders,
		"actions":        a.Actions,
		"entity":         a.Entity,
		"description":    a.Description,
		"details":        a.Details,
	}
	if a.SnoozedUntil != nil {
		out["snoozedUntil"] = stamp(*a.SnoozedUntil)
	}
	if a.IntegrationID != nil {
		i, err := h.Client.Integration.Get(c.ctx, *a.IntegrationID)
		if err != nil && !ent.IsNotFound(err) {
			return nil, err
		}
		if i != nil {
			out["integration"] = map[string]string{"id": strconv.Itoa(i.ID), "name": i.Name, "type": string(i.Kind)}
		}
	}
	return out, nil
}
