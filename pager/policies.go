package pager

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/escalationstep"
	"github.com/tocsin/tocsin/ent/rule"
	entschedule "github.com/tocsin/tocsin/ent/schedule"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/team"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/viewer"
)

// PolicyInput is an escalation policy as the API writes it: the whole
// policy, steps in order.
type PolicyInput struct {
	Name        string
	Description *string
	Repeat      int
	Steps       []StepInput
}

// StepInput is one step of a PolicyInput.
type StepInput struct {
	DelayMinutes int
	KeepPaging   bool
	Targets      []escalation.Target
}

// SavePolicy creates (id 0) or replaces an escalation policy after checking
// it: the rules of package escalation, and every target naming something
// that exists. Bad input is a rule.InvalidError naming the field and
// changes nothing. Who may save is the policy's privacy rule (admins).
func SavePolicy(ctx context.Context, c *ent.Client, id int, in PolicyInput) (*ent.EscalationPolicy, error) {
	p := escalation.Policy{Repeat: in.Repeat}
	for _, s := range in.Steps {
		p.Steps = append(p.Steps, escalation.Step{Delay: time.Duration(s.DelayMinutes) * time.Minute, Targets: s.Targets, KeepPaging: s.KeepPaging})
	}
	if err := p.Validate(); err != nil {
		var inv *escalation.InvalidError
		if errors.As(err, &inv) {
			return nil, &rule.InvalidError{Field: inv.Field, Reason: inv.Reason}
		}
		return nil, err
	}
	for i, s := range in.Steps {
		if err := targetsExist(ctx, c, s.Targets); err != nil {
			return nil, &rule.InvalidError{Field: fmt.Sprintf("steps[%d].targets", i), Reason: err.Error()}
		}
	}
	var pol *ent.EscalationPolicy
	var err error
	if id == 0 {
		pol, err = c.EscalationPolicy.Create().SetName(in.Name).SetNillableDescription(in.Description).SetRepeat(in.Repeat).Save(ctx)
	} else {
		pol, err = c.EscalationPolicy.UpdateOneID(id).SetName(in.Name).SetNillableDescription(in.Description).SetRepeat(in.Repeat).Save(ctx)
		if err == nil {
			_, err = c.EscalationStep.Delete().Where(escalationstep.PolicyID(id)).Exec(ctx)
		}
	}
	if err != nil {
		return nil, err
	}
	for i, s := range in.Steps {
		if err := c.EscalationStep.Create().SetPolicyID(pol.ID).SetPosition(i).SetDelayMinutes(s.DelayMinutes).
			SetKeepPaging(s.KeepPaging).SetTargets(s.Targets).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return pol, nil
}

// targetsExist says which target names nothing.
func targetsExist(ctx context.Context, c *ent.Client, ts []escalation.Target) error {
	sys := viewer.System(ctx)
	for _, t := range ts {
		var ok bool
		var err error
		switch t.Kind {
		case escalation.TargetUser:
			ok, err = c.User.Query().Where(user.ID(t.ID), user.Disabled(false)).Exist(sys)
		case escalation.TargetSchedule:
			ok, err = c.Schedule.Query().Where(entschedule.ID(t.ID)).Exist(sys)
		case escalation.TargetTeam, escalation.TargetRoundRobin:
			ok, err = c.Team.Query().Where(team.ID(t.ID)).Exist(sys)
		case escalation.TargetWebhook:
			ok, err = c.ContactMethod.Query().Where(contactmethod.ID(t.ID), contactmethod.KindEQ(contactmethod.KindWEBHOOK)).Exist(sys)
		}
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("no %s with id %d", kindWord(t.Kind), t.ID)
		}
	}
	return nil
}

func kindWord(k escalation.TargetKind) string {
	switch k {
	case escalation.TargetUser:
		return "enabled user"
	case escalation.TargetSchedule:
		return "schedule"
	case escalation.TargetWebhook:
		return "webhook contact method"
	}
	return "team"
}

// Preview says whom each step of a policy would page if it fired now
// (round robin shows whose turn it is, without taking it). It reads
// through the transaction in ctx when there is one (a policy just saved).
func (e *Engine) Preview(ctx context.Context, policyID int) ([][]*ent.User, error) {
	sys := viewer.System(ctx)
	c := ent.FromContext(ctx)
	if c == nil {
		c = e.Client
	}
	steps, err := c.EscalationStep.Query().Where(escalationstep.PolicyID(policyID)).Order(ent.Asc(escalationstep.FieldPosition)).All(sys)
	if err != nil {
		return nil, err
	}
	out := make([][]*ent.User, len(steps))
	for i, s := range steps {
		users, _, err := e.targets(sys, c, s.Targets, e.Now(), nil)
		if err != nil {
			return nil, err
		}
		out[i] = users
	}
	return out, nil
}

// DeletePolicy removes a policy that no service uses; a policy in use is
// refused (its services would silently fall back to their team's
// schedules).
func DeletePolicy(ctx context.Context, c *ent.Client, id int) error {
	n, err := c.Service.Query().Where(service.EscalationPolicyID(id)).Count(viewer.System(ctx))
	if err != nil {
		return err
	}
	if n > 0 {
		return &rule.InvalidError{Field: "id", Reason: fmt.Sprintf("%d service(s) still use this escalation policy; give them another one first", n)}
	}
	return c.EscalationPolicy.DeleteOneID(id).Exec(ctx)
}
