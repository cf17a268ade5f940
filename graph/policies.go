package graph

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/graph/model"
	"github.com/tocsin/tocsin/pager"
)

// policyInput turns the GraphQL input into the store's.
func policyInput(in model.EscalationPolicyInput) pager.PolicyInput {
	out := pager.PolicyInput{Name: in.Name, Description: in.Description}
	if in.Repeat != nil {
		out.Repeat = *in.Repeat
	}
	for _, s := range in.Steps {
		step := pager.StepInput{DelayMinutes: s.DelayMinutes, KeepPaging: s.KeepPaging != nil && *s.KeepPaging}
		for _, t := range s.Targets {
			step.Targets = append(step.Targets, escalation.Target{Kind: escalation.TargetKind(t.Kind), ID: t.ID})
		}
		out.Steps = append(out.Steps, step)
	}
	return out
}

// targets names a step's targets as the viewer may see them.
func (r *Resolver) targets(ctx context.Context, s *ent.EscalationStep) ([]*model.EscalationTarget, error) {
	c := ent.FromContext(ctx)
	if c == nil {
		c = r.Client
	}
	out := make([]*model.EscalationTarget, 0, len(s.Targets))
	for _, t := range s.Targets {
		var name string
		switch t.Kind {
		case escalation.TargetUser:
			if u, err := c.User.Get(ctx, t.ID); err == nil {
				name = u.Name
			}
		case escalation.TargetSchedule:
			if sc, err := c.Schedule.Get(ctx, t.ID); err == nil {
				name = sc.Name
			}
		case escalation.TargetTeam, escalation.TargetRoundRobin:
			if tm, err := c.Team.Get(ctx, t.ID); err == nil {
				name = tm.Name
			}
		case escalation.TargetWebhook:
			if cm, err := c.ContactMethod.Get(ctx, t.ID); err == nil {
				name = cm.Name
			}
		}
		out = append(out, &model.EscalationTarget{Kind: model.EscalationTargetKind(t.Kind), ID: t.ID, Name: name})
	}
	return out, nil
}

// preview asks the engine whom each step would page now.
func (r *Resolver) preview(ctx context.Context, p *ent.EscalationPolicy) ([]*model.EscalationStepPreview, error) {
	steps, err := (&pager.Engine{Client: r.Client, Schedules: r.Schedules, Now: time.Now}).Preview(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	out := make([]*model.EscalationStepPreview, len(steps))
	for i, users := range steps {
		out[i] = &model.EscalationStepPreview{Position: i, Users: users}
	}
	return out, nil
}
