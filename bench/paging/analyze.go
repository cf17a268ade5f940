package main

import (
	"context"
	"slices"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/internal/pagingfix"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/viewer"
)

// sentAlert is one alert the tool sent: when its request went and when
// it was answered (a request carries one alert, or a storm batch many).
type sentAlert struct {
	msg            string
	sent, answered time.Time
	accepted       bool
}

// dbAlert is what PostgreSQL holds of one alert.
type dbAlert struct {
	id      int
	created time.Time // alerts.created_at: the door's clock in the create statement
	fired   time.Time // its first step's ESCALATION_STEP event (the step transaction's clock); zero: not fired
	want    []string  // the paths its first step must have paged
	wrong   string    // how the first step disagreed with the schedule; "" when it agreed
}

// dbDelivery is one deliveries row: one page of one step to one person.
type dbDelivery struct {
	alertID, round, step int
	path                 string
	due, sent            time.Time // sent: zero when not sent
}

// pageData is what PostgreSQL holds of a phase's alerts.
type pageData struct {
	alerts     map[string]dbAlert    // by message
	deliveries map[string]dbDelivery // by delivery key (pager.DeliveryKey)
}

// readDB reads the alerts whose message starts with prefix, their first
// steps and all their deliveries.
func readDB(ctx context.Context, c *ent.Client, fix *pagingfix.Fixture, prefix string) (pageData, error) {
	sys := viewer.System(ctx)
	out := pageData{alerts: map[string]dbAlert{}, deliveries: map[string]dbDelivery{}}
	rows, err := c.Alert.Query().Where(alert.MessageHasPrefix(prefix)).
		Select(alert.FieldID, alert.FieldMessage, alert.FieldCreatedAt).All(sys)
	if err != nil {
		return out, err
	}
	steps, err := pagingfix.FirstSteps(ctx, c, prefix)
	if err != nil {
		return out, err
	}
	ids := make([]int, 0, len(rows))
	for _, a := range rows {
		ids = append(ids, a.ID)
		da := dbAlert{id: a.ID, created: a.CreatedAt}
		if fs, ok := steps[a.Message]; ok {
			da.fired = fs.FiredAt
			want, err := fix.FirstStepRecipients(fs)
			if err != nil {
				da.wrong = err.Error()
			}
			for _, r := range want {
				da.want = append(da.want, r.Path)
			}
		}
		out.alerts[a.Message] = da
	}
	if len(ids) == 0 {
		return out, nil
	}
	ds, err := c.Delivery.Query().Where(delivery.AlertIDIn(ids...)).All(sys)
	if err != nil {
		return out, err
	}
	for _, d := range ds {
		r, _ := fix.ByMethod(d.ContactMethodID)
		dd := dbDelivery{alertID: d.AlertID, round: d.Round, step: d.Step, path: r.Path, due: d.DueAt}
		if d.SentAt != nil {
			dd.sent = *d.SentAt
		}
		out.deliveries[pager.DeliveryKey(d)] = dd
	}
	return out, nil
}

// Parts of the way from an alert sent to its first page, in order.
const (
	partSentCreated     = iota // request sent → alerts.created_at
	partCreatedAnswered        // created_at → 202 answered
	partCreatedFired           // created_at → first step fired
	partFiredSent              // step fired → first page's sent_at
	partSentReceived           // sent_at → received
	parts
)

// outcome is what a phase came to.
type outcome struct {
	alerts, accepted int
	// paged: accepted alerts whose first step's recipients were all
	// paged; lost: the others. wrong: first steps that paged other
	// people than the schedule had on call (logged).
	paged, lost, wrong int
	// duplicates: requests beyond the first for one alert, round, step
	// and recipient (a repeated delivery key, or two keys).
	duplicates int
	latency    []time.Duration // accepted → first page received, sorted
	parts      [parts][]time.Duration
	lastPage   time.Time // the last alert's first page
	// timers: sent_at − due_at of step 1's pages, sorted; early of them
	// negative; missing: pages step 1 should have sent (the whole team)
	// and did not.
	timers         []time.Duration
	early, missing int
	wrongSample    string
}

// page is one step of one alert to one recipient.
type page struct {
	alertID, round, step int
	path                 string
}

// analyze works out a phase's outcome from what the tool sent, what
// PostgreSQL holds and what the receiver got; team is how many people
// step 1 pages; step1Due says whether step 1 should have fired by now.
func analyze(sent []sentAlert, db pageData, got []receipt, team int, step1Due bool) outcome {
	var o outcome
	requests := map[page]int{}
	firstByKey := map[string]time.Time{}
	firstByAlert := map[int]time.Time{}
	for _, r := range got {
		d, ok := db.deliveries[r.key]
		if !ok {
			continue // another phase's
		}
		requests[page{d.alertID, d.round, d.step, r.path}]++
		if at, ok := firstByKey[r.key]; !ok || r.at.Before(at) {
			firstByKey[r.key] = r.at
		}
		if at, ok := firstByAlert[d.alertID]; !ok || r.at.Before(at) {
			firstByAlert[d.alertID] = r.at
		}
	}
	for _, n := range requests {
		o.duplicates += max(n-1, 0)
	}
	// The first page of each alert by sent_at, and step 1's pages.
	firstSent := map[int]string{} // by alert: the delivery key
	step1Sent := 0
	for key, d := range db.deliveries {
		if d.sent.IsZero() {
			continue
		}
		if d.round == 0 && d.step == 0 {
			if f, ok := firstSent[d.alertID]; !ok || d.sent.Before(db.deliveries[f].sent) {
				firstSent[d.alertID] = key
			}
		}
		if d.round == 0 && d.step == 1 {
			step1Sent++
			l := d.sent.Sub(d.due)
			if l < 0 {
				o.early++
			}
			o.timers = append(o.timers, l)
		}
	}
	for _, s := range sent {
		o.alerts++
		if !s.accepted {
			continue
		}
		o.accepted++
		a, ok := db.alerts[s.msg]
		if !ok || a.fired.IsZero() {
			o.lost++
			continue
		}
		if a.wrong != "" {
			o.wrong++
			o.wrongSample = s.msg + ": " + a.wrong
		}
		all := len(a.want) > 0
		for _, p := range a.want {
			if requests[page{a.id, 0, 0, p}] == 0 {
				all = false
			}
		}
		if all {
			o.paged++
		} else {
			o.lost++
		}
		first, ok := firstByAlert[a.id]
		if !ok {
			continue
		}
		o.latency = append(o.latency, max(first.Sub(s.answered), 0))
		if first.After(o.lastPage) {
			o.lastPage = first
		}
		o.parts[partSentCreated] = append(o.parts[partSentCreated], a.created.Sub(s.sent))
		o.parts[partCreatedAnswered] = append(o.parts[partCreatedAnswered], s.answered.Sub(a.created))
		o.parts[partCreatedFired] = append(o.parts[partCreatedFired], a.fired.Sub(a.created))
		if key, ok := firstSent[a.id]; ok {
			d := db.deliveries[key]
			o.parts[partFiredSent] = append(o.parts[partFiredSent], d.sent.Sub(a.fired))
			if at, ok := firstByKey[key]; ok {
				o.parts[partSentReceived] = append(o.parts[partSentReceived], at.Sub(d.sent))
			}
		}
	}
	if step1Due {
		o.missing = max(o.accepted*team-step1Sent, 0)
	}
	slices.Sort(o.latency)
	slices.Sort(o.timers)
	for i := range o.parts {
		slices.Sort(o.parts[i])
	}
	return o
}

// pct is the p-th percentile (0 < p ≤ 100) of sorted xs.
func pct(xs []time.Duration, p float64) (time.Duration, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	i := int(float64(len(xs))*p/100+0.999999) - 1
	return xs[min(max(i, 0), len(xs)-1)], true
}
