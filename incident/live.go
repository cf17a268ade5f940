package incident

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/viewer"
)

// Live topics (package live) and their payloads. Payloads carry ids only:
// a subscriber re-reads the rows through ent as its own viewer, so privacy
// applies to what it is sent. See docs/live.md.
const (
	// TopicAlerts: an alert was created or changed; AlertChange.
	TopicAlerts = "alerts"
	// TopicIncidents: an incident was created or changed; IncidentChange.
	TopicIncidents = "incidents"
)

// TopicIncidentTimeline: a timeline event of an incident; TimelineChange.
func TopicIncidentTimeline(incidentID int) string {
	return fmt.Sprintf("timeline:incident:%d", incidentID)
}

// TopicAlertTimeline: a timeline event of an alert; TimelineChange.
func TopicAlertTimeline(alertID int) string { return fmt.Sprintf("timeline:alert:%d", alertID) }

// TopicOnCall: a schedule's layers or overrides changed; OnCallChange.
func TopicOnCall(scheduleID int) string { return fmt.Sprintf("oncall:%d", scheduleID) }

// TimelineChange is the payload of the timeline topics.
type TimelineChange struct {
	ID         int    `json:"id"`
	AlertID    int    `json:"alert_id,omitempty"`
	IncidentID int    `json:"incident_id,omitempty"`
	Visibility string `json:"visibility"`
}

// AlertChange is the payload of TopicAlerts.
type AlertChange struct {
	ID int `json:"id"`
}

// IncidentChange is the payload of TopicIncidents.
type IncidentChange struct {
	ID int `json:"id"`
}

// OnCallChange is the payload of TopicOnCall.
type OnCallChange struct {
	ScheduleID int `json:"schedule_id"`
}

// Publisher sends live events (a *live.Broker).
type Publisher interface {
	Publish(ctx context.Context, topic string, payload []byte) error
}

var _ Publisher = (*live.Broker)(nil)

// PublishChanges makes every change written through client publish its
// live event once its transaction commits (at once outside a transaction):
// timeline events, alerts, incidents, schedule layers and overrides. It is
// the one home of publishing, whatever door or process made the change.
// Alerts created by Create's single statement are published by Create.
func PublishChanges(client *ent.Client, p Publisher) {
	client.TimelineEvent.Use(publishHook(p, func(ctx context.Context, m ent.Mutation, v ent.Value, ids []int) []event {
		if !m.Op().Is(ent.OpCreate) {
			return joined(ctx, m, ids)
		}
		e, ok := v.(*ent.TimelineEvent)
		if !ok {
			return nil
		}
		c := TimelineChange{ID: e.ID, Visibility: string(e.Visibility)}
		var out []event
		if e.AlertID != nil {
			c.AlertID = *e.AlertID
		}
		if e.IncidentID != nil {
			c.IncidentID = *e.IncidentID
			out = append(out, event{TopicIncidentTimeline(*e.IncidentID), c})
		}
		if e.AlertID != nil {
			out = append(out, event{TopicAlertTimeline(*e.AlertID), c})
		}
		return out
	}, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne))
	client.Alert.Use(publishHook(p, func(_ context.Context, _ ent.Mutation, v ent.Value, ids []int) []event {
		if a, ok := v.(*ent.Alert); ok {
			ids = []int{a.ID}
		}
		return each(ids, func(id int) event { return event{TopicAlerts, AlertChange{id}} })
	}, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne|ent.OpDeleteOne|ent.OpDelete))
	client.Incident.Use(publishHook(p, func(_ context.Context, _ ent.Mutation, v ent.Value, ids []int) []event {
		if i, ok := v.(*ent.Incident); ok {
			ids = []int{i.ID}
		}
		return each(ids, func(id int) event { return event{TopicIncidents, IncidentChange{id}} })
	}, ent.OpCreate|ent.OpUpdate|ent.OpUpdateOne|ent.OpDeleteOne|ent.OpDelete))
	client.ScheduleLayer.Use(scheduleHook(p, func(ctx context.Context, c *ent.Client, ids []int) ([]int, error) {
		return c.ScheduleLayer.Query().Where(schedulelayer.IDIn(ids...)).Select(schedulelayer.FieldScheduleID).Ints(ctx)
	}))
	client.ScheduleOverride.Use(scheduleHook(p, func(ctx context.Context, c *ent.Client, ids []int) ([]int, error) {
		return c.ScheduleOverride.Query().Where(scheduleoverride.IDIn(ids...)).Select(scheduleoverride.FieldScheduleID).Ints(ctx)
	}))
}

// joined announces, on the incident's timeline, existing entries an update
// moved into an incident: an alert's story so far when the alert is linked
// (links.go). Their ids are older than the link's own event, so a
// subscriber that already read past them learns of them only from this.
func joined(ctx context.Context, m ent.Mutation, ids []int) []event {
	tm, ok := m.(*ent.TimelineEventMutation)
	if !ok || len(ids) == 0 {
		return nil
	}
	incidentID, set := tm.IncidentID()
	if !set {
		return nil
	}
	rows, err := tm.Client().TimelineEvent.Query().Where(timelineevent.IDIn(ids...)).
		Order(ent.Asc(timelineevent.FieldID)).All(viewer.System(ctx))
	if err != nil {
		slog.WarnContext(ctx, "live: reading the entries that joined an incident", "incident", incidentID, "err", err)
		return nil
	}
	out := make([]event, 0, len(rows))
	for _, e := range rows {
		c := TimelineChange{ID: e.ID, IncidentID: incidentID, Visibility: string(e.Visibility)}
		if e.AlertID != nil {
			c.AlertID = *e.AlertID
		}
		out = append(out, event{TopicIncidentTimeline(incidentID), c})
	}
	return out
}

// publishCreated publishes an alert written by Create's statement (which
// ent hooks do not see): the alert and its new timeline entries.
func (s *Alerts) publishCreated(ctx context.Context, out *Created) {
	if s.Live == nil {
		return
	}
	send(context.WithoutCancel(ctx), s.Live, []event{
		{TopicAlerts, AlertChange{out.ID}},
		// The statement does not return the entries' ids: subscribers
		// of the alert's timeline read what is new after their last one.
		{TopicAlertTimeline(out.ID), TimelineChange{AlertID: out.ID, Visibility: "INTERNAL"}},
	})
}

type event struct {
	topic   string
	payload any
}

// idMutation is what every generated mutation offers.
type idMutation interface {
	ent.Mutation
	IDs(ctx context.Context) ([]int, error)
	Client() *ent.Client
}

// txMutation reports the mutation's transaction (an error outside one).
type txMutation interface{ Tx() (*ent.Tx, error) }

// publishHook publishes what events says after the mutation succeeded and
// its transaction committed. ids are the rows an update or delete touched
// (read before it runs); creates pass the new row as v.
func publishHook(p Publisher, events func(context.Context, ent.Mutation, ent.Value, []int) []event, ops ent.Op) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if !m.Op().Is(ops) {
				return next.Mutate(ctx, m)
			}
			var ids []int
			if !m.Op().Is(ent.OpCreate) {
				if im, ok := m.(idMutation); ok {
					var err error
					if ids, err = im.IDs(ctx); err != nil {
						return nil, err
					}
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			afterCommit(ctx, m, events(ctx, m, v, ids), p)
			return v, nil
		})
	}
}

// scheduleHook publishes TopicOnCall for the schedules whose layers or
// overrides a mutation touches.
func scheduleHook(p Publisher, scheduleIDs func(context.Context, *ent.Client, []int) ([]int, error)) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			var schedules []int
			if f, ok := m.Field("schedule_id"); ok {
				schedules = append(schedules, f.(int))
			}
			if im, ok := m.(idMutation); ok && !m.Op().Is(ent.OpCreate) {
				ids, err := im.IDs(ctx)
				if err != nil {
					return nil, err
				}
				if len(ids) > 0 {
					found, err := scheduleIDs(viewer.System(ctx), im.Client(), ids)
					if err != nil {
						return nil, err
					}
					schedules = append(schedules, found...)
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			var evs []event
			seen := map[int]bool{}
			for _, id := range schedules {
				if !seen[id] {
					seen[id] = true
					evs = append(evs, event{TopicOnCall(id), OnCallChange{id}})
				}
			}
			afterCommit(ctx, m, evs, p)
			return v, nil
		})
	}
}

// each is one event per touched row.
func each(ids []int, fn func(int) event) []event {
	out := make([]event, 0, len(ids))
	for _, id := range ids {
		out = append(out, fn(id))
	}
	return out
}

func afterCommit(ctx context.Context, m ent.Mutation, evs []event, p Publisher) {
	if len(evs) == 0 {
		return
	}
	ctx = context.WithoutCancel(ctx)
	if tm, ok := m.(txMutation); ok {
		if tx, err := tm.Tx(); err == nil {
			tx.OnCommit(func(next ent.Committer) ent.Committer {
				return ent.CommitFunc(func(cctx context.Context, tx *ent.Tx) error {
					if err := next.Commit(cctx, tx); err != nil {
						return err
					}
					send(ctx, p, evs)
					return nil
				})
			})
			return
		}
	}
	send(ctx, p, evs)
}

// send publishes; a failure is logged, not returned: the change is
// committed, and subscribers resync from PostgreSQL when Redis is back.
func send(ctx context.Context, p Publisher, evs []event) {
	for _, e := range evs {
		b, err := json.Marshal(e.payload)
		if err == nil {
			err = p.Publish(ctx, e.topic, b)
		}
		if err != nil {
			slog.WarnContext(ctx, "live: publishing failed", "topic", e.topic, "err", err)
		}
	}
}
