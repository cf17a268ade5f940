package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/ent"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/viewer"
)

// kindNames are the default integration names, as senders call themselves.
var kindNames = map[entintegration.Kind]string{
	entintegration.KindOPSGENIE:     "Opsgenie",
	entintegration.KindPAGERDUTY:    "PagerDuty",
	entintegration.KindALERTMANAGER: "Alertmanager",
	entintegration.KindGRAFANA:      "Grafana",
	entintegration.KindGENERIC:      "Generic webhook",
	entintegration.KindEMAIL:        "Email",
	entintegration.KindHEARTBEAT:    "Heartbeat",
}

var integrationOpts struct {
	service, kind, name, mapping *string
	json                         *bool
}

func integrationFlags(fs *flag.FlagSet) {
	integrationOpts.service = fs.String("service", "", "name of the service alerts go to (required)")
	integrationOpts.kind = fs.String("kind", "", "OPSGENIE, PAGERDUTY, ALERTMANAGER, GRAFANA, GENERIC, EMAIL or HEARTBEAT (required)")
	integrationOpts.name = fs.String("name", "", "integration name (default: the kind's, e.g. Opsgenie)")
	integrationOpts.mapping = fs.String("mapping", "", `GENERIC only: JSON of expressions, e.g. {"message":"body.title","alias":"body.id"}`)
	integrationOpts.json = fs.Bool("json", false, `print {"id","name","kind","key","url"} as JSON`)
}

func runIntegration(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	in, err := integrationInput()
	if err != nil {
		return err
	}
	a, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.close()
	sys := viewer.System(ctx)
	s, err := a.client.Service.Query().Where(service.Name(*integrationOpts.service)).Only(sys)
	if ent.IsNotFound(err) {
		return fmt.Errorf("no service named %q; create it with: tocsin service create --name %q --team <team>", *integrationOpts.service, *integrationOpts.service)
	}
	if err != nil {
		return err
	}
	in.ServiceID = s.ID
	i, key, err := a.intgs.Create(sys, in)
	if err != nil {
		return saveError("integration", in.Name, err)
	}
	out := created{ID: i.ID, Name: i.Name, Kind: string(i.Kind), Key: key, URL: a.intgs.URL(i, key)}
	if *integrationOpts.json {
		return printJSON(os.Stdout, out)
	}
	fmt.Printf("created integration %q (%s) on service %q\nid:   %d\nkey:  %s\nurl:  %s\n", out.Name, out.Kind, s.Name, out.ID, out.Key, out.URL)
	fmt.Println("The key is shown only now; the GraphQL mutation rotateIntegrationKey makes a new one.")
	return nil
}

// integrationInput checks the flags before anything is opened.
func integrationInput() (integration.CreateInput, error) {
	o := integrationOpts
	if *o.service == "" || *o.kind == "" {
		return integration.CreateInput{}, usagef("--service and --kind are required")
	}
	kind := entintegration.Kind(strings.ToUpper(*o.kind))
	if entintegration.KindValidator(kind) != nil {
		return integration.CreateInput{}, usagef("--kind must be one of OPSGENIE, PAGERDUTY, ALERTMANAGER, GRAFANA, GENERIC, EMAIL, HEARTBEAT; got %q", *o.kind)
	}
	in := integration.CreateInput{Kind: kind, Name: *o.name}
	if in.Name == "" {
		in.Name = kindNames[kind]
	}
	switch {
	case *o.mapping != "" && kind != entintegration.KindGENERIC:
		return in, usagef("--mapping is for GENERIC integrations only")
	case *o.mapping == "" && kind == entintegration.KindGENERIC:
		return in, usagef(`a GENERIC integration needs --mapping, e.g. --mapping '{"message":"body.title","alias":"body.id"}'`)
	case *o.mapping != "":
		if err := json.Unmarshal([]byte(*o.mapping), &in.Mapping); err != nil {
			return in, usagef("--mapping must be a JSON object of strings: %v", err)
		}
	}
	return in, nil
}
