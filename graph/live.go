package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"golang.org/x/sync/singleflight"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/predicate"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/graph/model"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

func (r *Resolver) incidentTimeline(ctx context.Context, incidentID int, after *int) (<-chan *ent.TimelineEvent, error) {
	if _, err := r.Client.Incident.Get(ctx, incidentID); err != nil {
		return nil, err
	}
	return r.timelineStream(ctx, incident.TopicIncidentTimeline(incidentID), timelineevent.IncidentID(incidentID), after, true)
}

func (r *Resolver) alertTimeline(ctx context.Context, alertID int, after *int) (<-chan *ent.TimelineEvent, error) {
	if _, err := r.Client.Alert.Get(ctx, alertID); err != nil {
		return nil, err
	}
	return r.timelineStream(ctx, incident.TopicAlertTimeline(alertID), timelineevent.AlertID(alertID), after, false)
}

func (r *Resolver) incidentsChanged(ctx context.Context, filter *model.IncidentsChangedFilter) (<-chan *ent.Incident, error) {
	where := incidentFilter(filter)
	return changeStream(ctx, r, incident.TopicIncidents, filter,
		func(ctx context.Context, id int) (*ent.Incident, error) {
			q, err := r.Client.Incident.Query().Where(append(where, entincident.ID(id))...).CollectFields(ctx)
			if err != nil {
				return nil, err
			}
			return q.Only(ctx)
		},
		func(ctx context.Context, since time.Time) ([]*ent.Incident, error) {
			q, err := r.Client.Incident.Query().Where(append(where, entincident.UpdatedAtGTE(since))...).CollectFields(ctx)
			if err != nil {
				return nil, err
			}
			return q.Order(ent.Asc(entincident.FieldUpdatedAt)).Limit(recentLimit).All(ctx)
		})
}

func (r *Resolver) alertsChanged(ctx context.Context, filter *model.AlertsChangedFilter) (<-chan *ent.Alert, error) {
	where := alertFilter(filter)
	return changeStream(ctx, r, incident.TopicAlerts, filter,
		func(ctx context.Context, id int) (*ent.Alert, error) {
			q, err := r.Client.Alert.Query().Where(append(where, alert.ID(id))...).CollectFields(ctx)
			if err != nil {
				return nil, err
			}
			return q.Only(ctx)
		},
		func(ctx context.Context, since time.Time) ([]*ent.Alert, error) {
			q, err := r.Client.Alert.Query().Where(append(where, alert.UpdatedAtGTE(since))...).CollectFields(ctx)
			if err != nil {
				return nil, err
			}
			return q.Order(ent.Asc(alert.FieldUpdatedAt)).Limit(recentLimit).All(ctx)
		})
}

func (r *Resolver) onCallChanged(ctx context.Context, scheduleID int) (<-chan *schedule.OnCall, error) {
	s, err := r.Client.Schedule.Get(ctx, scheduleID)
	if err != nil {
		return nil, err
	}
	return r.onCallStream(ctx, s)
}

// errLiveOff: the server runs without a broker (tests of other parts).
var errLiveOff = errors.New("live updates are not available on this server")

// replayPage is how many timeline events one catch-up query reads.
const replayPage = 500

// timelineStream sends the timeline events matching where, as the viewer
// of ctx, after `after`: first from PostgreSQL, then as topic announces
// them. It subscribes before reading, so nothing falls between the two;
// ids at or below the last one sent are sent only if they were not (a
// transaction that committed late), so each event goes out once.
func (r *Resolver) timelineStream(ctx context.Context, topic string, where predicate.TimelineEvent, after *int, joins bool) (<-chan *ent.TimelineEvent, error) {
	if r.Live == nil {
		return nil, errLiveOff
	}
	sub, err := r.Live.Subscribe(topic)
	if err != nil {
		return nil, err
	}
	out := make(chan *ent.TimelineEvent, 16)
	t := &timelineSender{ctx: ctx, client: r.Client, topic: topic, where: where, out: out, sent: map[int]bool{}, joins: joins}
	if after != nil {
		t.last, t.from = *after, *after
	}
	go func() {
		defer close(out)
		defer sub.Close()
		if !t.catchUp(0) {
			return
		}
		for {
			select {
			case <-ctx.Done():
				return
			case m, ok := <-sub.C():
				if !ok || !t.handle(m) {
					return
				}
			}
		}
	}()
	return out, nil
}

type timelineSender struct {
	ctx    context.Context
	client *ent.Client
	topic  string
	where  predicate.TimelineEvent
	out    chan<- *ent.TimelineEvent
	last   int
	// from is the after the subscriber came with: it holds everything up
	// to it that was on this timeline then.
	from int
	// joins: entries can join this timeline with old ids (an incident's,
	// when an alert is linked).
	joins bool
	// sent remembers the ids sent recently, for late commits below last.
	sent  map[int]bool
	order []int
}

// handle reacts to one announcement; false ends the stream.
func (t *timelineSender) handle(m live.Message) bool {
	var c incident.TimelineChange
	if m.Resync || json.Unmarshal(m.Payload, &c) != nil || c.ID == 0 {
		return t.catchUp(0)
	}
	if c.ID > t.last {
		return t.catchUp(c.ID)
	}
	if t.sent[c.ID] {
		return true
	}
	// Committed after a later id was sent: send it now, once.
	e, err := t.client.TimelineEvent.Query().Where(t.where, timelineevent.ID(c.ID)).Only(t.ctx)
	if err != nil {
		return !errors.Is(err, context.Canceled) // not found: not the viewer's to see
	}
	return t.send(e)
}

// catchUp sends every event after last, in id order. announced, when not
// zero, is the id whose announcement triggered it: subscribers of this
// process in the same timeline audience (rule.ReadAudience: viewers the
// privacy policy lets read the same events) with the same last that were
// told of the same id share one query (every such query started after that
// id committed, so none misses it), which is what keeps one event to 10,000
// subscribers — 10,000 different users — from costing 10,000 queries.
func (t *timelineSender) catchUp(announced int) bool {
	for {
		var events []*ent.TimelineEvent
		var err error
		if audience := rule.ReadAudience(viewer.FromContext(t.ctx)); announced != 0 && audience != rule.AudienceNone {
			key := fmt.Sprintf("%s/%d/%d/%s", t.topic, t.last, announced, audience)
			var shared any
			shared, err, _ = timelineReads.Do(key, func() (any, error) { return t.page(sharedContext(t.ctx, audience)) })
			events, _ = shared.([]*ent.TimelineEvent)
			announced = 0 // a further page is this subscriber's own
		} else {
			events, err = t.page(t.ctx)
		}
		if err != nil {
			return false
		}
		for _, e := range events {
			if !t.send(e) {
				return false
			}
		}
		if len(events) < replayPage {
			return true
		}
	}
}

// timelineReads shares identical catch-up reads of one process.
var timelineReads singleflight.Group

// page reads up to replayPage events after last, settled (live_settle.go):
// no id below the newest one read is still to commit, so a subscriber that
// reconnects with after: <the newest id> misses nothing.
func (t *timelineSender) page(ctx context.Context) ([]*ent.TimelineEvent, error) {
	events, err := t.client.TimelineEvent.Query().Where(t.where, timelineevent.IDGT(t.last)).
		Order(ent.Asc(timelineevent.FieldID)).Limit(replayPage).All(ctx)
	if err != nil || len(events) == 0 {
		return events, err
	}
	newest := events[len(events)-1].ID
	ok, waited, err := settled(ctx, t.client, t.last, newest)
	if err != nil || !ok || !waited {
		// Not settled in time: send what is there; the late one follows
		// on its own announcement (handle), as it always could.
		return events, err
	}
	return t.client.TimelineEvent.Query().Where(t.where, timelineevent.IDGT(t.last), timelineevent.IDLTE(newest)).
		Order(ent.Asc(timelineevent.FieldID)).All(ctx)
}

func (t *timelineSender) send(e *ent.TimelineEvent) bool {
	if t.sent[e.ID] {
		return true
	}
	if t.ctx.Err() != nil {
		return false // revoked (server/sockets.go) or gone: not one more event
	}
	if !t.sendJoined(e) {
		return false
	}
	select {
	case t.out <- e:
	case <-t.ctx.Done():
		return false
	}
	t.last = max(t.last, e.ID)
	t.sent[e.ID] = true
	t.order = append(t.order, e.ID)
	if len(t.order) > 1024 {
		for _, id := range t.order[:512] {
			delete(t.sent, id)
		}
		t.order = append(t.order[:0:0], t.order[512:]...)
	}
	return true
}

// sendJoined sends, before a linked alert's ALERT_LINKED event, the alert's
// earlier entries that the link moved into the incident with ids at or
// below from: a subscriber that came back with that after was not
// following them when they were announced, and the replay by id skips them.
func (t *timelineSender) sendJoined(e *ent.TimelineEvent) bool {
	if !t.joins || e.Kind != incident.KindAlertLinked || e.AlertID == nil || t.from == 0 || e.ID <= t.from {
		return true
	}
	earlier, err := t.client.TimelineEvent.Query().
		Where(t.where, timelineevent.AlertID(*e.AlertID), timelineevent.IDLTE(t.from)).
		Order(ent.Asc(timelineevent.FieldID)).All(t.ctx)
	if err != nil {
		return false
	}
	for _, j := range earlier {
		if !t.send(j) {
			return false
		}
	}
	return true
}

// changeStream re-reads, as the viewer of ctx, each row topic announces
// (payload {"id": …}) and sends it when load finds it (privacy and filter
// decide). load and recent are called with ctx's values, so they can
// eager-load the edges the subscription selects (CollectFields) instead of
// each subscriber querying them. Subscribers of this process handed the
// same message, in the same read audience (rule.ReadAudience), with the
// same filter and the same operation share one load. After a Resync it
// sends what changed since the last message, from recent(since).
func changeStream[T any](ctx context.Context, r *Resolver, topic string, filter any, load func(context.Context, int) (T, error), recent func(context.Context, time.Time) ([]T, error)) (<-chan T, error) {
	if r.Live == nil {
		return nil, errLiveOff
	}
	shareKey, err := operationKey(ctx, filter)
	if err != nil {
		return nil, err
	}
	audience := rule.ReadAudience(viewer.FromContext(ctx))
	sub, err := r.Live.Subscribe(topic)
	if err != nil {
		return nil, err
	}
	out := make(chan T, 16)
	go func() {
		defer close(out)
		defer sub.Close()
		// Changes committed in the second before a lost message may
		// carry an older updated_at: look back a little further.
		since := time.Now().Add(-2 * time.Second)
		send := func(v T) bool {
			if ctx.Err() != nil {
				return false // revoked (server/sockets.go) or gone: not one more event
			}
			select {
			case out <- v:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for {
			var m live.Message
			var ok bool
			select {
			case <-ctx.Done():
				return
			case m, ok = <-sub.C():
				if !ok {
					return
				}
			}
			now := time.Now()
			if m.Resync {
				rows, err := recent(ctx, since)
				if err != nil {
					return
				}
				for _, v := range rows {
					if !send(v) {
						return
					}
				}
			} else {
				var c struct {
					ID int `json:"id"`
				}
				if json.Unmarshal(m.Payload, &c) != nil {
					continue
				}
				key := fmt.Sprintf("%s/%d/%s/%s", topic, m.Seq, audience, shareKey)
				shared, err, _ := changeReads.Do(key, func() (any, error) { return load(sharedContext(ctx, audience), c.ID) })
				v, _ := shared.(T)
				if ent.IsNotFound(err) {
					continue
				}
				if err != nil || !send(v) {
					return
				}
			}
			since = now.Add(-2 * time.Second)
		}
	}()
	return out, nil
}

// sharedContext is ctx for a read shared by the subscribers of audience: not
// cancelled with one of them, and as the audience's stand-in viewer, so
// nothing only one of them may read is handed to the others.
func sharedContext(ctx context.Context, audience string) context.Context {
	return viewer.NewContext(context.WithoutCancel(ctx), rule.AudienceViewer(audience))
}

// operationKey tells apart what a load reads for ctx's subscription: the
// filter, and the operation with its variables (which edges it collects).
func operationKey(ctx context.Context, filter any) (string, error) {
	var query string
	var vars map[string]any
	if oc := graphql.GetOperationContext(ctx); oc != nil {
		query, vars = oc.RawQuery, oc.Variables
	}
	b, err := json.Marshal([]any{filter, query, vars})
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16]), nil
}

// changeReads shares identical loads of one process's change streams.
var changeReads singleflight.Group

// recentLimit bounds what a Resync of a change stream sends.
const recentLimit = 200

func alertFilter(f *model.AlertsChangedFilter) []predicate.Alert {
	var ps []predicate.Alert
	if f != nil && len(f.Status) > 0 {
		ps = append(ps, alert.StatusIn(f.Status...))
	}
	if f != nil && f.ServiceID != nil {
		ps = append(ps, alert.ServiceID(*f.ServiceID))
	}
	return ps
}

func incidentFilter(f *model.IncidentsChangedFilter) []predicate.Incident {
	var ps []predicate.Incident
	if f != nil && len(f.Status) > 0 {
		ps = append(ps, entincident.StatusIn(f.Status...))
	}
	if f != nil && f.ServiceID != nil {
		ps = append(ps, entincident.HasServicesWith(service.ID(*f.ServiceID)))
	}
	return ps
}

// onCallStream sends who is on call in s now, then again after every
// change of its layers or overrides and at every handoff.
func (r *Resolver) onCallStream(ctx context.Context, s *ent.Schedule) (<-chan *schedule.OnCall, error) {
	if r.Live == nil {
		return nil, errLiveOff
	}
	sub, err := r.Live.Subscribe(incident.TopicOnCall(s.ID))
	if err != nil {
		return nil, err
	}
	out := make(chan *schedule.OnCall, 1)
	go func() {
		defer close(out)
		defer sub.Close()
		for {
			all, err := r.Schedules.OnCallNow(ctx, []*ent.Schedule{s})
			if err != nil {
				return
			}
			if ctx.Err() != nil {
				return
			}
			select {
			case out <- all[0]:
			case <-ctx.Done():
				return
			}
			var handoff <-chan time.Time
			var timer *time.Timer
			if until := all[0].Until; until != nil {
				timer = time.NewTimer(time.Until(*until) + 100*time.Millisecond)
				handoff = timer.C
			}
			ok := true
			select {
			case <-ctx.Done():
				ok = false
			case _, ok = <-sub.C():
			case <-handoff:
			}
			if timer != nil {
				timer.Stop()
			}
			if !ok {
				return
			}
		}
	}()
	return out, nil
}
