// Package heartbeat watches for silence: a heartbeat expects a ping at least
// every interval. When none comes, the expiry sweep (run by workers, never
// by a request) opens an alert on the heartbeat's service; the next ping
// closes it. Several workers may sweep at once: each expiry is claimed with
// FOR UPDATE SKIP LOCKED, so one alert is opened per silence.
package heartbeat

import (
	"context"
	"errors"
	"fmt"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/tocsin/tocsin/ent"
	entheartbeat "github.com/tocsin/tocsin/ent/heartbeat"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// ErrNotFound is a ping for a heartbeat that does not exist (or belongs to
// another service than the key).
var ErrNotFound = errors.New("heartbeat not found")

// Config is what can be set on a heartbeat; nil fields stay (or default).
type Config struct {
	ServiceID       int
	Name            string
	Description     *string
	IntervalSeconds *int
	Enabled         *bool
	AlertMessage    *string
	AlertPriority   *entheartbeat.AlertPriority
	AlertTags       []string
}

// Create adds a heartbeat; the first ping is due one interval from now.
func Create(ctx context.Context, c *ent.Client, cfg Config) (*ent.Heartbeat, error) {
	if cfg.IntervalSeconds == nil {
		return nil, &incident.InvalidError{Field: "intervalSeconds", Reason: "is required"}
	}
	b := c.Heartbeat.Create().SetServiceID(cfg.ServiceID).SetName(cfg.Name).
		SetNillableDescription(cfg.Description).SetIntervalSeconds(*cfg.IntervalSeconds).
		SetNillableAlertMessage(cfg.AlertMessage).SetNillableAlertPriority(cfg.AlertPriority).
		SetExpiresAt(time.Now().Add(time.Duration(*cfg.IntervalSeconds) * time.Second))
	if cfg.AlertTags != nil {
		b.SetAlertTags(cfg.AlertTags)
	}
	return b.Save(ctx)
}

// Update changes a heartbeat; a new interval counts from the last ping.
func Update(ctx context.Context, c *ent.Client, id int, cfg Config) (*ent.Heartbeat, error) {
	h, err := c.Heartbeat.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	u := c.Heartbeat.UpdateOne(h).SetNillableDescription(cfg.Description).SetNillableEnabled(cfg.Enabled).
		SetNillableAlertMessage(cfg.AlertMessage).SetNillableAlertPriority(cfg.AlertPriority)
	if cfg.AlertTags != nil {
		u.SetAlertTags(cfg.AlertTags)
	}
	if cfg.IntervalSeconds != nil {
		from := time.Now()
		if h.LastPingAt != nil {
			from = *h.LastPingAt
		}
		u.SetIntervalSeconds(*cfg.IntervalSeconds).SetExpiresAt(from.Add(time.Duration(*cfg.IntervalSeconds) * time.Second))
	}
	return u.Save(ctx)
}

// Monitor pings and expires heartbeats.
type Monitor struct {
	Client *ent.Client
	Alerts *incident.Alerts
	Now    func() time.Time
}

// Alias is the alert alias a heartbeat's expiry uses, so a repeat silence
// dedupes and a ping can close it.
func Alias(h *ent.Heartbeat) string { return "heartbeat:" + h.Name }

// Ping records a ping for the named heartbeat of the service; if it had
// expired, its alert is closed.
func (m *Monitor) Ping(ctx context.Context, serviceID int, name string) (*ent.Heartbeat, error) {
	sys := viewer.System(ctx)
	now := m.Now()
	h, err := m.Client.Heartbeat.Query().Where(entheartbeat.Name(name), entheartbeat.ServiceID(serviceID)).Only(sys)
	if ent.IsNotFound(err) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	wasExpired := h.Expired
	h, err = m.Client.Heartbeat.UpdateOne(h).SetLastPingAt(now).SetExpired(false).
		SetExpiresAt(now.Add(time.Duration(h.IntervalSeconds) * time.Second)).Save(sys)
	if err != nil || !wasExpired {
		return h, err
	}
	a, err := m.Alerts.Find(sys, serviceID, Alias(h), incident.ByAlias)
	if errors.Is(err, incident.ErrNotFound) {
		return h, nil
	}
	if err != nil {
		return h, err
	}
	_, err = m.Alerts.Close(sys, incident.SystemActor("Heartbeat "+h.Name), a.ID, "Ping received: the heartbeat is alive again.")
	var state *incident.StateError
	if errors.As(err, &state) {
		err = nil // already closed by someone
	}
	return h, err
}

// Sweep expires every enabled heartbeat whose ping is overdue, opening one
// alert each, and returns how many expired.
func (m *Monitor) Sweep(ctx context.Context) (int, error) {
	n := 0
	for {
		expired, err := m.expireOne(ctx)
		if err != nil || !expired {
			return n, err
		}
		n++
	}
}

func (m *Monitor) expireOne(ctx context.Context) (bool, error) {
	sys := viewer.System(ctx)
	tx, err := m.Client.Tx(sys)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	now := m.Now()
	h, err := tx.Heartbeat.Query().
		Where(entheartbeat.Enabled(true), entheartbeat.Expired(false), entheartbeat.ExpiresAtLTE(now)).
		Order(ent.Asc(entheartbeat.FieldExpiresAt)).Limit(1).
		ForUpdate(sql.WithLockAction(sql.SkipLocked)).Only(sys)
	if ent.IsNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := tx.Heartbeat.UpdateOne(h).SetExpired(true).Exec(sys); err != nil {
		return false, err
	}
	msg := h.AlertMessage
	if msg == "" {
		msg = fmt.Sprintf("Heartbeat %s expired: no ping for %s", h.Name, time.Duration(h.IntervalSeconds)*time.Second)
	}
	txCtx := ent.NewTxContext(sys, tx)
	if _, err := m.Alerts.Create(txCtx, incident.SystemActor("Heartbeat "+h.Name), incident.NewAlert{
		ServiceID: h.ServiceID, Alias: Alias(h), Message: msg, Description: h.Description,
		Priority: incident.PriorityOf(string(h.AlertPriority)), Tags: h.AlertTags, Source: "heartbeat",
		Details: map[string]string{"heartbeat": h.Name, "interval_seconds": fmt.Sprint(h.IntervalSeconds)},
	}); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
