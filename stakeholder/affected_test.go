package stakeholder_test

import (
	"context"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/announcement"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/stakeholdermessage"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/stakeholder"
	"github.com/tocsin/tocsin/viewer"
)

// hasSubject checks an email's Subject header (unfolded).
func hasSubject(t *testing.T, what, raw, want string) {
	t.Helper()
	m, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if got := m.Header.Get("Subject"); got != want {
		t.Errorf("%s: want the subject %q, got %q", what, want, got)
	}
}

// incidents is the incident lifecycle announcing to the world's
// stakeholders, as cli wires it.
func (w *world) incidents() *incident.Incidents {
	inc := incident.NewIncidents(incident.New(env.Client, env.DB))
	inc.Announcer = w.s
	return inc
}

// person is a stakeholder with a push device named after them.
func person(t *testing.T, email, name string) *ent.User {
	t.Helper()
	u := env.Client.User.Create().SetEmail(email).SetName(name).SetRole(viewer.RoleStakeholder).SetTimeZone("Europe/Berlin").SaveX(sys)
	device(t, u, name+"-phone")
	return u
}

// pushedTo counts the pushes sent after the first skip, by device token.
func (w *world) pushedTo(skip int) map[string]int {
	out := map[string]int{}
	for _, s := range w.fcm.Sends()[skip:] {
		tok, _ := s.Message["token"].(string)
		out[tok]++
	}
	return out
}

// addServices adds services to inc as the responder would.
func (w *world) addServices(t *testing.T, incs *incident.Incidents, inc *ent.Incident, services ...*ent.Service) {
	t.Helper()
	ids := make([]int, len(services))
	for i, svc := range services {
		ids[i] = svc.ID
	}
	if _, err := incs.AddServices(as(w.responder), incident.UserActor(w.responder), inc.ID, ids); err != nil {
		t.Fatalf("adding services: %v", err)
	}
}

// Declared on Checkout API; Website is added later, then an alert of
// Payments is linked. Each newly affected service's subscribers hear of
// it once, in the words of a declared incident's message; whoever already
// followed the incident (its services, the incident itself, as a member)
// hears nothing more.
func TestNewlyAffectedServiceTellsOnlyItsNewSubscribersOnce(t *testing.T) {
	w := newWorld(t)
	incs := w.incidents()
	payments := env.Client.Service.Create().SetName("Payments").SetTeamID(w.api.TeamID).SaveX(sys)
	bob, carol, dave := person(t, "bob2@x.io", "Bob"), person(t, "carol@x.io", "Carol"), person(t, "dave@x.io", "Dave")
	erin, frank := person(t, "erin@x.io", "Erin"), person(t, "frank@x.io", "Frank")
	w.s.SubscribeToService(as(bob), w.web.ID)
	w.s.SubscribeToService(as(carol), w.api.ID)
	w.s.SubscribeToService(as(carol), w.web.ID)
	w.s.SubscribeToService(as(dave), payments.ID)
	w.s.SubscribeToService(as(erin), w.web.ID)
	w.s.SubscribeToService(as(frank), w.web.ID)

	inc, err := incs.Declare(as(w.responder), incident.UserActor(w.responder),
		incident.Declaration{Title: "Checkout down", Severity: "SEV2", ServiceIDs: []int{w.api.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.mails(2 * time.Second); len(got) != 1 || len(got["carol@x.io"]) != 1 {
		t.Fatalf("the declaration: want one email, to Carol (Checkout API), got %v", keys(got))
	}
	w.s.SubscribeToIncident(as(erin), inc.ID)
	env.Client.IncidentMember.Create().SetIncidentID(inc.ID).SetUserID(frank.ID).SetRole(incidentmember.RoleSTAKEHOLDER).ExecX(sys)
	pushes := len(w.fcm.Sends())

	w.addServices(t, incs, inc, w.web)
	got := w.mails(2 * time.Second)
	if len(got) != 1 || len(got["bob2@x.io"]) != 1 {
		t.Fatalf("Website added: want exactly one email, to Bob (Carol, Erin and Frank follow already), got %v", keys(got))
	}
	hasSubject(t, "Bob's email", got["bob2@x.io"][0], "Incident Checkout down (SEV2, investigating) now affects Website")
	mustContain(t, "Bob's email", got["bob2@x.io"][0],
		"now affects Website as well", "Affected services: Checkout API, Website",
		"You get this because you follow Website.", "http://tocsin.test/profile#notifications",
		"http://tocsin.test/incidents/"+itoa(inc.ID))
	if p := w.pushedTo(pushes); len(p) != 1 || p["Bob-phone"] != 1 {
		t.Fatalf("Website added: want exactly one push, to Bob's phone, got %v", p)
	}
	pushes = len(w.fcm.Sends())

	alert := env.Client.Alert.Create().SetServiceID(payments.ID).SetAlias("payments-5xx").SetMessage("Payments 5xx").SaveX(sys)
	if _, err := incs.LinkAlerts(as(w.responder), incident.UserActor(w.responder), inc.ID, []int{alert.ID}); err != nil {
		t.Fatal(err)
	}
	got = w.mails(2 * time.Second)
	if len(got) != 1 || len(got["dave@x.io"]) != 1 {
		t.Fatalf("Payments' alert linked: want exactly one email, to Dave, got %v", keys(got))
	}
	hasSubject(t, "Dave's email", got["dave@x.io"][0], "Incident Checkout down (SEV2, investigating) now affects Payments")
	mustContain(t, "Dave's email", got["dave@x.io"][0], "You get this because you follow Payments.")
	if p := w.pushedTo(pushes); len(p) != 1 || p["Dave-phone"] != 1 {
		t.Fatalf("Payments' alert linked: want exactly one push, to Dave's phone, got %v", p)
	}
	pushes = len(w.fcm.Sends())

	w.skip(time.Minute)
	if a, m := w.sweep(t); a+m != 0 {
		t.Fatalf("everyone told: the sweep must queue nothing, got %d announcements and %d messages", a, m)
	}
	w.expectNothingMore(t, "after the sweep", pushes)
}

// Redis loses the announcement of the added service: the sweep queues it
// once, and the new subscriber hears of it once.
func TestRedisFlushedBeforeTheAffectedAnnouncementStillTellsOnce(t *testing.T) {
	w := newStoppedWorld(t)
	incs := w.incidents()
	w.s.SubscribeToService(as(w.alice), w.web.ID)
	device(t, w.alice, "alice-phone")
	inc, err := incs.Declare(as(w.responder), incident.UserActor(w.responder),
		incident.Declaration{Title: "Checkout down", Severity: "SEV2", ServiceIDs: []int{w.api.ID}})
	if err != nil {
		t.Fatal(err)
	}
	// The declaration's fan-out ran (nobody follows Checkout API).
	if err := w.s.HandleAnnounce(context.Background(), task(t, stakeholder.TypeAnnounce,
		stakeholder.Event{Kind: stakeholder.EventDeclared, ID: inc.ID})); err != nil {
		t.Fatal(err)
	}
	w.addServices(t, incs, inc, w.web)
	if err := env.Redis.FlushDB(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	w.start(t)
	if a, _ := w.sweep(t); a != 0 {
		t.Fatalf("within the grace the sweep leaves the announcement to its task, but queued %d", a)
	}
	w.skip(2 * time.Second)
	if a, m := w.sweep(t); a != 1 || m != 0 {
		t.Fatalf("want the sweep to queue the one lost announcement, got %d announcements and %d messages", a, m)
	}
	got := w.expectOne(t, "after the sweep", 5*time.Second)
	hasSubject(t, "swept email", got["alice@x.io"][0], "Incident Checkout down (SEV2, investigating) now affects Website")
	w.skip(time.Minute)
	if a, m := w.sweep(t); a+m != 0 {
		t.Fatalf("once told, the sweep must queue nothing, got %d announcements and %d messages", a, m)
	}
	w.expectNothingMore(t, "after sweeping again", 1)
}

// A digest reader hears of the newly affected service in their digest,
// and nothing in between.
func TestNewlyAffectedServiceIsInTheDigest(t *testing.T) {
	w := newWorld(t)
	incs := w.incidents()
	w.s.SubscribeToService(as(w.alice), w.web.ID)
	hourly := stakeholderpreference.DigestHOURLY
	if _, err := w.s.SetPreferences(as(w.alice), stakeholder.PreferencesInput{Digest: &hourly}); err != nil {
		t.Fatal(err)
	}
	// Declared (and announced) two hours ago, before the digest's period.
	inc := env.Client.Incident.Create().SetTitle("Checkout down").SetSeverity("SEV2").AddServices(w.api).
		SetCreatedAt(time.Now().Add(-2 * time.Hour)).SaveX(sys)
	w.addServices(t, incs, inc, w.web)
	if got := w.mails(2 * time.Second); len(got) != 0 {
		t.Fatalf("a digest reader gets nothing before the period ends, got %v", keys(got))
	}
	ins := inspector()
	tasks, err := ins.ListScheduledTasks(stakeholder.Queue)
	if err != nil {
		t.Fatal(err)
	}
	var digests []string
	for _, tk := range tasks {
		if tk.Type == stakeholder.TypeDigest {
			digests = append(digests, tk.ID)
		}
	}
	if len(digests) != 1 {
		t.Fatalf("want one digest task for the hour, got %v", digests)
	}
	if err := ins.RunTask(stakeholder.Queue, digests[0]); err != nil {
		t.Fatal(err)
	}
	got := w.mails(3 * time.Second)
	if len(got) != 1 || len(got["alice@x.io"]) != 1 {
		t.Fatalf("want one digest email, to alice, got %v", keys(got))
	}
	hasSubject(t, "digest", got["alice@x.io"][0], "Incident digest: 1 incident(s) now affect your services")
	mustContain(t, "digest", got["alice@x.io"][0], "Now affects Website, which you follow:", "Checkout down", "Affected services: Checkout API, Website")
}

// Services added to a resolved incident are no news: the fan-out plans
// nothing and the sweep does not look for it.
func TestServicesAddedToAResolvedIncidentTellNobody(t *testing.T) {
	w := newStoppedWorld(t)
	incs := w.incidents()
	w.s.SubscribeToService(as(w.alice), w.web.ID)
	device(t, w.alice, "alice-phone")
	inc := env.Client.Incident.Create().SetTitle("Over").SetSeverity("SEV2").SetStatus(entincident.StatusRESOLVED).
		AddServices(w.api).SaveX(sys)
	if err := stakeholder.MarkAnnounced(sys, env.Client, announcement.EventDECLARED, inc.ID); err != nil {
		t.Fatal(err)
	}
	w.addServices(t, incs, inc, w.web)
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID),
		timelineevent.Kind(incident.KindServicesAdded)).OnlyX(sys)
	if err := env.Redis.FlushDB(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	w.skip(2 * time.Second)
	if a, m := w.sweep(t); a+m != 0 {
		t.Fatalf("a resolved incident's SERVICES_ADDED: the sweep must queue nothing, got %d announcements and %d messages", a, m)
	}
	if err := w.s.HandleAnnounce(context.Background(), task(t, stakeholder.TypeAnnounce,
		stakeholder.Event{Kind: stakeholder.EventAffected, ID: ev.ID})); err != nil {
		t.Fatal(err)
	}
	if n := env.Client.StakeholderMessage.Query().Where(stakeholdermessage.EventEQ(stakeholdermessage.EventAFFECTED)).CountX(sys); n != 0 {
		t.Fatalf("a resolved incident: want no message planned, got %d", n)
	}
	w.start(t)
	w.expectNothingMore(t, "a resolved incident", 0)
}
