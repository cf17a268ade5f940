package pagingfix

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// OnCallAt is who the schedule has on call at t, by the fixture's own
// definition (not the engine's math): the rotation's turn — one more
// participant at each daily handoff since the start — and the secondary
// while the override lasts.
func (f *Fixture) OnCallAt(t time.Time) []Responder {
	start := f.rotationStart
	turns := 0
	for day := 1; ; day++ {
		handoff := time.Date(start.Year(), start.Month(), start.Day()+day, f.handoffHour, 0, 0, 0, f.loc)
		if handoff.After(t) {
			break
		}
		turns++
	}
	on := []Responder{f.Rotation[turns%len(f.Rotation)]}
	if !t.Before(f.overrideFrom) && t.Before(f.overrideTo) {
		on = append(on, f.Secondary)
	}
	return on
}

// FirstStep is what the engine wrote when an alert's first step (round 0,
// step 0) fired: its ESCALATION_STEP timeline event.
type FirstStep struct {
	AlertID int
	// FiredAt is the event's time: the step transaction's clock.
	FiredAt time.Time
	// Paged names the people the step resolved its targets to.
	Paged []string
}

// FirstSteps reads the first-step events of the alerts whose message
// starts with prefix, by message (alerts the fixture's doors created carry
// a distinct message each); an alert whose first step has not fired is
// missing.
func FirstSteps(ctx context.Context, c *ent.Client, prefix string) (map[string]FirstStep, error) {
	ctx = viewer.System(ctx)
	evs, err := c.TimelineEvent.Query().
		Where(timelineevent.Kind(incident.KindStepFired), timelineevent.HasAlertWith(alert.MessageHasPrefix(prefix))).
		WithAlert().All(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]FirstStep{}
	for _, ev := range evs {
		if num(ev.Data["round"]) != 0 || num(ev.Data["step"]) != 0 || ev.Edges.Alert == nil {
			continue
		}
		fs := FirstStep{AlertID: ev.Edges.Alert.ID, FiredAt: ev.CreatedAt}
		if names, ok := ev.Data["paged"].([]any); ok {
			for _, n := range names {
				if s, ok := n.(string); ok {
					fs.Paged = append(fs.Paged, s)
				}
			}
		}
		out[ev.Edges.Alert.Message] = fs
	}
	return out, nil
}

// num reads a JSON number of an event's data.
func num(v any) int {
	if f, ok := v.(float64); ok {
		return int(f)
	}
	return -1
}

// FirstStepRecipients is whom an alert's first step must have paged: the
// people the schedule has on call when it fired (OnCallAt) and the round
// robin's pick, which only the engine knows (it takes turns in the order
// steps fire) and names in its event. It is an error when the engine's
// list leaves out someone on call, names someone who is not on the team,
// or names more than one person beside those on call — the step paged the
// wrong people.
func (f *Fixture) FirstStepRecipients(fs FirstStep) ([]Responder, error) {
	want := f.OnCallAt(fs.FiredAt)
	byName := map[string]Responder{}
	for _, r := range f.Responders {
		byName[r.Name] = r
	}
	var extra []Responder
	for _, n := range fs.Paged {
		r, ok := byName[n]
		if !ok {
			return nil, fmt.Errorf("paged %q, who is not on the team", n)
		}
		if !slices.Contains(want, r) {
			extra = append(extra, r)
		}
	}
	for _, r := range want {
		if !slices.Contains(fs.Paged, r.Name) {
			return nil, fmt.Errorf("did not page %s, on call at %s (paged %s)", r.Name,
				fs.FiredAt.In(f.loc).Format("2006-01-02 15:04 MST"), strings.Join(fs.Paged, ", "))
		}
	}
	if len(extra) > 1 {
		return nil, fmt.Errorf("paged %s beside those on call: one round robin pick at most", names(extra))
	}
	return append(want, extra...), nil
}

func names(rs []Responder) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.Name
	}
	return strings.Join(s, ", ")
}
