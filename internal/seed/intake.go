package seed

import (
	"context"
	"fmt"
	"strings"

	"github.com/tocsin/tocsin/ent"
	entheartbeat "github.com/tocsin/tocsin/ent/heartbeat"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/viewer"
)

// IntakeServiceName is the demo service with one integration of each kind.
const IntakeServiceName = "Demo intake"

// DemoHeartbeat is the demo heartbeat on the intake service (interval 1 h).
const DemoHeartbeat = "demo-cron"

// demoMapping is the GENERIC integration's mapping: a typical JSON webhook.
var demoMapping = map[string]string{
	"message":  "body.title",
	"alias":    "body.id",
	"priority": `body.severity == "critical" ? "P1" : "P3"`,
	"close":    `body.status == "resolved"`,
}

// intakeKinds are the kinds seeded, in the order they are printed.
var intakeKinds = []struct {
	kind entintegration.Kind
	name string
}{
	{entintegration.KindOPSGENIE, "Demo Opsgenie"},
	{entintegration.KindPAGERDUTY, "Demo PagerDuty"},
	{entintegration.KindALERTMANAGER, "Demo Alertmanager"},
	{entintegration.KindGRAFANA, "Demo Grafana"},
	{entintegration.KindGENERIC, "Demo webhook"},
	{entintegration.KindEMAIL, "Demo email"},
	{entintegration.KindHEARTBEAT, "Demo heartbeat"},
}

// IntakeIntegration is one demo integration. Key (and the snippet made
// with it) is set only on the run that created it: keys are stored hashed.
type IntakeIntegration struct {
	ID   int
	Kind entintegration.Kind
	Name string
	Key  string
	URL  string
	// Curl is a ready command that sends a test alert (Opsgenie) or a ping
	// (heartbeat); empty when the key is not known.
	Curl string
}

// Intake adds, once, the "Demo intake" service (team Platform), one
// integration of each kind and the heartbeat demo-cron. Run it after Demo.
func Intake(ctx context.Context, c *ent.Client, intgs *integration.Integrations) ([]IntakeIntegration, error) {
	ctx = viewer.System(ctx)
	platform, err := ensureTeam(ctx, c, "Platform", "Runs the infrastructure: clusters, databases, networking.")
	if err != nil {
		return nil, err
	}
	svc, err := c.Service.Query().Where(service.Name(IntakeServiceName)).Only(ctx)
	if ent.IsNotFound(err) {
		svc, err = c.Service.Create().SetName(IntakeServiceName).SetTeam(platform).
			SetDescription("Receives the demo integrations: one of each kind, to try every way in.").Save(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("service %s: %w", IntakeServiceName, err)
	}
	var out []IntakeIntegration
	for _, k := range intakeKinds {
		i, err := c.Integration.Query().
			Where(entintegration.ServiceID(svc.ID), entintegration.KindEQ(k.kind)).
			Order(ent.Asc(entintegration.FieldID)).First(ctx)
		key := ""
		if ent.IsNotFound(err) {
			in := integration.CreateInput{ServiceID: svc.ID, Kind: k.kind, Name: k.name}
			if k.kind == entintegration.KindGENERIC {
				in.Mapping = demoMapping
			}
			i, key, err = intgs.Create(ctx, in)
		}
		if err != nil {
			return nil, fmt.Errorf("integration %s: %w", k.kind, err)
		}
		out = append(out, describe(intgs, i, key))
	}
	if err := ensureHeartbeat(ctx, c, svc); err != nil {
		return nil, err
	}
	return out, nil
}

func describe(intgs *integration.Integrations, i *ent.Integration, key string) IntakeIntegration {
	d := IntakeIntegration{ID: i.ID, Kind: i.Kind, Name: i.Name, Key: key,
		URL: strings.ReplaceAll(intgs.URL(i, key), "<HEARTBEAT_NAME>", DemoHeartbeat)}
	if key != "" && (i.Kind == entintegration.KindOPSGENIE || i.Kind == entintegration.KindHEARTBEAT) {
		d.Curl = strings.ReplaceAll(intgs.Snippets(i, key).Curl, "<HEARTBEAT_NAME>", DemoHeartbeat)
	}
	return d
}

func ensureHeartbeat(ctx context.Context, c *ent.Client, svc *ent.Service) error {
	exists, err := c.Heartbeat.Query().Where(entheartbeat.Name(DemoHeartbeat)).Exist(ctx)
	if err != nil || exists {
		return err
	}
	interval, desc := 3600, "A cron job that pings every hour; an hour of silence opens an alert."
	_, err = heartbeat.Create(ctx, c, heartbeat.Config{ServiceID: svc.ID, Name: DemoHeartbeat,
		IntervalSeconds: &interval, Description: &desc})
	if err != nil {
		return fmt.Errorf("heartbeat %s: %w", DemoHeartbeat, err)
	}
	return nil
}
