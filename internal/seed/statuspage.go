package seed

import (
	"context"
	"fmt"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/statuscomponent"
	"github.com/tocsin/tocsin/ent/statuspage"
)

// ensureStatusPage adds the public page at /status, "Acme status", with
// the demo services as components in two groups.
func ensureStatusPage(ctx context.Context, c *ent.Client, svc map[string]*ent.Service) error {
	pg, err := c.StatusPage.Query().Where(statuspage.Slug("")).Only(ctx)
	if ent.IsNotFound(err) {
		pg, err = c.StatusPage.Create().SetSlug("").SetTitle("Acme status").
			SetDescription("Live status of Acme's services. Subscribe to get incident updates by email.").Save(ctx)
	}
	if err != nil {
		return fmt.Errorf("status page: %w", err)
	}
	for i, comp := range []struct{ name, group, service string }{
		{"Website and API", "Customer-facing", "API Gateway"},
		{"Checkout", "Customer-facing", "Checkout"},
		{"Database", "Infrastructure", "PostgreSQL primary"},
	} {
		exists, err := c.StatusComponent.Query().Where(statuscomponent.PageID(pg.ID), statuscomponent.Name(comp.name)).Exist(ctx)
		if err != nil {
			return err
		}
		if exists {
			continue
		}
		if err := c.StatusComponent.Create().SetPageID(pg.ID).SetName(comp.name).SetGroupName(comp.group).
			SetPosition(i).SetService(svc[comp.service]).Exec(ctx); err != nil {
			return fmt.Errorf("status component %s: %w", comp.name, err)
		}
	}
	return nil
}
