package ingest

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// call is one request on its way through a door.
type call struct {
	w     http.ResponseWriter
	r     *http.Request
	ctx   context.Context // the system viewer: doors act for an integration, not a user
	start time.Time
	id    string // requestId, also X-Request-ID
	style style
	body  []byte
	i     *ent.Integration
	// event is what the key was read from when it travels in the body (PagerDuty).
	event any
}

// handlerFunc serves an authenticated, admitted request. It writes its own
// success answer and returns what to note as the integration's last result
// ("" for reads); a returned error is answered by the door.
type handlerFunc func(c *call) (result string, err error)

// door wraps a handler with the steps every request takes, in this order:
// body limit (413), key (401), key kind (403), for webhooks with many
// alerts the body (400, 422, and 413 beyond MaxAlerts), rate limit charged
// per alert (429), a NUL in a path value or query parameter (422). Errors of
// the handler become answers in the door's style.
func (h *doors) door(st style, kinds kindSet) func(handlerFunc) http.Handler {
	return func(serve handlerFunc) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c := &call{w: w, r: r, ctx: viewer.System(r.Context()), start: time.Now(), id: newUUID(), style: st}
			result, err := h.admit(c, kinds)
			if err == nil {
				result, err = serve(c)
			}
			if err != nil {
				c.fail(err)
				return
			}
			if result != "" {
				h.Integrations.Received(c.ctx, c.i, result)
			}
		})
	}
}

// admit reads the body and checks key, kind and rate limit.
func (h *doors) admit(c *call, kinds kindSet) (string, error) {
	body, err := readBody(c.r)
	if err != nil {
		return "", err
	}
	c.body = body
	key, err := kinds.keyOf(c)
	if err != nil {
		return "", err
	}
	i, err := h.Integrations.Authenticate(c.ctx, key)
	if err != nil {
		return "", err
	}
	if !kinds.allows(i.Kind) {
		return "", &forbiddenError{kind: i.Kind, want: kinds.kinds}
	}
	c.i = i
	alerts := 1
	if kinds.batch != nil {
		if alerts, err = kinds.batch(c); err != nil {
			return "", err
		}
	}
	d := h.Integrations.AllowAlerts(c.ctx, i, alerts)
	c.w.Header().Set("X-RateLimit-Limit", strconv.Itoa(d.Limit))
	c.w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(max(d.Remaining, 0)))
	if !d.Allowed {
		return "", &throttledError{retryAfter: d.RetryAfter, limit: d.Limit}
	}
	return "", checkNUL(c)
}

func readBody(r *http.Request) ([]byte, error) {
	if r.ContentLength > MaxBody {
		return nil, errTooLarge
	}
	if r.Body == nil {
		return nil, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil {
		return nil, &malformedError{"could not read the request body: " + err.Error()}
	}
	if len(body) > MaxBody {
		return nil, errTooLarge
	}
	return body, nil
}

// actor is the timeline actor: what the sender called itself, else the integration's name.
func (c *call) actor(user string) incident.Actor {
	if user == "" {
		user = c.i.Name
	}
	return incident.IntegrationActor(c.i.ID, user)
}

// took is the time spent so far in seconds, as Opsgenie reports it.
func (c *call) took() float64 {
	return math.Round(time.Since(c.start).Seconds()*1000) / 1000
}

// json writes v with the headers every Tocsin ingest answer carries.
func (c *call) json(status int, v any) {
	h := c.w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Request-ID", c.id)
	h.Set("X-Response-Time", strconv.FormatFloat(c.took(), 'f', 3, 64))
	c.w.WriteHeader(status)
	if err := json.NewEncoder(c.w).Encode(v); err != nil {
		slog.DebugContext(c.ctx, "writing ingest answer", "err", err)
	}
}

// result is Opsgenie's answer to an accepted request, fields in its order.
// It has no "data": the Go SDK would then read only that.
type result struct {
	Result    string  `json:"result"`
	Took      float64 `json:"took"`
	RequestID string  `json:"requestId"`
}

// accepted is Opsgenie's 202.
func (c *call) accepted() {
	c.json(http.StatusAccepted, result{"Request will be processed", c.took(), c.id})
}
