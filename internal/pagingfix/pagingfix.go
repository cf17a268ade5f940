// Package pagingfix sets up what the paging benchmark (bench/paging) and
// the fault suite (test/faults) page: what customers run, not the shortest
// path through the engine.
//
//   - A team of five responders, each with a webhook contact method of
//     their own to the caller's receiver, at a path that names them
//     (hookURL + "/u<user id>"), and a HIGH-urgency notification rule on it
//     at delay 0.
//   - An on-call schedule of the team (Europe/Berlin): a layer of daily
//     shifts rotating through three of them, started days ago, with its
//     handoffs about twelve hours away from now, and an ADD override that
//     puts a fourth on call beside them for a week.
//   - An escalation policy with a repeat: step 0 at once pages the schedule
//     and a round robin of the team; step 1, delays[0] minutes later, pages
//     the whole team; then, delays[1] minutes after step 1, the policy runs
//     once more.
//   - A service on that policy, with an Opsgenie and an Alertmanager
//     integration that never throttle.
//
// Step 0 of an alert thus pages two or three people (the two on call, and
// the round robin's pick unless it is one of them), step 1 all five. The
// fixture knows who is on call from its own definition (OnCallAt), not from
// the engine, so callers can check the engine paged the right people.
//
// It writes with the system viewer straight to the database (webhooks to
// 127.0.0.1 are fine here; the API refuses private addresses unless
// TOCSIN_WEBHOOK_ALLOW_CIDRS allows 127.0.0.1, which ServerEnv sets).
package pagingfix

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

// Team size and the schedule's shape.
const (
	responders = 5
	rotating   = 3 // the first three take daily turns
	// Password is the password of the first responder, who signs in for
	// the benchmark's sign-in probe (Fixture.Login).
	Password = "paging-fixture-password"
	zone     = "Europe/Berlin"
)

// unthrottled is the integrations' rate limit per minute and burst: far
// above anything one machine sends, so the limiter never answers 429.
const unthrottled = 10_000_000

// Responder is one member of the fixture's team.
type Responder struct {
	ID          int
	Name, Email string
	// Path is where their webhook points on the caller's receiver ("/u<ID>").
	Path string
	// MethodID is their webhook contact method.
	MethodID int
}

// Fixture is what Setup created.
type Fixture struct {
	OpsgenieKey, AlertmanagerKey            string
	TeamID, ScheduleID, PolicyID, ServiceID int
	// Responders in id order; the round robin takes them in this order.
	Responders []Responder
	// Rotation are the layer's participants in turn order; Rotation[0]
	// held the turn that began at rotationStart.
	Rotation []Responder
	// Secondary is on call beside the rotation, by the ADD override, from
	// overrideFrom to overrideTo.
	Secondary Responder
	// Login signs in as Responders[0] (password Password).
	Login struct{ Email, Password string }

	loc                      *time.Location
	handoffHour              int
	rotationStart            time.Time
	overrideFrom, overrideTo time.Time
}

// Setup creates it all. step0Delay is the minutes from step 0 to step 1,
// step1Delay from step 1 to the repeat (the policy's second round).
func Setup(ctx context.Context, c *ent.Client, hookURL string, step0Delay, step1Delay int) (*Fixture, error) {
	ctx = viewer.System(ctx)
	now := time.Now()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, err
	}
	f := &Fixture{loc: loc}
	team, err := c.Team.Create().SetName("Paging fixture").Save(ctx)
	if err != nil {
		return nil, err
	}
	f.TeamID = team.ID
	if f.Responders, err = createResponders(ctx, c, team, hookURL, now); err != nil {
		return nil, err
	}
	f.Login.Email, f.Login.Password = f.Responders[0].Email, Password
	if err := f.createSchedule(ctx, c, now); err != nil {
		return nil, err
	}
	pol, err := pager.SavePolicy(ctx, c, 0, pager.PolicyInput{Name: "Paging fixture", Repeat: 1, Steps: []pager.StepInput{
		{DelayMinutes: step0Delay, Targets: []escalation.Target{
			{Kind: escalation.TargetSchedule, ID: f.ScheduleID}, {Kind: escalation.TargetRoundRobin, ID: team.ID}}},
		{DelayMinutes: step1Delay, Targets: []escalation.Target{{Kind: escalation.TargetTeam, ID: team.ID}}},
	}})
	if err != nil {
		return nil, fmt.Errorf("policy: %w", err)
	}
	f.PolicyID = pol.ID
	svc, err := c.Service.Create().SetName("Paging fixture").SetTeam(team).SetEscalationPolicyID(pol.ID).Save(ctx)
	if err != nil {
		return nil, err
	}
	f.ServiceID = svc.ID
	integrations := integration.New(c, nil, "http://127.0.0.1", "localhost")
	for _, in := range []struct {
		kind entintegration.Kind
		key  *string
	}{{entintegration.KindOPSGENIE, &f.OpsgenieKey}, {entintegration.KindALERTMANAGER, &f.AlertmanagerKey}} {
		_, key, err := integrations.Create(ctx, integration.CreateInput{ServiceID: svc.ID, Kind: in.kind,
			Name: "paging fixture " + string(in.kind), RateLimitPerMinute: unthrottled, RateLimitBurst: unthrottled})
		if err != nil {
			return nil, fmt.Errorf("%s integration: %w", in.kind, err)
		}
		*in.key = key
	}
	return f, nil
}

// createResponders adds the team's members, each with a webhook to their
// own path and a HIGH-urgency rule on it at delay 0; the first one can sign in.
func createResponders(ctx context.Context, c *ent.Client, team *ent.Team, hookURL string, now time.Time) ([]Responder, error) {
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return nil, err
	}
	out := make([]Responder, 0, responders)
	for i := range responders {
		create := c.User.Create().SetEmail(fmt.Sprintf("responder%d@paging.local", i+1)).
			SetName(fmt.Sprintf("Responder %d", i+1)).SetRole(viewer.RoleResponder).AddTeams(team)
		if i == 0 {
			create.SetPasswordHash(hash)
		}
		u, err := create.Save(ctx)
		if err != nil {
			return nil, err
		}
		path := fmt.Sprintf("/u%d", u.ID)
		cm, err := c.ContactMethod.Create().SetUserID(u.ID).SetKind(contactmethod.KindWEBHOOK).SetName("receiver").
			SetAddress(hookURL + path).SetVerifiedAt(now).Save(ctx)
		if err != nil {
			return nil, err
		}
		if err := c.NotificationRule.Create().SetUserID(u.ID).SetContactMethodID(cm.ID).SetUrgency("HIGH").
			SetDelayMinutes(0).Exec(ctx); err != nil {
			return nil, err
		}
		out = append(out, Responder{ID: u.ID, Name: u.Name, Email: u.Email, Path: path, MethodID: cm.ID})
	}
	return out, nil
}

// createSchedule adds the schedule through package schedule (which checks
// the layer and the override as the API does).
func (f *Fixture) createSchedule(ctx context.Context, c *ent.Client, now time.Time) error {
	s, err := c.Schedule.Create().SetName("Paging fixture").SetTimeZone(zone).SetTeamID(f.TeamID).Save(ctx)
	if err != nil {
		return err
	}
	f.ScheduleID = s.ID
	// Handoffs twelve hours from now on the wall clock, so none falls in a
	// run; never at 02:00, which a spring DST day skips.
	local := now.In(f.loc)
	f.handoffHour = (local.Hour() + 12) % 24
	if f.handoffHour == 2 {
		f.handoffHour = 4
	}
	f.rotationStart = time.Date(local.Year(), local.Month(), local.Day()-10, f.handoffHour, 0, 0, 0, f.loc)
	f.Rotation = f.Responders[:rotating]
	ids := make([]int, len(f.Rotation))
	for i, r := range f.Rotation {
		ids[i] = r.ID
	}
	handoff := fmt.Sprintf("%02d:00", f.handoffHour)
	store := schedule.New(c, nil)
	if _, err := store.CreateLayer(ctx, s.ID, schedule.LayerInput{Name: "Primary", ParticipantIDs: ids,
		ShiftLength: 1, ShiftUnit: schedulelayer.ShiftUnitDAYS, StartAt: f.rotationStart, HandoffTime: &handoff}); err != nil {
		return fmt.Errorf("schedule layer: %w", err)
	}
	f.Secondary = f.Responders[rotating]
	f.overrideFrom, f.overrideTo = now.Add(-time.Hour).Truncate(time.Second), now.Add(7*24*time.Hour).Truncate(time.Second)
	note := "Secondary this week"
	if _, err := store.CreateOverride(ctx, s.ID, schedule.OverrideInput{Kind: scheduleoverride.KindADD,
		StartsAt: f.overrideFrom, EndsAt: f.overrideTo, UserOnID: &f.Secondary.ID, Note: &note}); err != nil {
		return fmt.Errorf("schedule override: %w", err)
	}
	return nil
}

// ByPath is the responder whose webhook points at path.
func (f *Fixture) ByPath(path string) (Responder, bool) {
	for _, r := range f.Responders {
		if r.Path == path {
			return r, true
		}
	}
	return Responder{}, false
}

// ByMethod is the responder who owns webhook contact method id.
func (f *Fixture) ByMethod(id int) (Responder, bool) {
	for _, r := range f.Responders {
		if r.MethodID == id {
			return r, true
		}
	}
	return Responder{}, false
}
