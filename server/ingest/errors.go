package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
)

// style is the error shape a door answers in.
type style int

const (
	// opsgenieStyle: {"message","errors":{field:reason},"took","requestId"}; the
	// Opsgenie SDK, Zabbix and Kibana all show message or errors. The webhooks use it too.
	opsgenieStyle style = iota
	// pagerDutyStyle: {"status","message","errors":[…]}, which Alertmanager logs on a 400.
	pagerDutyStyle
)

// Errors of the door itself; domain errors come from incident and integration.
type malformedError struct{ reason string }

func (e *malformedError) Error() string { return e.reason }

type forbiddenError struct {
	kind entintegration.Kind
	want []entintegration.Kind
}

func (e *forbiddenError) Error() string {
	want := make([]string, len(e.want))
	for i, k := range e.want {
		want[i] = string(k)
	}
	return fmt.Sprintf("To perform this action, use an API key from a %s integration; this key belongs to a %s integration.",
		strings.Join(want, " or "), e.kind)
}

type throttledError struct {
	retryAfter time.Duration
	limit      int
}

func (e *throttledError) Error() string {
	return fmt.Sprintf("Too many alerts: this integration may send %d a minute (each alert of a request counts); retry after %d s.", e.limit, e.seconds())
}

func (e *throttledError) seconds() int {
	s := int((e.retryAfter + time.Second - 1) / time.Second)
	return max(s, 1)
}

// tooManyAlertsError is a webhook with more than MaxAlerts alerts.
type tooManyAlertsError struct{ n int }

func (e *tooManyAlertsError) Error() string {
	return fmt.Sprintf("The request carries %d alerts; at most %d are taken in one request. "+
		"Set max_alerts: %d in Alertmanager's webhook_config (Grafana: Max alerts), or group by more labels.", e.n, MaxAlerts, MaxAlerts)
}

type notFoundError struct{ what string }

func (e *notFoundError) Error() string { return e.what }

var (
	errTooLarge       = errors.New("the request body is larger than the limit of 512 KiB")
	errUnknownKeyForm = errors.New(`send the key as "Authorization: GenieKey <key>", "Bearer <key>", Basic auth with the key as password, or ?apiKey=<key>`)
)

func invalid(field, reason string) error { return &incident.InvalidError{Field: field, Reason: reason} }

// fail is the one place errors become HTTP answers.
func (c *call) fail(err error) {
	var (
		inv       *incident.InvalidError
		malformed *malformedError
		forbidden *forbiddenError
		throttled *throttledError
		missing   *notFoundError
		tooMany   *tooManyAlertsError
	)
	status, message, fields := http.StatusInternalServerError, "Internal Server Error", map[string]string(nil)
	switch {
	case errors.As(err, &malformed):
		status, message = http.StatusBadRequest, "Request body is not valid: "+malformed.reason
	case errors.As(err, &inv):
		status, message = http.StatusUnprocessableEntity, "Request body is not processable. Please check the errors."
		fields = map[string]string{inv.Field: inv.Reason}
	case errors.As(err, &tooMany):
		status, message = http.StatusRequestEntityTooLarge, tooMany.Error()
		fields = map[string]string{"alerts": fmt.Sprintf("must hold at most %d alerts, not %d", MaxAlerts, tooMany.n)}
	case errors.Is(err, errTooLarge):
		status, message = http.StatusRequestEntityTooLarge, "Request body is too large: the limit is 512 KiB."
	case errors.Is(err, integration.ErrUnknownKey), errors.Is(err, integration.ErrDisabled), errors.Is(err, errUnknownKeyForm):
		status, message = http.StatusUnauthorized, "Could not authenticate: "+err.Error()
	case errors.As(err, &forbidden):
		status, message = http.StatusForbidden, forbidden.Error()
	case errors.As(err, &throttled):
		status, message = http.StatusTooManyRequests, throttled.Error()
		h := c.w.Header()
		h.Set("Retry-After", strconv.Itoa(throttled.seconds()))
		h.Set("X-RateLimit-State", "THROTTLED")
		h.Set("X-RateLimit-Reason", "INTEGRATION")
		h.Set("X-RateLimit-Period-In-Sec", "60")
	case errors.As(err, &missing):
		status, message = http.StatusNotFound, missing.what
	case errors.Is(err, incident.ErrNotFound):
		status, message = http.StatusNotFound, err.Error()
	case errors.Is(err, heartbeat.ErrNotFound):
		status, message = http.StatusNotFound, "Heartbeat "+strconv.Quote(c.r.PathValue("name"))+" does not exist on the service of this key."
	default:
		slog.ErrorContext(c.ctx, "ingest request failed", "path", c.r.URL.Path, "request_id", c.id, "err", err)
	}
	if c.style == pagerDutyStyle {
		c.failPagerDuty(status, message, fields, err)
		return
	}
	body := map[string]any{"message": message, "took": c.took(), "requestId": c.id}
	if fields != nil {
		body["errors"] = fields
	} else if status == http.StatusBadRequest {
		body["errors"] = map[string]string{"body": malformed.reason}
	}
	if status == http.StatusForbidden {
		body["code"] = 40301
	}
	c.json(status, body)
}

// failPagerDuty answers in the Events API's shape; PagerDuty uses 400, not
// 422, for an event that breaks a rule.
func (c *call) failPagerDuty(status int, message string, fields map[string]string, err error) {
	pdStatus, list := "error", []string{message}
	switch status {
	case http.StatusBadRequest, http.StatusUnprocessableEntity, http.StatusRequestEntityTooLarge:
		pdStatus, message = "invalid event", "Event object is invalid"
		list = []string{err.Error()}
		if status == http.StatusUnprocessableEntity {
			status = http.StatusBadRequest
			list = list[:0]
			for f, r := range fields {
				list = append(list, f+" "+r)
			}
		}
		if status == http.StatusRequestEntityTooLarge {
			list = []string{"Event object is larger than 512 KiB"}
		}
	case http.StatusTooManyRequests:
		pdStatus, message = "throttle event", "Request Limit Exceeded"
	case http.StatusUnauthorized, http.StatusForbidden:
		pdStatus = "invalid event"
		list = []string{err.Error()}
		message = "Routing key is not valid for this integration"
	}
	c.json(status, pagerDutyAnswer{Status: pdStatus, Message: message, Errors: list})
}

// notFound answers routes that do not exist (or a wrong method) as JSON.
func notFound(w http.ResponseWriter, r *http.Request, allow []string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	status, msg := http.StatusNotFound, "No ingest route "+r.Method+" "+r.URL.Path+"."
	if len(allow) > 0 {
		status, msg = http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path+"; use "+strings.Join(allow, ", ")+"."
		w.Header().Set("Allow", strings.Join(allow, ", "))
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"message": msg})
}
