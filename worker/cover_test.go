package worker_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
	"github.com/tocsin/tocsin/worker"
)

func TestCoverRequestIsEmailedToTheOtherParticipants(t *testing.T) {
	env.Truncate(t)
	smtp := smtptest.Start(t)
	mailer, err := notify.NewMailer(smtp.URL, "Tocsin <tocsin@test.local>")
	if err != nil {
		t.Fatal(err)
	}
	store := schedule.New(env.Client, worker.NewClient(env.Redis))
	w := worker.New(env.Redis, worker.Options{
		Concurrency: 2, Queues: map[string]int{"critical": 6, "default": 3, "low": 1},
		TaskCheckInterval: 100 * time.Millisecond, DelayedTaskCheckInterval: 100 * time.Millisecond,
	}, worker.Deps{Client: env.Client, Mailer: mailer, BaseURL: "http://tocsin.test", Schedules: store})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()

	sys := viewer.System(context.Background())
	ann := env.Client.User.Create().SetEmail("ann@example.com").SetName("Ann").SaveX(sys)
	bob := env.Client.User.Create().SetEmail("bob@example.com").SetName("Bob").SaveX(sys)
	team := env.Client.Team.Create().SetName("Ops").AddMembers(ann, bob).SaveX(sys)
	s := env.Client.Schedule.Create().SetName("Ops primary").SetTimeZone("Europe/Berlin").SetTeam(team).SaveX(sys)
	if _, err := store.CreateLayer(sys, s.ID, schedule.LayerInput{Name: "Days", ParticipantIDs: []int{ann.ID, bob.ID},
		ShiftLength: 1, ShiftUnit: schedulelayer.ShiftUnitDAYS, StartAt: time.Now().Add(-24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	start := time.Now().Add(48 * time.Hour)
	annCtx := viewer.ForUser(context.Background(), ann.ID, viewer.RoleResponder)
	req, err := store.RequestCover(annCtx, s.ID, schedule.CoverInput{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Message: ptr("Dentist")})
	if err != nil {
		t.Fatal(err)
	}
	msg := smtp.Next(t, 10*time.Second)
	body, _ := decodeQP(msg.Data)
	if len(msg.To) != 1 || msg.To[0] != "bob@example.com" {
		t.Fatalf("want one email to bob (ann asked), got %v", msg.To)
	}
	for _, want := range []string{"Subject: Cover request: Ops primary", "Ann asks for someone to cover", "Dentist", "http://tocsin.test/schedules/"} {
		if !strings.Contains(msg.Data, want) && !strings.Contains(body, want) {
			t.Errorf("the email lacks %q:\n%s", want, body)
		}
	}
	if req.Status != "OPEN" {
		t.Fatalf("want an open request, got %s", req.Status)
	}
}

func ptr[T any](v T) *T { return &v }
