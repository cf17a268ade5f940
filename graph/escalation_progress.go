package graph

import (
	"context"
	"errors"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/graph/model"
	"github.com/tocsin/tocsin/pager"
)

// escalationProgress asks the engine where obj's escalation is (nil for an
// alert never paged). obj was loaded through the viewer's privacy rules,
// which is the check the engine's system read relies on.
func (r *Resolver) escalationProgress(ctx context.Context, obj *ent.Alert) (*model.EscalationProgress, error) {
	p, err := (&pager.Engine{Client: r.Client, Schedules: r.Schedules, Now: time.Now}).Progress(ctx, obj.ID)
	if errors.Is(err, pager.ErrNotPaged) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := &model.EscalationProgress{State: model.EscalationState(p.State), Round: p.Round, Rounds: p.Rounds,
		Step: p.Step, Steps: p.Steps, SnoozedUntil: p.SnoozedUntil, StoppedAt: p.StoppedAt, Planned: pages(p.Planned)}
	if p.StoppedBy != "" {
		out.StoppedBy = &p.StoppedBy
	}
	if n := p.Next; n != nil {
		out.Next = &model.EscalationNextStep{Round: n.Round, Step: n.Step, DueAt: n.DueAt, Pages: pages(n.Pages),
			Unreachable: append([]string{}, n.Unreachable...)}
	}
	return out, nil
}

func pages(ps []pager.Page) []*model.EscalationPage {
	out := make([]*model.EscalationPage, len(ps))
	for i, p := range ps {
		out[i] = &model.EscalationPage{At: p.At, User: p.User, Channel: p.Channel, ContactMethodName: p.Method}
	}
	return out
}
