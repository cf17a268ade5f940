package pager_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/pager"
)

// describe writes a Progress as one comparable line per fact, times as
// offsets from the world's start.
func (w *world) describe(p pager.Progress) string {
	w.t.Helper()
	at := func(t time.Time) string { return "+" + t.Sub(w.start).String() }
	pages := func(ps []pager.Page) string {
		var out []string
		for _, pg := range ps {
			who := "webhook"
			if pg.User != nil {
				who = pg.User.Name
			}
			out = append(out, fmt.Sprintf("%s by %s (%s) at %s", who, pg.Channel, pg.Method, at(pg.At)))
		}
		return strings.Join(out, ", ")
	}
	s := fmt.Sprintf("%s; step %d of %d; round %d of %d", p.State, p.Step, p.Steps, p.Round, p.Rounds)
	if p.SnoozedUntil != nil {
		s += "; snoozed until " + at(*p.SnoozedUntil)
	}
	if p.StoppedBy != "" {
		s += "; by " + p.StoppedBy + " at " + at(*p.StoppedAt)
	}
	if len(p.Planned) > 0 {
		s += "; planned: " + pages(p.Planned)
	}
	if p.Next != nil {
		s += fmt.Sprintf("; next: step %d of round %d at %s: %s", p.Next.Step, p.Next.Round, at(p.Next.DueAt), pages(p.Next.Pages))
		if len(p.Next.Unreachable) > 0 {
			s += "; unreachable: " + strings.Join(p.Next.Unreachable, ", ")
		}
	}
	return s
}

func (w *world) expectProgress(alertID int, want string) {
	w.t.Helper()
	p, err := w.eng.Progress(sys, alertID)
	if err != nil {
		w.t.Fatalf("progress of alert %d: %v", alertID, err)
	}
	if got := w.describe(p); got != want {
		w.t.Fatalf("progress at +%v:\nwant %s\ngot  %s", w.now.Sub(w.start), want, got)
	}
}

// Ana is paged by push at once and by SMS after 2 minutes; bob only by SMS
// is next, 5 minutes in; the policy runs twice. The progress follows the
// walk, then stops at the acknowledge and says who stopped it.
func TestProgressFollowsThePolicyUntilAcknowledged(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindSMS: 2})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindSMS: 0})
	svc := w.service(team, 1,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(bob.ID)}},
		escalation.Step{Delay: 10 * time.Minute, Targets: []escalation.Target{user(ana.ID), user(bob.ID)}})
	id := w.open(svc, "P1")
	w.expectProgress(id, "PAGING; step 0 of 3; round 1 of 2; next: step 1 of round 1 at +0s: ana by push (PUSH) at +0s")
	w.runUntil(time.Minute)
	w.expectProgress(id, "PAGING; step 1 of 3; round 1 of 2; planned: ana by sms (SMS) at +2m0s; "+
		"next: step 2 of round 1 at +5m0s: bob by sms (SMS) at +5m0s")
	w.runUntil(6 * time.Minute)
	w.expectProgress(id, "PAGING; step 2 of 3; round 1 of 2; "+
		"next: step 3 of round 1 at +10m0s: ana by push (PUSH) at +10m0s, bob by sms (SMS) at +10m0s")
	w.runUntil(21 * time.Minute)
	w.expectProgress(id, "PAGING; step 1 of 3; round 2 of 2; planned: ana by sms (SMS) at +22m0s; "+
		"next: step 2 of round 2 at +25m0s: bob by sms (SMS) at +25m0s")
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(bob), id, ""); err != nil {
		t.Fatal(err)
	}
	// The SMS planned for +22m is still a PLANNED row until its task skips
	// it; it will not go, so it is not shown.
	w.expectProgress(id, "ACKNOWLEDGED; step 1 of 3; round 2 of 2; by bob at +21m0s")
	if _, err := w.alerts.Close(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.expectProgress(id, "CLOSED; step 1 of 3; round 2 of 2; by ana at +21m0s")
}

// After the last step of the last round, with its pages gone out, the
// policy is exhausted; while the last step's later pages wait, it still pages.
func TestProgressSaysWhenThePolicyIsExhausted(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindVOICE: 3})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	w.expectProgress(id, "PAGING; step 1 of 1; round 1 of 1; planned: ana by voice (VOICE) at +3m0s")
	w.runUntil(time.Hour)
	w.expectProgress(id, "EXHAUSTED; step 1 of 1; round 1 of 1")
}

// A snooze holds the next step until its end; pages that fall inside it
// will be skipped and are not shown.
func TestProgressOfASnoozedAlert(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindSMS: 2})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Targets: []escalation.Target{user(bob.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	if _, err := w.alerts.Snooze(sys, incident.UserActor(ana), id, w.start.Add(30*time.Minute), ""); err != nil {
		t.Fatal(err)
	}
	w.expectProgress(id, "SNOOZED; step 1 of 2; round 1 of 1; snoozed until +30m0s; "+
		"next: step 2 of round 1 at +30m0s: bob by push (PUSH) at +30m0s")
}

// An alert opened in a maintenance window is never paged.
func TestProgressOfAnAlertInMaintenance(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	env.Client.MaintenanceWindow.Create().SetServiceID(svc.ID).SetStartsAt(w.start.Add(-time.Hour)).SetEndsAt(w.start.Add(time.Hour)).ExecX(sys)
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	w.expectProgress(id, "MAINTENANCE; step 0 of 1; round 1 of 1")
	w.expect()
}

// An alert acknowledged before its first step fired was never paged: there
// is no progress to show.
func TestProgressOfAnAlertNeverPaged(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	id := w.open(svc, "P1")
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Minute)
	w.expect()
	if _, err := w.eng.Progress(sys, id); !errors.Is(err, pager.ErrNotPaged) {
		t.Fatalf("want ErrNotPaged, got %v", err)
	}
}

// The next step's preview shows whose round-robin turn it is without
// taking it, names webhooks, and names people no rule reaches; low
// urgency follows low-urgency rules.
func TestProgressPreviewsTheNextStepWithoutTakingATurn(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	cy := w.person("cy", team, nil)
	hook := env.Client.ContactMethod.Create().SetUserID(ana.ID).SetKind(contactmethod.KindWEBHOOK).SetName("Ops bot").
		SetAddress("https://hooks.example/ops").SetVerifiedAt(w.now).SaveX(sys)
	svc := w.service(team, 0,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Targets: []escalation.Target{{Kind: escalation.TargetRoundRobin, ID: team.ID}, user(cy.ID),
			{Kind: escalation.TargetWebhook, ID: hook.ID}}})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	want := "PAGING; step 1 of 2; round 1 of 1; next: step 2 of round 1 at +5m0s: " +
		"ana by push (PUSH) at +5m0s, webhook by webhook (Ops bot) at +5m0s; unreachable: cy"
	w.expectProgress(id, want)
	w.expectProgress(id, want) // a second read takes no turn either
	w.runUntil(10 * time.Minute)
	w.expect("push to ana-PUSH at +0s", "push to ana-PUSH at +5m0s", "webhook to https://hooks.example/ops at +5m0s")
}

// An acknowledged alert that a keep-paging step pages on shows that step
// next and only that step's pages as planned; after an unacknowledge the
// rounds count from the restart.
func TestProgressOfAKeepPagingAlertAndARestart(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindSMS: 2})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 1,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(bob.ID)}, KeepPaging: true})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	p, err := w.eng.Progress(sys, id)
	if err != nil {
		t.Fatal(err)
	}
	if p.State != pager.StateKeepPaging || len(p.Planned) != 0 || p.Next == nil || p.Next.Step != 2 || p.Next.Round != 1 {
		t.Fatalf("acknowledged before the keep-paging step: want KEEP_PAGING, nothing planned (ana's SMS is dropped), next step 2 of round 1; got %+v next %+v", p, p.Next)
	}
	w.runUntil(20 * time.Minute)
	if _, err := w.alerts.Unacknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(21 * time.Minute)
	if p, err = w.eng.Progress(sys, id); err != nil {
		t.Fatal(err)
	}
	if p.State != pager.StatePaging || p.Round != 1 || p.Step != 1 || p.Rounds != 2 {
		t.Fatalf("after the unacknowledge: want step 1 of round 1 of 2, paging; got %+v", p)
	}
}
