package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/internal/seed"
)

var seedDemo *bool

func seedFlags(fs *flag.FlagSet) {
	seedDemo = fs.Bool("demo", false, "add demo users (admin@, responder@, stakeholder@tocsin.local, password "+seed.DemoPassword+"), teams, services, alerts, an incident, and the \"Demo intake\" service with one integration of each kind")
}

func runSeed(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	if !*seedDemo {
		return usagef("nothing to seed: pass --demo")
	}
	a, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.close()
	if err := seed.Demo(ctx, a.client, a.auth, time.Now()); err != nil {
		return fmt.Errorf("seeding demo data: %w", err)
	}
	intake, err := seed.Intake(ctx, a.client, a.intgs)
	if err != nil {
		return fmt.Errorf("seeding demo integrations: %w", err)
	}
	fmt.Println("demo data ready; sign in as admin@tocsin.local, responder@tocsin.local or stakeholder@tocsin.local with password", seed.DemoPassword)
	printIntake(os.Stdout, cfg.BaseURL, intake)
	return nil
}

// printIntake shows the demo integrations: with their keys on the run that
// made them (the only time they are known), else how to get new ones.
func printIntake(w io.Writer, baseURL string, intake []seed.IntakeIntegration) {
	var curls []string
	fresh := 0
	for _, d := range intake {
		if d.Key != "" {
			fresh++
		}
		if d.Curl != "" {
			curls = append(curls, d.Curl)
		}
	}
	if fresh == len(intake) {
		fmt.Fprintf(w, "\nCreated the service %q with one integration of each kind (and heartbeat %q, every hour):\n", seed.IntakeServiceName, seed.DemoHeartbeat)
	} else {
		fmt.Fprintf(w, "\nThe integrations of the service %q already exist; keys are shown only when created:\n", seed.IntakeServiceName)
	}
	for _, d := range intake {
		key := d.Key
		if key == "" {
			key = "(hidden)"
		}
		fmt.Fprintf(w, "  %-12s id %-12d key %-36s  %s\n", d.Kind, d.ID, key, d.URL)
	}
	if fresh > 0 {
		fmt.Fprintln(w, "Copy the keys now: they are not shown again. Try:")
		for _, c := range curls {
			fmt.Fprintln(w, "  "+c)
		}
	}
	if fresh < len(intake) {
		fmt.Fprintf(w, "For a new key, sign in as admin and run the GraphQL mutation rotateIntegrationKey at %s/graphql:\n", baseURL)
		fmt.Fprintln(w, "  mutation { rotateIntegrationKey(id: <id>) { key } }")
	}
}
