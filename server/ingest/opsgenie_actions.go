package ingest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/incident"
)

// opsgenieActionBody is every field an action body may carry
// (AlertActionPayload plus each action's own); unknown fields, such as the
// Go SDK's IdentifierType and IdentifierValue, are ignored.
type opsgenieActionBody struct {
	User        string             `json:"user"`
	Source      string             `json:"source"`
	Note        string             `json:"note"`
	EndTime     string             `json:"endTime"`
	Owner       *opsgenieRecipient `json:"owner"`
	Escalation  *opsgenieRecipient `json:"escalation"`
	Message     *string            `json:"message"`
	Description *string            `json:"description"`
	Priority    *string            `json:"priority"`

	endTime time.Time
}

// opsgenieAction is one alert action: its path, its name in request
// statuses, what its body must hold, and the incident call.
type opsgenieAction struct {
	path, name, done string
	check            func(b *opsgenieActionBody) error
	do               func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error)
}

var (
	postActions = []opsgenieAction{
		{path: "acknowledge", name: "Acknowledge", done: "Acknowledged alert",
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				return h.Alerts.Acknowledge(ctx, by, a.ID, b.Note)
			}},
		{path: "unacknowledge", name: "UnAcknowledge", done: "Unacknowledged alert",
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				return h.Alerts.Unacknowledge(ctx, by, a.ID, b.Note)
			}},
		{path: "close", name: "Close", done: "Closed alert",
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				return h.Alerts.Close(ctx, by, a.ID, b.Note)
			}},
		{path: "notes", name: "AddNote", done: "Added note",
			check: func(b *opsgenieActionBody) error { return required("note", b.Note) },
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				return h.Alerts.AddNote(ctx, by, a.ID, b.Note)
			}},
		{path: "snooze", name: "Snooze", done: "Snoozed alert",
			check: checkEndTime,
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				changed, err := h.Alerts.Snooze(ctx, by, a.ID, b.endTime, b.Note)
				return changed, renamed(err, "until", "endTime")
			}},
		{path: "escalate", name: "Escalate", done: "Escalated alert to next",
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				return h.Alerts.EscalateNow(ctx, by, a.ID, b.Note)
			}},
		{path: "assign", name: "Assign", done: "Assigned alert",
			check: func(b *opsgenieActionBody) error {
				if b.Owner == nil || (trimmed(b.Owner.ID) == "" && trimmed(b.Owner.Username) == "") {
					return invalid("owner", "is required: {\"username\": \"<email>\"} or {\"id\": \"<user id>\"}")
				}
				return nil
			},
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				owner, err := h.userOf(ctx, b.Owner)
				if err != nil {
					return nil, err
				}
				return h.Alerts.Assign(ctx, by, a.ID, owner, b.Note)
			}},
	}
	putActions = []opsgenieAction{
		{path: "message", name: "UpdateMessage", done: "Updated message",
			check: func(b *opsgenieActionBody) error {
				if b.Message == nil || trimmed(*b.Message) == "" {
					return invalid("message", "is required")
				}
				*b.Message = cut(trimmed(*b.Message), opsgenieMaxMessage)
				return nil
			},
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				return h.Alerts.SetMessage(ctx, by, a.ID, *b.Message)
			}},
		{path: "description", name: "UpdateDescription", done: "Updated description",
			check: func(b *opsgenieActionBody) error {
				if b.Description == nil {
					return invalid("description", "is required")
				}
				if utf8.RuneCountInString(*b.Description) > incident.MaxDescription {
					return invalid("description", fmt.Sprintf("must be at most %d characters", incident.MaxDescription))
				}
				return nil
			},
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				return h.Alerts.SetDescription(ctx, by, a.ID, *b.Description)
			}},
		{path: "priority", name: "UpdatePriority", done: "Updated priority",
			check: func(b *opsgenieActionBody) error {
				if b.Priority == nil || *b.Priority == "" {
					return invalid("priority", "is required")
				}
				_, err := incident.ParsePriority(*b.Priority)
				return err
			},
			do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
				return h.Alerts.SetPriority(ctx, by, a.ID, *b.Priority)
			}},
	}
	// actionDelete closes: Tocsin keeps every alert's history.
	actionDelete = opsgenieAction{name: "Delete", done: "Closed alert (Tocsin closes on delete and keeps the history)",
		do: func(h *doors, ctx context.Context, by incident.Actor, a *ent.Alert, b *opsgenieActionBody) (*ent.Alert, error) {
			return h.Alerts.Close(ctx, by, a.ID, b.Note)
		}}
)

// renamed is err with an invalid field from the domain's name (from) to
// this door's (to); other errors as they are.
func renamed(err error, from, to string) error {
	var inv *incident.InvalidError
	if errors.As(err, &inv) && inv.Field == from {
		return &incident.InvalidError{Field: to, Reason: inv.Reason}
	}
	return err
}

func required(field, v string) error {
	if trimmed(v) == "" {
		return invalid(field, "is required")
	}
	return nil
}

func checkEndTime(b *opsgenieActionBody) error {
	if err := required("endTime", b.EndTime); err != nil {
		return err
	}
	t, err := time.Parse(time.RFC3339, trimmed(b.EndTime))
	if err != nil {
		return invalid("endTime", "must be a date-time such as 2026-11-23T20:00:00Z")
	}
	b.endTime = t
	return nil
}

// decodeOpsgenieAction reads an action body (which may be empty) and checks
// what the action needs. It touches no database (fuzzed).
func decodeOpsgenieAction(body []byte, a opsgenieAction) (*opsgenieActionBody, error) {
	b := &opsgenieActionBody{}
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := decodeJSON(body, b); err != nil {
			return nil, err
		}
	}
	if utf8.RuneCountInString(b.User) > opsgenieMaxUser {
		return nil, invalid("user", fmt.Sprintf("must be at most %d characters", opsgenieMaxUser))
	}
	if utf8.RuneCountInString(b.Note) > incident.MaxNote {
		return nil, invalid("note", fmt.Sprintf("must be at most %d characters", incident.MaxNote))
	}
	if a.check != nil {
		if err := a.check(b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func identifierType(c *call) (string, error) {
	t := c.r.URL.Query().Get("identifierType")
	switch t {
	case "":
		return incident.ByID, nil
	case incident.ByID, incident.ByAlias, incident.ByTiny:
		return t, nil
	}
	return "", invalid("identifierType", fmt.Sprintf("%q is not one of id, alias, tiny", t))
}

// opsgenieAction serves POST/PUT/DELETE /v2/alerts/{identifier}[/action].
func (h *doors) opsgenieAction(a opsgenieAction) handlerFunc {
	return func(c *call) (string, error) {
		idType, err := identifierType(c)
		if err != nil {
			return "", err
		}
		b, err := decodeOpsgenieAction(c.body, a)
		if err != nil {
			return "", err
		}
		if b.User == "" {
			b.User = trimmed(c.r.URL.Query().Get("user")) // DELETE carries user in the query
		}
		identifier := c.r.PathValue("identifier")
		return h.record(c, a.name, func(ctx context.Context) (*ent.Alert, string, error) {
			found, err := h.Alerts.Find(ctx, c.i.ServiceID, identifier, idType)
			if err != nil {
				return nil, "", err
			}
			changed, err := a.do(h, ctx, c.actor(b.User), found, b)
			if err != nil {
				return found, "", err
			}
			return changed, a.done, nil
		})
	}
}

// userOf finds the owner named by id or username (email).
func (h *doors) userOf(ctx context.Context, r *opsgenieRecipient) (int, error) {
	if id, err := strconv.Atoi(trimmed(r.ID)); err == nil {
		return id, nil
	}
	name := trimmed(r.Username)
	if name == "" {
		name = trimmed(r.ID)
	}
	id, err := h.Client.User.Query().Where(user.EmailEqualFold(name)).OnlyID(ctx)
	if ent.IsNotFound(err) {
		return 0, invalid("owner", fmt.Sprintf("no user %q", name))
	}
	return id, err
}
