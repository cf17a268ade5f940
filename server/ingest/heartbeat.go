package ingest

import "net/http"

// heartbeatPing serves GET|POST|PUT|PATCH /v2/heartbeats/{name}/ping with an
// OPSGENIE or HEARTBEAT key of the heartbeat's service. The body (often
// Alertmanager's webhook JSON from a Watchdog alert) is ignored.
func (h *doors) heartbeatPing(c *call) (string, error) {
	name := c.r.PathValue("name")
	if _, err := h.Heartbeats.Ping(c.ctx, c.i.ServiceID, name); err != nil {
		return "", err
	}
	c.json(http.StatusAccepted, result{"PONG - Heartbeat received", c.took(), c.id})
	return "Ping: heartbeat " + name, nil
}
