package ingest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tocsin/tocsin/incident"
)

// Opsgenie's own limits beyond incident's.
const (
	opsgenieMaxMessage = 130 // runes; Opsgenie truncates, as Alertmanager and Grafana do before sending
	opsgenieMaxUser    = 100
)

type opsgenieRecipient struct {
	Type     string `json:"type"`
	ID       string `json:"id"`
	Name     string `json:"name"`
	Username string `json:"username"`
}

// opsgenieCreate is the body of POST /v2/alerts (CreateAlertPayload).
type opsgenieCreate struct {
	Message     string              `json:"message"`
	Alias       string              `json:"alias"`
	Description string              `json:"description"`
	Responders  []opsgenieRecipient `json:"responders"`
	VisibleTo   []opsgenieRecipient `json:"visibleTo"`
	Actions     []string            `json:"actions"`
	Tags        []string            `json:"tags"`
	Details     map[string]any      `json:"details"`
	Entity      string              `json:"entity"`
	Source      string              `json:"source"`
	Priority    string              `json:"priority"`
	User        string              `json:"user"`
	Note        string              `json:"note"`
}

// decodeOpsgenieCreate turns a create body into a checked incident.NewAlert
// and the sender's user name. It touches no database (fuzzed).
func decodeOpsgenieCreate(body []byte, callerIP string) (incident.NewAlert, string, error) {
	var in opsgenieCreate
	if err := decodeJSON(body, &in); err != nil {
		return incident.NewAlert{}, "", err
	}
	if utf8.RuneCountInString(in.User) > opsgenieMaxUser {
		return incident.NewAlert{}, "", invalid("user", fmt.Sprintf("must be at most %d characters", opsgenieMaxUser))
	}
	responders, err := recipients("responders", in.Responders, "team", "user", "escalation", "schedule")
	if err != nil {
		return incident.NewAlert{}, "", err
	}
	if _, err := recipients("visibleTo", in.VisibleTo, "team", "user"); err != nil {
		return incident.NewAlert{}, "", err
	}
	source := trimmed(in.Source)
	if source == "" {
		source = callerIP
	}
	n := incident.NewAlert{
		Alias:       trimmed(in.Alias),
		Message:     cut(trimmed(in.Message), opsgenieMaxMessage),
		Description: in.Description,
		Source:      source,
		Entity:      in.Entity,
		Note:        in.Note,
		Details:     flatten(in.Details),
		Tags:        in.Tags,
		Priority:    incident.PriorityOf(in.Priority),
		Actions:     in.Actions,
		Responders:  responders,
	}
	if err := n.Validate(); err != nil {
		return incident.NewAlert{}, "", err
	}
	return n, trimmed(in.User), nil
}

// recipients checks responders/visibleTo as Opsgenie does and keeps what was sent.
func recipients(field string, rs []opsgenieRecipient, types ...string) ([]map[string]string, error) {
	var out []map[string]string
	for _, r := range rs {
		t := strings.ToLower(trimmed(r.Type))
		ok := false
		for _, want := range types {
			ok = ok || t == want
		}
		if !ok {
			return nil, invalid(field+"#type", fmt.Sprintf("Invalid recipient type '%s'", r.Type))
		}
		if r.ID == "" && r.Name == "" && r.Username == "" {
			return nil, invalid(field, fmt.Sprintf("a %s recipient needs an id, a name or a username", t))
		}
		m := map[string]string{"type": t}
		for k, v := range map[string]string{"id": r.ID, "name": r.Name, "username": r.Username} {
			if v != "" {
				m[k] = cut(v, 200)
			}
		}
		out = append(out, m)
	}
	return out, nil
}

// opsgenieCreate serves POST /v2/alerts: create, or count a repeat of the
// open alert with the alias. The request status is written by the create
// statement itself (n.RequestID), so it exists before the 202.
func (h *doors) opsgenieCreate(c *call) (string, error) {
	n, user, err := decodeOpsgenieCreate(c.body, callerIP(c.r))
	if err != nil {
		return "", err
	}
	n.ServiceID, n.IntegrationID, n.RequestID = c.i.ServiceID, c.i.ID, c.id
	out, err := h.Alerts.Create(c.ctx, c.actor(user), n)
	if err != nil {
		return "", err
	}
	c.accepted()
	if out.Deduplicated {
		return "Create: " + incident.StatusDeduplicated, nil
	}
	return "Create: " + incident.StatusCreated, nil
}
