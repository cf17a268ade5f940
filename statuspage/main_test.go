package statuspage

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "statuspage", &env)) }

// fixture is a public page "acme" with two components in a group and one
// without a service, and a SEV2 incident on the API with one update per
// audience.
type fixture struct {
	ctx             context.Context
	page            *ent.StatusPage
	api, db         *ent.Service
	incident        *ent.Incident
	public, private *ent.StatusUpdate
	stakeholder     *ent.StatusUpdate
}

func newFixture(t *testing.T, public bool) *fixture {
	t.Helper()
	env.Truncate(t)
	ctx := viewer.System(context.Background())
	c := env.Client
	f := &fixture{ctx: ctx}
	team := c.Team.Create().SetName("Platform").SaveX(ctx)
	since := time.Now().AddDate(0, -6, 0)
	f.api = c.Service.Create().SetName("API Gateway").SetTeam(team).SetCreatedAt(since).SaveX(ctx)
	f.db = c.Service.Create().SetName("PostgreSQL").SetTeam(team).SetCreatedAt(since).SaveX(ctx)
	f.page = c.StatusPage.Create().SetSlug("acme").SetTitle("Acme status").SetPublic(public).SaveX(ctx)
	c.StatusComponent.Create().SetPageID(f.page.ID).SetName("Database").SetGroupName("Core").SetPosition(2).SetServiceID(f.db.ID).SaveX(ctx)
	c.StatusComponent.Create().SetPageID(f.page.ID).SetName("API").SetGroupName("Core").SetPosition(1).SetServiceID(f.api.ID).SaveX(ctx)
	c.StatusComponent.Create().SetPageID(f.page.ID).SetName("Website").SetPosition(3).SaveX(ctx)
	f.incident = c.Incident.Create().SetTitle("Elevated API errors").SetSeverity(incident.SeveritySEV2).
		SetCreatedAt(time.Now().Add(-time.Hour)).AddServiceIDs(f.api.ID).SaveX(ctx)
	post := func(a statusupdate.Audience, msg string, ago time.Duration) *ent.StatusUpdate {
		return c.StatusUpdate.Create().SetIncidentID(f.incident.ID).SetMessage(msg).SetStatus(statusupdate.StatusINVESTIGATING).
			SetAudience(a).SetCreatedAt(time.Now().Add(-ago)).SaveX(ctx)
	}
	f.public = post(statusupdate.AudiencePUBLIC, "We are investigating elevated error rates.", 30*time.Minute)
	f.stakeholder = post(statusupdate.AudienceSTAKEHOLDER, "Stakeholders: checkout may fail for EU customers.", 20*time.Minute)
	f.private = post(statusupdate.AudienceINTERNAL, "INTERNAL: db-7 disk is full, failing over.", 10*time.Minute)
	return f
}

func viewerSystem() context.Context { return viewer.System(context.Background()) }
