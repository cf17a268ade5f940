package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/ent/team"
	"github.com/tocsin/tocsin/viewer"
)

var teamOpts struct {
	name, description *string
	json              *bool
}

func teamFlags(fs *flag.FlagSet) {
	teamOpts.name = fs.String("name", "", "team name (required, unique)")
	teamOpts.description = fs.String("description", "", "what the team does")
	teamOpts.json = fs.Bool("json", false, `print {"id","name"} as JSON`)
}

func runTeam(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	if *teamOpts.name == "" {
		return usagef("--name is required")
	}
	a, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.close()
	sys := viewer.System(ctx)
	if taken, err := a.client.Team.Query().Where(team.Name(*teamOpts.name)).Exist(sys); err != nil || taken {
		if err == nil {
			err = fmt.Errorf("a team named %q already exists", *teamOpts.name)
		}
		return err
	}
	t, err := a.client.Team.Create().SetName(*teamOpts.name).SetDescription(*teamOpts.description).Save(sys)
	if err != nil {
		return saveError("team", *teamOpts.name, err)
	}
	if *teamOpts.json {
		return printJSON(os.Stdout, created{ID: t.ID, Name: t.Name})
	}
	fmt.Printf("created team %q\nid: %d\n", t.Name, t.ID)
	return nil
}
