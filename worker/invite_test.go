package worker_test

import (
	"context"
	"io"
	"mime/quotedprintable"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
	"github.com/tocsin/tocsin/worker"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "worker", &env)) }

func TestInvitationEmailArrivesAndItsLinkSetsThePassword(t *testing.T) {
	smtp := smtptest.Start(t)
	mailer, err := notify.NewMailer(smtp.URL, "Tocsin <tocsin@test.local>")
	if err != nil {
		t.Fatal(err)
	}
	a := auth.New(env.Client, env.Redis, time.Hour)
	w := worker.New(env.Redis, worker.Options{
		Concurrency: 2, Queues: map[string]int{"critical": 6, "default": 3, "low": 1},
		TaskCheckInterval: 100 * time.Millisecond, DelayedTaskCheckInterval: 100 * time.Millisecond,
	}, worker.Deps{Client: env.Client, Auth: a, Mailer: mailer, BaseURL: "http://tocsin.test"})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.Run(ctx) }()
	defer func() { cancel(); <-done }()

	u, err := env.Client.User.Create().SetEmail("invitee@example.com").SetName("Ivy Invitee").Save(viewer.System(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	if err := worker.NewClient(env.Redis).EnqueueInvitation(context.Background(), u.ID); err != nil {
		t.Fatal(err)
	}
	msg := smtp.Next(t, 10*time.Second)
	if len(msg.To) != 1 || msg.To[0] != "invitee@example.com" {
		t.Fatalf("want one email to invitee@example.com, got %v", msg.To)
	}
	body, _ := decodeQP(msg.Data)
	link := regexp.MustCompile(`http://tocsin\.test/invite/(tci_[A-Za-z0-9_-]+)`).FindStringSubmatch(body)
	if !strings.Contains(msg.Data, "Subject: You are invited to Tocsin") || link == nil {
		t.Fatalf("want the invitation subject and a link, got:\n%s", msg.Data)
	}

	s, err := a.AcceptInvitation(context.Background(), link[1], "correct horse battery", "test")
	if err != nil {
		t.Fatalf("accepting the emailed link: %v", err)
	}
	if s.User.ID != u.ID {
		t.Fatalf("the link signed in user %d, want %d", s.User.ID, u.ID)
	}
	if _, err := a.Login(context.Background(), "invitee@example.com", "correct horse battery", "127.0.0.1", "test"); err != nil {
		t.Fatalf("login with the new password: %v", err)
	}
	if _, err := a.AcceptInvitation(context.Background(), link[1], "another password!", "test"); err != auth.ErrInvalidToken {
		t.Fatalf("a used link must not work twice, got %v", err)
	}
}

func decodeQP(raw string) (string, error) {
	b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(raw)))
	return string(b), err
}
