package pager_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/schedule"
)

func user(id int) escalation.Target { return escalation.Target{Kind: escalation.TargetUser, ID: id} }

// Step 0 pages Ana (push at once, SMS after 2 min); step 1, 5 minutes later,
// pages the team round-robin; the policy runs twice, then stops.
func TestAPolicyPagesEachPersonOnEachChannelAtItsTime(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindSMS: 2})
	w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	w.person("cy", team, map[contactmethod.Kind]int{contactmethod.KindVOICE: 1})
	svc := w.service(team, 1,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{{Kind: escalation.TargetRoundRobin, ID: team.ID}}})
	w.open(svc, "P1")
	w.runUntil(time.Hour)
	// Round robin goes by member id: ana, bob, cy — ana's turn comes first.
	w.expect(
		"push to ana-PUSH at +0s", "sms to ana-SMS at +2m0s",
		"push to ana-PUSH at +5m0s", "sms to ana-SMS at +7m0s",
		"push to ana-PUSH at +10m0s", "sms to ana-SMS at +12m0s",
		"push to bob-PUSH at +15m0s",
	)
}

func TestAcknowledgeStopsEveryLaterPage(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindSMS: 2})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 2,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(bob.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s")
	if n := env.Client.Delivery.Query().Where(delivery.StatusEQ(delivery.StatusSKIPPED)).CountX(sys); n != 1 {
		t.Fatalf("the SMS planned for +2m is recorded as skipped: %d skipped", n)
	}
}

func TestSnoozeHoldsPagingUntilItEnds(t *testing.T) {
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
	w.runUntil(time.Hour)
	// Ana's SMS fell inside the snooze; paging resumed at its end with the
	// step that was next (bob), and the policy then ended.
	w.expect("push to ana-PUSH at +0s", "push to bob-PUSH at +30m0s")
}

func TestEscalateNowFiresTheNextStepAtOnce(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0,
		escalation.Step{Delay: 30 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Targets: []escalation.Target{user(bob.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	if _, err := w.alerts.EscalateNow(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to bob-PUSH at +1m0s")
}

func TestLowUrgencyFollowsLowUrgencyRules(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	email := env.Client.ContactMethod.Create().SetUserID(ana.ID).SetKind(contactmethod.KindEMAIL).SetName("mail").
		SetAddress("ana@x.io").SetVerifiedAt(w.now).SaveX(sys)
	env.Client.NotificationRule.Create().SetUserID(ana.ID).SetContactMethodID(email.ID).SetUrgency("LOW").ExecX(sys)
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	w.open(svc, "P4")
	w.runUntil(time.Hour)
	w.expect("email to ana@x.io at +0s")
}

// An unverified SMS number is never paged; a person with no usable rule is
// named on the timeline as unreachable.
func TestUnverifiedMethodsAreNotPaged(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, nil)
	cm := env.Client.ContactMethod.Create().SetUserID(ana.ID).SetKind(contactmethod.KindSMS).SetName("sms").SetAddress("+1").SaveX(sys)
	env.Client.NotificationRule.Create().SetUserID(ana.ID).SetContactMethodID(cm.ID).SetUrgency("HIGH").ExecX(sys)
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(time.Hour)
	w.expect()
	ev := env.Client.Alert.GetX(sys, id).QueryTimeline().AllX(sys)
	found := false
	for _, e := range ev {
		if e.Kind == incident.KindStepFired {
			un, _ := e.Data["unreachable"].([]any)
			found = len(un) == 1 && un[0] == "ana"
		}
	}
	if !found {
		t.Fatalf("the step event names ana as unreachable: %+v", ev)
	}
}

// Unacknowledging puts the alert back in front of people: the policy runs
// again from its first step, and the first step pages again.
func TestUnacknowledgePagesAgainFromTheFirstStep(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Targets: []escalation.Target{user(bob.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(10 * time.Minute)
	if _, err := w.alerts.Unacknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to ana-PUSH at +10m0s", "push to bob-PUSH at +15m0s")
}

// Step 0 (ana) stops at acknowledge; step 1 (bob: push, SMS 2 min later)
// keeps paging until the alert is closed; step 2 (cy) stops at acknowledge;
// the policy runs twice. Acknowledged at +1m: ana's SMS at +2m is dropped,
// bob is paged at +5m and +7m and again in round two (+20m, +22m) — step 2
// and round two's step 0 page nobody — and closing at +21m stops his SMS.
func TestKeepPagingStepsPageAfterAcknowledgeUntilClosed(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindSMS: 2})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindSMS: 2})
	cy := w.person("cy", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 1,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(bob.ID)}, KeepPaging: true},
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(cy.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(21 * time.Minute)
	if _, err := w.alerts.Close(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(2 * time.Hour)
	w.expect("push to ana-PUSH at +0s",
		"push to bob-PUSH at +5m0s", "sms to bob-SMS at +7m0s",
		"push to bob-PUSH at +20m0s")
	skipped := env.Client.Delivery.Query().Where(delivery.StatusEQ(delivery.StatusSKIPPED)).AllX(sys)
	if len(skipped) != 2 {
		t.Fatalf("ana's SMS (acknowledged) and bob's second SMS (closed) are skipped; got %d skipped", len(skipped))
	}
	if a := env.Client.Alert.GetX(sys, id); a.EscalationDueAt != nil {
		t.Fatalf("a closed alert has nothing due, got %v", a.EscalationDueAt)
	}
}

// A policy whose keep-paging steps are all behind the acknowledge stops,
// and a snooze of an alert that a step keeps paging holds that paging
// until the snooze ends.
func TestKeepPagingAfterAcknowledgeWaitsOutASnooze(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Targets: []escalation.Target{user(bob.ID)}, KeepPaging: true})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := w.alerts.Snooze(sys, incident.UserActor(ana), id, w.start.Add(30*time.Minute), ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to bob-PUSH at +30m0s")

	// Only a step behind keeps paging: acknowledging after it fired ends
	// paging (ana's step, ahead, stops on acknowledge).
	svc2 := w.service(team, 0,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(bob.ID)}, KeepPaging: true},
		escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	id2 := w.open(svc2, "P1")
	w.runUntil(61 * time.Minute)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(bob), id2, ""); err != nil {
		t.Fatal(err)
	}
	if a := env.Client.Alert.GetX(sys, id2); a.EscalationDueAt != nil {
		t.Fatalf("no step ahead keeps paging: due %v", a.EscalationDueAt)
	}
	w.runUntil(2 * time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to bob-PUSH at +30m0s", "push to bob-PUSH at +1h0m0s")
}

// An unacknowledge gives the alert the whole policy again, repeats
// included: the rounds it used before do not count.
func TestUnacknowledgeRestartsTheRepeatsToo(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 1, escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(6 * time.Minute)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(10 * time.Minute)
	if _, err := w.alerts.Unacknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to ana-PUSH at +5m0s", "push to ana-PUSH at +10m0s", "push to ana-PUSH at +15m0s")
}

// A schedule target pages whoever is on call when the step fires: an
// override that hands the shift from ana to bob between step 1 and step 2
// makes step 2 page bob.
func TestScheduleTargetsAreResolvedWhenTheStepFires(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	sch := env.Client.Schedule.Create().SetName("Primary").SetTimeZone("Europe/Berlin").SetTeam(team).SaveX(sys)
	if _, err := w.eng.Schedules.CreateLayer(sys, sch.ID, schedule.LayerInput{Name: "Week", ParticipantIDs: []int{ana.ID},
		ShiftLength: 1, ShiftUnit: schedulelayer.ShiftUnitWEEKS, StartAt: w.start.Add(-24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	on := func(id int) escalation.Target { return escalation.Target{Kind: escalation.TargetSchedule, ID: id} }
	svc := w.service(team, 0,
		escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{on(sch.ID)}},
		escalation.Step{Targets: []escalation.Target{on(sch.ID)}})
	w.open(svc, "P1")
	w.runUntil(2 * time.Minute)
	if _, err := w.eng.Schedules.CreateOverride(sys, sch.ID, schedule.OverrideInput{Kind: scheduleoverride.KindREPLACE,
		StartsAt: w.start.Add(3 * time.Minute), EndsAt: w.start.Add(time.Hour), UserOnID: &bob.ID, UserOffID: &ana.ID}); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to bob-PUSH at +5m0s")
}

// A page the provider refuses for good is on the timeline with the
// person's next page ("next rule at …"), and that next rule still fires.
func TestAFailedPageSaysWhenTheNextRuleFires(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindVOICE: 0, contactmethod.KindSMS: 2})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	w.phones["voice"].fail = notify.Permanent("voice", "busy", errors.New("the line was busy"))
	id := w.open(svc, "P1")
	w.runUntil(time.Hour)
	w.expect("sms to ana-SMS at +2m0s")
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(id), timelineevent.Kind(incident.KindPageFailed)).OnlyX(sys)
	if want := w.start.Add(2 * time.Minute).UTC().Format(time.RFC3339); ev.Data["next_at"] != want || ev.Data["channel"] != "voice" {
		t.Fatalf("PAGE_FAILED data: want channel voice and next_at %s, got %v", want, ev.Data)
	}
}

// Escalating an acknowledged alert hands it on: it is open again and the
// next step pages at once (PagerDuty's escalate re-triggers, too).
func TestEscalatingAnAcknowledgedAlertReopensItAndPagesTheNextStep(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0, contactmethod.KindSMS: 2})
	svc := w.service(team, 0,
		escalation.Step{Delay: 30 * time.Minute, Targets: []escalation.Target{user(ana.ID)}},
		escalation.Step{Targets: []escalation.Target{user(bob.ID)}})
	id := w.open(svc, "P1")
	w.runUntil(time.Minute)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), id, ""); err != nil {
		t.Fatal(err)
	}
	w.runUntil(5 * time.Minute)
	a, err := w.alerts.EscalateNow(sys, incident.UserActor(ana), id, "need the database expert")
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != "OPEN" || a.AcknowledgedAt != nil {
		t.Fatalf("escalated: want OPEN and no acknowledge, got %s %v", a.Status, a.AcknowledgedAt)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to bob-PUSH at +5m0s", "sms to bob-SMS at +7m0s")
}

// A step task that runs again after its step committed (the commit's answer
// was lost, or the worker died right after it) sends that step's pages that
// are still planned at once, instead of leaving them to the sweep.
func TestAStepRunAgainSendsItsStillPlannedPages(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	w.phones["push"].fail = notify.Temporary("push", "", errors.New("FCM unavailable"))
	id := w.open(svc, "P1")
	due := *env.Client.Alert.GetX(sys, id).EscalationDueAt
	payload, _ := json.Marshal(map[string]any{"alert": id, "round": 0, "step": 0, "due": due.UnixMicro()})
	step := asynq.NewTask(pager.TypeStep, payload)
	if err := w.eng.HandleStep(context.Background(), step); err != nil { // fires; its page fails and stays planned
		t.Fatal(err)
	}
	w.q.mu.Lock()
	clear(w.q.tasks) // the page's retry task is lost with the worker
	w.q.mu.Unlock()
	w.phones["push"].fail = nil
	if err := w.eng.HandleStep(context.Background(), step); err != nil {
		t.Fatal(err)
	}
	w.expect("push to ana-PUSH at +0s")
	if n := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(id), timelineevent.Kind(incident.KindStepFired)).CountX(sys); n != 1 {
		t.Fatalf("the step fired once, got %d ESCALATION_STEP events", n)
	}
}

// A step that sent its pages and then rolled back (PostgreSQL went away
// before its commit) fires again: the same people, the round robin's turn
// included, under the same delivery keys, so a receiver drops the repeat;
// the pages and the step are recorded once.
func TestAStepThatRolledBackAfterSendingPagesTheSamePeopleUnderTheSameKeys(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	cy := w.person("cy", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{{Kind: escalation.TargetRoundRobin, ID: team.ID}, user(cy.ID)}})
	cut := false
	w.phones["push"].during = func() {
		if cut {
			return
		}
		cut = true
		// The step's transaction waits on its sends: end it, as a
		// PostgreSQL restart would.
		if _, err := env.DB.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()`); err != nil {
			t.Error(err)
		}
	}
	id := w.open(svc, "P1")
	due := *env.Client.Alert.GetX(sys, id).EscalationDueAt
	payload, _ := json.Marshal(map[string]any{"alert": id, "round": 0, "step": 0, "due": due.UnixMicro()})
	step := asynq.NewTask(pager.TypeStep, payload)
	if err := w.eng.HandleStep(context.Background(), step); err == nil {
		t.Fatal("the step committed although its connection was ended during the sends")
	}
	if n := env.Client.Delivery.Query().Where(delivery.AlertID(id)).CountX(sys); n != 0 {
		t.Fatalf("the step rolled back: want no deliveries rows, got %d", n)
	}
	if err := w.eng.HandleStep(context.Background(), step); err != nil { // the task's retry
		t.Fatal(err)
	}
	w.expect("push to ana-PUSH at +0s", "push to ana-PUSH at +0s", "push to cy-PUSH at +0s", "push to cy-PUSH at +0s")
	keys := map[string][]string{}
	w.mu.Lock()
	for _, p := range w.pages {
		keys[p.To] = append(keys[p.To], p.Key)
	}
	w.mu.Unlock()
	for to, ks := range keys {
		if len(ks) != 2 || ks[0] != ks[1] || ks[0] == "" {
			t.Errorf("%s: want one delivery key sent twice, got %q", to, ks)
		}
	}
	if n := env.Client.Delivery.Query().Where(delivery.AlertID(id), delivery.StatusEQ(delivery.StatusSENT)).CountX(sys); n != 2 {
		t.Fatalf("want the two pages recorded SENT once each, got %d", n)
	}
	if n := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(id), timelineevent.Kind(incident.KindStepFired)).CountX(sys); n != 1 {
		t.Fatalf("the step fired once, got %d ESCALATION_STEP events", n)
	}
	// The next alert's step takes the next turn: bob.
	w.open(svc, "P1")
	w.runUntil(time.Minute)
	w.expect("push to ana-PUSH at +0s", "push to ana-PUSH at +0s", "push to cy-PUSH at +0s", "push to cy-PUSH at +0s",
		"push to bob-PUSH at +0s", "push to cy-PUSH at +0s")
}
