package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/internal/seed"
)

var seedDemo *bool

func seedFlags(fs *flag.FlagSet) {
	seedDemo = fs.Bool("demo", false, "add demo users (admin@, responder@, stakeholder@tocsin.local, password "+seed.DemoPassword+"), teams, services, alerts and an incident")
}

func runSeed(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	if !*seedDemo {
		return errors.New("nothing to seed: pass --demo")
	}
	a, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.close()
	if err := seed.Demo(ctx, a.client, a.auth, time.Now()); err != nil {
		return fmt.Errorf("seeding demo data: %w", err)
	}
	fmt.Println("demo data ready; sign in as admin@tocsin.local, responder@tocsin.local or stakeholder@tocsin.local with password", seed.DemoPassword)
	return nil
}
