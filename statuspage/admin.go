package statuspage

import (
	"context"
	"strings"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/statuscomponent"
	"github.com/tocsin/tocsin/ent/statussubscriber"
)

// The admin writes. The privacy policies decide who may make them (admins);
// these functions add what a database constraint would only say badly: which
// input field is wrong. Pass the request's (transactional) client.

// CreatePage creates a page.
func CreatePage(ctx context.Context, c *ent.Client, in ent.CreateStatusPageInput) (*ent.StatusPage, error) {
	p, err := c.StatusPage.Create().SetInput(in).Save(ctx)
	return p, fieldError(err)
}

// UpdatePage changes a page.
func UpdatePage(ctx context.Context, c *ent.Client, id int, in ent.UpdateStatusPageInput) (*ent.StatusPage, error) {
	p, err := c.StatusPage.UpdateOneID(id).SetInput(in).Save(ctx)
	return p, fieldError(err)
}

// DeletePage removes a page with its components and email subscribers.
func DeletePage(ctx context.Context, c *ent.Client, id int) error {
	if _, err := c.StatusComponent.Delete().Where(statuscomponent.PageID(id)).Exec(ctx); err != nil {
		return err
	}
	if _, err := c.StatusSubscriber.Delete().Where(statussubscriber.PageID(id)).Exec(ctx); err != nil {
		return err
	}
	return c.StatusPage.DeleteOneID(id).Exec(ctx)
}

// AddComponent adds a component to a page.
func AddComponent(ctx context.Context, c *ent.Client, in ent.CreateStatusComponentInput) (*ent.StatusComponent, error) {
	comp, err := c.StatusComponent.Create().SetInput(in).Save(ctx)
	return comp, fieldError(err)
}

// UpdateComponent changes a component.
func UpdateComponent(ctx context.Context, c *ent.Client, id int, in ent.UpdateStatusComponentInput) (*ent.StatusComponent, error) {
	comp, err := c.StatusComponent.UpdateOneID(id).SetInput(in).Save(ctx)
	return comp, fieldError(err)
}

// RemoveComponent removes a component from its page.
func RemoveComponent(ctx context.Context, c *ent.Client, id int) error {
	return c.StatusComponent.DeleteOneID(id).Exec(ctx)
}

// constraintFields names the input field behind each constraint.
var constraintFields = map[string]rule.InvalidError{
	"statuspage_slug":                           {Field: "slug", Reason: "is already used by another status page"},
	"status_components_services_service":        {Field: "serviceID", Reason: "does not name an existing service"},
	"status_components_status_pages_components": {Field: "pageID", Reason: "does not name an existing status page"},
}

// fieldError turns a violated constraint into an error naming the field.
func fieldError(err error) error {
	if err == nil || !ent.IsConstraintError(err) {
		return err
	}
	for name, e := range constraintFields {
		if strings.Contains(err.Error(), name) {
			return &rule.InvalidError{Field: e.Field, Reason: e.Reason}
		}
	}
	return err
}

// URL is where the page with slug is served under baseURL.
func URL(baseURL, slug string) string {
	u := strings.TrimRight(baseURL, "/") + "/status"
	if slug != "" {
		u += "/" + slug
	}
	return u
}
