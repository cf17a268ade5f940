package contact

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/escalation"
)

// RuleInput is a new notification rule of the viewer's: page on this
// contact method, for alerts of this urgency, so many minutes after the
// escalation step that names them fires.
type RuleInput struct {
	ContactMethodID int
	Urgency         notificationrule.Urgency
	DelayMinutes    int
}

// MaxDelayMinutes is the longest delay a rule may have.
const MaxDelayMinutes = 60

func checkDelay(d int) error {
	if d < 0 || d > MaxDelayMinutes {
		return invalid("delayMinutes", "must be between 0 and 60 minutes")
	}
	return nil
}

// Rules are a person's notification rules with their contact methods, by
// urgency, then delay.
func (m *Methods) Rules(ctx context.Context, userID int) ([]*ent.NotificationRule, error) {
	return m.client(ctx).NotificationRule.Query().Where(notificationrule.UserID(userID)).
		WithContactMethod().
		Order(ent.Asc(notificationrule.FieldUrgency), ent.Asc(notificationrule.FieldDelayMinutes), ent.Asc(notificationrule.FieldID)).
		All(ctx)
}

// CreateRule adds a rule on one of the viewer's verified contact methods.
func (m *Methods) CreateRule(ctx context.Context, in RuleInput) (*ent.NotificationRule, error) {
	if _, err := responder(ctx); err != nil {
		return nil, err
	}
	if err := checkDelay(in.DelayMinutes); err != nil {
		return nil, err
	}
	if notificationrule.UrgencyValidator(in.Urgency) != nil {
		return nil, invalid("urgency", "must be HIGH or LOW")
	}
	c := m.client(ctx)
	cm, err := c.ContactMethod.Get(ctx, in.ContactMethodID)
	if ent.IsNotFound(err) {
		return nil, invalid("contactMethodID", "does not name one of your contact methods")
	} else if err != nil {
		return nil, err
	}
	if cm.VerifiedAt == nil {
		return nil, invalid("contactMethodID", "verify this "+kindWord(cm.Kind)+" first")
	}
	return c.NotificationRule.Create().SetUserID(cm.UserID).SetContactMethodID(cm.ID).
		SetUrgency(in.Urgency).SetDelayMinutes(in.DelayMinutes).Save(ctx)
}

// UpdateRule changes a rule's delay.
func (m *Methods) UpdateRule(ctx context.Context, id, delayMinutes int) (*ent.NotificationRule, error) {
	if _, err := responder(ctx); err != nil {
		return nil, err
	}
	if err := checkDelay(delayMinutes); err != nil {
		return nil, err
	}
	return m.client(ctx).NotificationRule.UpdateOneID(id).SetDelayMinutes(delayMinutes).Save(ctx)
}

// DeleteRule removes a rule. Removing the last rule of an urgency leaves
// the person unreachable at that urgency until they add one: defaults are
// only for people who never had rules, not a way to undo a choice.
func (m *Methods) DeleteRule(ctx context.Context, id int) error {
	if _, err := responder(ctx); err != nil {
		return err
	}
	return m.client(ctx).NotificationRule.DeleteOneID(id).Exec(ctx)
}

// EnsureDefaults gives userID the default rules (escalation.DefaultRules)
// for each urgency they have no rule for yet, on their verified, enabled
// contact methods: push at once and SMS after 2 minutes for high urgency
// (email when they have neither), email for low. It is the one place
// defaults are made; contact methods call it when they become usable.
func EnsureDefaults(ctx context.Context, c *ent.Client, userID int) error {
	methods, err := c.ContactMethod.Query().
		Where(contactmethod.UserID(userID), contactmethod.VerifiedAtNotNil(), contactmethod.Disabled(false)).
		Order(ent.Asc(contactmethod.FieldID)).All(ctx)
	if err != nil || len(methods) == 0 {
		return err
	}
	byKind := map[contactmethod.Kind][]int{}
	for _, cm := range methods {
		byKind[cm.Kind] = append(byKind[cm.Kind], cm.ID)
	}
	for _, u := range []escalation.Urgency{escalation.High, escalation.Low} {
		has, err := c.NotificationRule.Query().
			Where(notificationrule.UserID(userID), notificationrule.UrgencyEQ(notificationrule.Urgency(u))).Exist(ctx)
		if err != nil {
			return err
		}
		if has {
			continue
		}
		for _, r := range escalation.DefaultRules(u, byKind[contactmethod.KindPUSH], byKind[contactmethod.KindSMS], byKind[contactmethod.KindEMAIL]) {
			err := c.NotificationRule.Create().SetUserID(userID).SetContactMethodID(r.MethodID).
				SetUrgency(notificationrule.Urgency(u)).SetDelayMinutes(int(r.Delay / time.Minute)).Exec(ctx)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// RulesFor is what the paging engine asks: userID's rules for urgency u on
// contact methods that can be paged (verified, not disabled), each with
// its contact method loaded (Edges.ContactMethod), by delay. Call it with
// the engine's system context.
func RulesFor(ctx context.Context, c *ent.Client, userID int, u escalation.Urgency) ([]*ent.NotificationRule, error) {
	rules, err := RulesForUsers(ctx, c, []int{userID}, u)
	return rules[userID], err
}

// RulesForUsers is RulesFor of several people at once, in two queries
// whatever their number (a team target), by user id.
func RulesForUsers(ctx context.Context, c *ent.Client, userIDs []int, u escalation.Urgency) (map[int][]*ent.NotificationRule, error) {
	if len(userIDs) == 0 {
		return map[int][]*ent.NotificationRule{}, nil
	}
	rules, err := c.NotificationRule.Query().
		Where(notificationrule.UserIDIn(userIDs...), notificationrule.UrgencyEQ(notificationrule.Urgency(u)),
			notificationrule.HasContactMethodWith(contactmethod.VerifiedAtNotNil(), contactmethod.Disabled(false))).
		WithContactMethod().
		Order(ent.Asc(notificationrule.FieldDelayMinutes), ent.Asc(notificationrule.FieldID)).
		All(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int][]*ent.NotificationRule, len(userIDs))
	for _, r := range rules {
		out[r.UserID] = append(out[r.UserID], r)
	}
	return out, nil
}

// EscalationRules turns rules into the engine's pure form for
// escalation.Plan.
func EscalationRules(rs []*ent.NotificationRule) []escalation.Rule {
	out := make([]escalation.Rule, len(rs))
	for i, r := range rs {
		out[i] = escalation.Rule{MethodID: r.ContactMethodID, Delay: time.Duration(r.DelayMinutes) * time.Minute}
	}
	return out
}
