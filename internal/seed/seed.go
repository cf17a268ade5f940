// Package seed fills a database with demo data. It is idempotent: running it
// again finds what exists (by email, name, alias or title) and adds only what
// is missing, so `make dev` can run it every time.
package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/team"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/viewer"
)

// DemoPassword is the password of every demo user.
const DemoPassword = "tocsin-demo"

// DemoUsers are the demo logins, one per role.
var DemoUsers = []struct {
	Email, Name, TimeZone string
	Role                  viewer.Role
}{
	{"admin@tocsin.local", "Ada Admin", "Europe/Berlin", viewer.RoleAdmin},
	{"responder@tocsin.local", "Rui Responder", "America/New_York", viewer.RoleResponder},
	{"stakeholder@tocsin.local", "Sam Stakeholder", "Europe/London", viewer.RoleStakeholder},
}

// Demo adds the demo users, teams, services, an on-call schedule, alerts and an incident.
func Demo(ctx context.Context, c *ent.Client, a *auth.Service, now time.Time) error {
	ctx = viewer.System(ctx)
	users := map[string]*ent.User{}
	for _, du := range DemoUsers {
		u, err := c.User.Query().Where(user.Email(du.Email)).Only(ctx)
		if ent.IsNotFound(err) {
			u, err = c.User.Create().SetEmail(du.Email).SetName(du.Name).SetTimeZone(du.TimeZone).SetRole(du.Role).Save(ctx)
		}
		if err != nil {
			return fmt.Errorf("user %s: %w", du.Email, err)
		}
		if u.PasswordHash == "" {
			if err := a.SetPassword(ctx, u.ID, DemoPassword); err != nil {
				return err
			}
		}
		users[du.Email] = u
		if du.Role != viewer.RoleStakeholder {
			if err := pageByEmail(ctx, c, u, now); err != nil {
				return err
			}
		}
	}

	platform, err := ensureTeam(ctx, c, "Platform", "Runs the infrastructure: clusters, databases, networking.",
		users["admin@tocsin.local"], users["responder@tocsin.local"])
	if err != nil {
		return err
	}
	payments, err := ensureTeam(ctx, c, "Payments", "Owns checkout and billing.", users["responder@tocsin.local"])
	if err != nil {
		return err
	}
	svc := map[string]*ent.Service{}
	for _, s := range []struct {
		name, desc string
		team       *ent.Team
	}{
		{"API Gateway", "Public HTTPS entry point for all customer traffic.", platform},
		{"PostgreSQL primary", "The main database cluster.", platform},
		{"Checkout", "Shopping cart and payment flow.", payments},
	} {
		found, err := c.Service.Query().Where(service.Name(s.name)).Only(ctx)
		if ent.IsNotFound(err) {
			found, err = c.Service.Create().SetName(s.name).SetDescription(s.desc).SetTeam(s.team).Save(ctx)
		}
		if err != nil {
			return fmt.Errorf("service %s: %w", s.name, err)
		}
		svc[s.name] = found
	}
	if err := ensureSchedule(ctx, c, platform, now, users["admin@tocsin.local"], users["responder@tocsin.local"]); err != nil {
		return err
	}
	if err := ensureStatusPage(ctx, c, svc); err != nil {
		return err
	}

	for _, da := range []struct {
		service, alias, message, priority string
		status                            alert.Status
		age                               time.Duration
		count                             int
	}{
		{"API Gateway", "gw-5xx-rate", "5xx rate above 5% on api-gateway", "P1", alert.StatusOPEN, 4 * time.Minute, 7},
		{"PostgreSQL primary", "pg-replication-lag", "Replication lag above 30 s on pg-replica-2", "P2", alert.StatusACKED, 38 * time.Minute, 3},
		{"Checkout", "checkout-latency", "p99 checkout latency above 2 s", "P3", alert.StatusOPEN, 95 * time.Minute, 1},
		{"PostgreSQL primary", "pg-disk-80", "Disk usage above 80% on pg-primary", "P4", alert.StatusCLOSED, 26 * time.Hour, 2},
	} {
		if err := ensureAlert(ctx, c, svc[da.service], da.alias, da.message, da.priority, da.status,
			now.Add(-da.age), da.count, users["responder@tocsin.local"]); err != nil {
			return err
		}
	}

	gw, err := c.Alert.Query().Where(alert.Alias("gw-5xx-rate"), alert.StatusNEQ(alert.StatusCLOSED)).OnlyID(ctx)
	if err != nil {
		return fmt.Errorf("the gateway alert: %w", err)
	}
	return demoIncident(ctx, c, gw, users, now)
}

func ensureTeam(ctx context.Context, c *ent.Client, name, desc string, members ...*ent.User) (*ent.Team, error) {
	t, err := c.Team.Query().Where(team.Name(name)).Only(ctx)
	if ent.IsNotFound(err) {
		t, err = c.Team.Create().SetName(name).SetDescription(desc).AddMembers(members...).Save(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("team %s: %w", name, err)
	}
	return t, nil
}

func ensureAlert(ctx context.Context, c *ent.Client, s *ent.Service, alias, msg, prio string, status alert.Status,
	first time.Time, count int, responder *ent.User) error {
	if n, err := c.Alert.Query().Where(alert.ServiceID(s.ID), alert.Alias(alias)).Count(ctx); err != nil || n > 0 {
		return err
	}
	b := c.Alert.Create().SetService(s).SetAlias(alias).SetMessage(msg).SetPriority(alert.Priority(prio)).
		SetStatus(status).SetCount(count).SetFirstOccurredAt(first).SetLastOccurredAt(lastOf(first, count)).
		SetSource("demo").SetTags([]string{"demo"}).SetDetails(map[string]string{"region": "eu-west-1"}).
		SetCreatedAt(first)
	if status != alert.StatusOPEN {
		b.SetAcknowledgedAt(first.Add(2 * time.Minute)).SetAcknowledgedBy(responder)
	}
	if status == alert.StatusCLOSED {
		b.SetClosedAt(first.Add(30 * time.Minute)).SetClosedBy(responder)
	}
	a, err := b.Save(ctx)
	if err != nil {
		return fmt.Errorf("alert %s: %w", alias, err)
	}
	return c.TimelineEvent.Create().SetAlert(a).SetKind("CREATED").SetActorType(timelineevent.ActorTypeINTEGRATION).
		SetActorName("demo").SetData(map[string]any{"message": msg}).SetCreatedAt(first).Exec(ctx)
}

// lastOccurredAt of a demo alert: a repeat a minute, never later than now.
func lastOf(first time.Time, count int) time.Time {
	last := first.Add(time.Duration(count-1) * time.Minute)
	if now := time.Now(); last.After(now) {
		return now
	}
	return last
}
