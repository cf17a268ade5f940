// Package pagingfix sets up what the paging benchmark and the fault tests
// page: one responder whose only contact method is a webhook to a receiver
// of the caller's, a policy paging them, a service and an Opsgenie
// integration that never throttles. It writes with the system viewer
// straight to the database (a webhook to 127.0.0.1 is fine here; the API
// refuses private addresses).
package pagingfix

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/viewer"
)

// Setup creates it all and returns the integration key. delays are the
// policy's steps (each paging the responder), in minutes.
func Setup(ctx context.Context, c *ent.Client, hookURL string, delays ...int) (string, error) {
	ctx = viewer.System(ctx)
	team, err := c.Team.Create().SetName("Paging fixture").Save(ctx)
	if err != nil {
		return "", err
	}
	u, err := c.User.Create().SetEmail("oncall@paging.local").SetName("On Call").SetRole(viewer.RoleResponder).AddTeams(team).Save(ctx)
	if err != nil {
		return "", err
	}
	cm, err := c.ContactMethod.Create().SetUserID(u.ID).SetKind(contactmethod.KindWEBHOOK).SetName("receiver").
		SetAddress(hookURL).SetVerifiedAt(time.Now()).Save(ctx)
	if err != nil {
		return "", err
	}
	if err := c.NotificationRule.Create().SetUserID(u.ID).SetContactMethodID(cm.ID).SetUrgency("HIGH").Exec(ctx); err != nil {
		return "", err
	}
	pol, err := c.EscalationPolicy.Create().SetName("Paging fixture").Save(ctx)
	if err != nil {
		return "", err
	}
	for i, d := range delays {
		if err := c.EscalationStep.Create().SetPolicyID(pol.ID).SetPosition(i).SetDelayMinutes(d).
			SetTargets([]escalation.Target{{Kind: escalation.TargetUser, ID: u.ID}}).Exec(ctx); err != nil {
			return "", err
		}
	}
	svc, err := c.Service.Create().SetName("Paging fixture").SetTeam(team).SetEscalationPolicyID(pol.ID).Save(ctx)
	if err != nil {
		return "", err
	}
	_, key, err := integration.New(c, nil, "http://127.0.0.1", "localhost").Create(ctx, integration.CreateInput{
		ServiceID: svc.ID, Kind: entintegration.KindOPSGENIE, Name: "paging fixture",
		RateLimitPerMinute: 10_000_000, RateLimitBurst: 10_000_000})
	return key, err
}
