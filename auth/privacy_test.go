package auth_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "auth", &env)) }

type people struct {
	admin, responder, stakeholder *ent.User
	team                          *ent.Team
	service                       *ent.Service
}

func setup(t *testing.T) people {
	t.Helper()
	env.Truncate(t)
	sys := viewer.System(context.Background())
	var p people
	mk := func(email string, r viewer.Role) *ent.User {
		u, err := env.Client.User.Create().SetEmail(email).SetName(email).SetRole(r).Save(sys)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	p.admin, p.responder, p.stakeholder = mk("a@x.io", viewer.RoleAdmin), mk("r@x.io", viewer.RoleResponder), mk("s@x.io", viewer.RoleStakeholder)
	p.team = env.Client.Team.Create().SetName("T").SaveX(sys)
	p.service = env.Client.Service.Create().SetName("S").SetTeam(p.team).SaveX(sys)
	return p
}

func as(u *ent.User) context.Context { return viewer.ForUser(context.Background(), u.ID, u.Role) }

// TestRolesAreEnforcedInTheDataLayer calls ent directly, as any future door
// would, and checks the policy answers.
func TestRolesAreEnforcedInTheDataLayer(t *testing.T) {
	p := setup(t)
	c := env.Client
	for _, tc := range []struct {
		name    string
		who     *ent.User
		do      func(ctx context.Context) error
		allowed bool
	}{
		{"stakeholder creates alert", p.stakeholder, func(ctx context.Context) error {
			return c.Alert.Create().SetService(p.service).SetAlias("a").SetMessage("m").Exec(ctx)
		}, false},
		{"responder creates alert", p.responder, func(ctx context.Context) error {
			return c.Alert.Create().SetService(p.service).SetAlias("b").SetMessage("m").Exec(ctx)
		}, true},
		{"responder creates service", p.responder, func(ctx context.Context) error {
			return c.Service.Create().SetName("S2").SetTeam(p.team).Exec(ctx)
		}, false},
		{"admin creates service", p.admin, func(ctx context.Context) error {
			return c.Service.Create().SetName("S3").SetTeam(p.team).Exec(ctx)
		}, true},
		{"stakeholder renames self", p.stakeholder, func(ctx context.Context) error {
			return c.User.UpdateOneID(p.stakeholder.ID).SetName("Me").Exec(ctx)
		}, true},
		{"stakeholder promotes self", p.stakeholder, func(ctx context.Context) error {
			return c.User.UpdateOneID(p.stakeholder.ID).SetRole(viewer.RoleAdmin).Exec(ctx)
		}, false},
		{"responder renames another user", p.responder, func(ctx context.Context) error {
			return c.User.UpdateOneID(p.stakeholder.ID).SetName("X").Exec(ctx)
		}, false},
		{"stakeholder joins a team", p.stakeholder, func(ctx context.Context) error {
			return c.User.UpdateOneID(p.stakeholder.ID).AddTeams(p.team).Exec(ctx)
		}, false},
		{"responder bulk-updates users", p.responder, func(ctx context.Context) error {
			return c.User.Update().SetName("all").Exec(ctx)
		}, false},
		{"stakeholder creates an API token", p.stakeholder, func(ctx context.Context) error {
			return c.APIToken.Create().SetName("t").SetPrefix("p").SetSecretHash([]byte{1}).SetUserID(p.stakeholder.ID).Exec(ctx)
		}, false},
		{"responder creates a token for someone else", p.responder, func(ctx context.Context) error {
			return c.APIToken.Create().SetName("t").SetPrefix("p").SetSecretHash([]byte{2}).SetUserID(p.admin.ID).Exec(ctx)
		}, false},
		{"responder reads sessions", p.responder, func(ctx context.Context) error {
			_, err := c.Session.Query().All(ctx)
			return err
		}, false},
		{"stakeholder reads alerts", p.stakeholder, func(ctx context.Context) error {
			_, err := c.Alert.Query().All(ctx)
			return err
		}, true},
	} {
		err := tc.do(as(tc.who))
		if tc.allowed && err != nil {
			t.Errorf("%s: want allowed, got %v", tc.name, err)
		}
		if !tc.allowed && !errors.Is(err, privacy.Deny) {
			t.Errorf("%s: want privacy.Deny, got %v", tc.name, err)
		}
	}
	if _, err := c.Alert.Query().All(context.Background()); !errors.Is(err, viewer.ErrUnauthenticated) {
		t.Errorf("no viewer: want ErrUnauthenticated, got %v", err)
	}
}

func TestExpiredSessionsAndDisabledUsersDoNotAuthenticate(t *testing.T) {
	p := setup(t)
	a := auth.New(env.Client, env.Redis, time.Hour)
	sys := viewer.System(context.Background())
	if err := a.SetPassword(sys, p.responder.ID, "password-123"); err != nil {
		t.Fatal(err)
	}
	s, err := a.Login(context.Background(), "R@X.io ", "password-123", "127.0.0.1", "t")
	if err != nil {
		t.Fatalf("login is case- and space-insensitive on email: %v", err)
	}
	if v, err := a.Authenticate(context.Background(), s.Token); err != nil || v.UserID != p.responder.ID {
		t.Fatalf("fresh session: %v %v", v, err)
	}
	a.Now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	if _, err := a.Authenticate(context.Background(), s.Token); err != auth.ErrInvalidToken {
		t.Fatalf("expired session: want ErrInvalidToken, got %v", err)
	}
	a.Now = time.Now
	env.Client.User.UpdateOneID(p.responder.ID).SetDisabled(true).ExecX(sys)
	if _, err := a.Authenticate(context.Background(), s.Token); err != auth.ErrInvalidToken {
		t.Fatalf("disabled user: want ErrInvalidToken, got %v", err)
	}
	if _, err := a.Login(context.Background(), "r@x.io", "password-123", "127.0.0.1", "t"); err != auth.ErrInvalidCredentials {
		t.Fatalf("disabled user login: want ErrInvalidCredentials, got %v", err)
	}
}

func TestChangePasswordSignsOutOtherSessions(t *testing.T) {
	p := setup(t)
	a := auth.New(env.Client, env.Redis, time.Hour)
	sys := viewer.System(context.Background())
	a.SetPassword(sys, p.admin.ID, "first-password")
	s1, _ := a.Login(context.Background(), "a@x.io", "first-password", "1", "t")
	s2, _ := a.Login(context.Background(), "a@x.io", "first-password", "1", "t")
	v, _ := a.Authenticate(context.Background(), s1.Token)
	ctx := viewer.NewContext(context.Background(), v)
	var invalid *auth.InvalidError
	if err := a.ChangePassword(ctx, "wrong", "second-password"); !errors.As(err, &invalid) || invalid.Field != "currentPassword" {
		t.Fatalf("wrong current password: want an InvalidError on currentPassword, got %v", err)
	}
	if err := a.ChangePassword(ctx, "first-password", "second-password"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Authenticate(context.Background(), s1.Token); err != nil {
		t.Fatalf("the session that changed the password stays: %v", err)
	}
	if _, err := a.Authenticate(context.Background(), s2.Token); err != auth.ErrInvalidToken {
		t.Fatalf("other sessions end: got %v", err)
	}
}
