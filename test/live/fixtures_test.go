package live_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/viewer"
)

// sys is the system viewer: fixtures are written, and what PostgreSQL
// holds is read, as it.
var sys = viewer.System(context.Background())

// crew is a team of the test's own with a responder and a stakeholder,
// each signed in. Names are the test's plus a number, so tests sharing the
// package's database never collide, also when run with -count.
type crew struct {
	// name is the crew's unique name; slug its lower-case form.
	name, slug             string
	team                   *ent.Team
	responder, stakeholder *ent.User
	// Session tokens: stakeholders may not make API tokens.
	responderToken, stakeholderToken string
}

var crews atomic.Int64

func newCrew(t *testing.T, name string) crew {
	t.Helper()
	c := env.Client
	name = fmt.Sprintf("%s %d", name, crews.Add(1))
	slug := strings.ReplaceAll(strings.ToLower(name), " ", "-")
	team := c.Team.Create().SetName(name).SaveX(sys)
	resp := c.User.Create().SetEmail("responder@" + slug + ".test").SetName(name + " responder").
		SetRole(viewer.RoleResponder).AddTeams(team).SaveX(sys)
	stake := c.User.Create().SetEmail("stakeholder@" + slug + ".test").SetName(name + " stakeholder").
		SetRole(viewer.RoleStakeholder).SaveX(sys)
	return crew{name: name, slug: slug, team: team, responder: resp, stakeholder: stake,
		responderToken: login(t, resp), stakeholderToken: login(t, stake)}
}

// login gives u a password and signs in, returning the session token.
func login(t *testing.T, u *ent.User) string {
	t.Helper()
	a := auth.New(env.Client, env.Redis, time.Hour)
	if err := a.SetPassword(sys, u.ID, "correct horse battery staple"); err != nil {
		t.Fatal(err)
	}
	s, err := a.Login(sys, u.Email, "correct horse battery staple", "127.0.0.1", "live test")
	if err != nil {
		t.Fatal(err)
	}
	return s.Token
}

// opsgenieService is a service of the crew's team, named after it, with an
// Opsgenie integration; policy (0: none) pages for its alerts. It returns
// the service and the integration's key.
func opsgenieService(t *testing.T, cr crew, policy int) (*ent.Service, string) {
	t.Helper()
	name := cr.name + " service"
	s := env.Client.Service.Create().SetName(name).SetTeam(cr.team)
	if policy != 0 {
		s.SetEscalationPolicyID(policy)
	}
	svc := s.SaveX(sys)
	_, key, err := integration.New(env.Client, nil, "http://127.0.0.1", "localhost").Create(sys, integration.CreateInput{
		ServiceID: svc.ID, Kind: entintegration.KindOPSGENIE, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return svc, key
}

// pagedByWebhook makes u reachable by a verified webhook to hookURL (every
// high-urgency alert, at once) and returns a policy whose first step pages
// them; the next round is an hour away, never reached in a test.
func pagedByWebhook(t *testing.T, u *ent.User, hookURL string) int {
	t.Helper()
	c := env.Client
	cm := c.ContactMethod.Create().SetUserID(u.ID).SetKind(contactmethod.KindWEBHOOK).SetName("receiver").
		SetAddress(hookURL).SetVerifiedAt(time.Now()).SaveX(sys)
	c.NotificationRule.Create().SetUserID(u.ID).SetContactMethodID(cm.ID).SetUrgency("HIGH").ExecX(sys)
	pol := c.EscalationPolicy.Create().SetName(u.Name + " pages").SaveX(sys)
	c.EscalationStep.Create().SetPolicyID(pol.ID).SetPosition(0).SetDelayMinutes(60).
		SetTargets([]escalation.Target{{Kind: escalation.TargetUser, ID: u.ID}}).ExecX(sys)
	return pol.ID
}

// stored is the timeline as PostgreSQL holds it, in id order, as the system
// reads it: of the incident (incident != 0) or of the alert.
func stored(t *testing.T, incident, alert int) []event {
	t.Helper()
	q := env.Client.TimelineEvent.Query().Order(ent.Asc(timelineevent.FieldID))
	if incident != 0 {
		q.Where(timelineevent.IncidentID(incident))
	} else {
		q.Where(timelineevent.AlertID(alert))
	}
	var out []event
	for _, e := range q.AllX(sys) {
		out = append(out, event{ID: e.ID, Kind: e.Kind, Visibility: string(e.Visibility)})
	}
	return out
}
