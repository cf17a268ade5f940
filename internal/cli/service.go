package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/team"
	"github.com/tocsin/tocsin/viewer"
)

var serviceOpts struct {
	name, team, description *string
	json                    *bool
}

func serviceFlags(fs *flag.FlagSet) {
	serviceOpts.name = fs.String("name", "", "service name (required, unique)")
	serviceOpts.team = fs.String("team", "", "name of the team that owns it (required)")
	serviceOpts.description = fs.String("description", "", "what the service is")
	serviceOpts.json = fs.Bool("json", false, `print {"id","name"} as JSON`)
}

func runService(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	if *serviceOpts.name == "" || *serviceOpts.team == "" {
		return usagef("--name and --team are required")
	}
	a, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.close()
	sys := viewer.System(ctx)
	t, err := a.client.Team.Query().Where(team.Name(*serviceOpts.team)).Only(sys)
	if ent.IsNotFound(err) {
		return fmt.Errorf("no team named %q; create it with: tocsin team create --name %q", *serviceOpts.team, *serviceOpts.team)
	}
	if err != nil {
		return err
	}
	if taken, err := a.client.Service.Query().Where(service.Name(*serviceOpts.name)).Exist(sys); err != nil || taken {
		if err == nil {
			err = fmt.Errorf("a service named %q already exists", *serviceOpts.name)
		}
		return err
	}
	s, err := a.client.Service.Create().SetName(*serviceOpts.name).SetDescription(*serviceOpts.description).SetTeam(t).Save(sys)
	if err != nil {
		return saveError("service", *serviceOpts.name, err)
	}
	if *serviceOpts.json {
		return printJSON(os.Stdout, created{ID: s.ID, Name: s.Name})
	}
	fmt.Printf("created service %q (team %q)\nid: %d\n", s.Name, t.Name, s.ID)
	return nil
}
