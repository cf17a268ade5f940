package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/viewer"
	"github.com/tocsin/tocsin/worker"
)

var userOpts struct {
	email, name, role, password, timeZone *string
	invite                                *bool
}

func userFlags(fs *flag.FlagSet) {
	userOpts.email = fs.String("email", "", "email address (required)")
	userOpts.name = fs.String("name", "", "display name (required)")
	userOpts.role = fs.String("role", "RESPONDER", "ADMIN, RESPONDER or STAKEHOLDER")
	userOpts.timeZone = fs.String("time-zone", "UTC", "IANA time zone, e.g. Europe/Berlin")
	userOpts.password = fs.String("password", "", "initial password (at least 8 characters)")
	userOpts.invite = fs.Bool("invite", false, "email an invitation link instead of setting a password")
}

func runUser(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	role := viewer.Role(*userOpts.role)
	switch {
	case *userOpts.email == "" || *userOpts.name == "":
		return usagef("--email and --name are required")
	case !role.Valid():
		return usagef("--role must be ADMIN, RESPONDER or STAKEHOLDER, got %q", *userOpts.role)
	case (*userOpts.password == "") == !*userOpts.invite:
		return usagef("give exactly one of --password and --invite")
	}
	a, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.close()
	sys := viewer.System(ctx)
	u, err := a.client.User.Create().SetEmail(*userOpts.email).SetName(*userOpts.name).
		SetRole(role).SetTimeZone(*userOpts.timeZone).Save(sys)
	if err != nil {
		return err
	}
	if *userOpts.invite {
		if err := worker.NewClient(a.redis).EnqueueInvitation(ctx, u.ID); err != nil {
			return err
		}
		fmt.Printf("created user %d (%s); a worker will email the invitation\n", u.ID, u.Email)
		return nil
	}
	if err := a.auth.SetPassword(sys, u.ID, *userOpts.password); err != nil {
		return err
	}
	fmt.Printf("created user %d (%s)\n", u.ID, u.Email)
	return nil
}
