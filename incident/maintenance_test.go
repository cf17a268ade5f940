package incident_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// A window is at most 90 days long and starts within a year; one that
// ends before it starts is refused by the data layer. Nothing is written
// for a refused window.
func TestMaintenanceWindowsAreBounded(t *testing.T) {
	s, svc, u := setup(t)
	now := time.Now()
	for _, c := range []struct {
		name       string
		start, end time.Time
		field      string
	}{
		{"in the past", now.Add(-2 * time.Hour), now.Add(-time.Hour), "endsAt"},
		{"longer than 90 days", now, now.Add(incident.MaxMaintenance + time.Hour), "endsAt"},
		{"until 9999", now, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), "endsAt"},
		{"starting in two years", now.Add(2 * 365 * 24 * time.Hour), now.Add(2*365*24*time.Hour + time.Hour), "startsAt"},
		{"ending before it starts", now.Add(2 * time.Hour), now.Add(time.Hour), "endsAt"},
	} {
		if _, err := s.ScheduleMaintenance(sys, svc.ID, c.start, c.end, "", u.ID); !isInvalid(err, c.field) {
			t.Errorf("a window %s: want an invalid %s, got %v", c.name, c.field, err)
		}
	}
	if n := env.Client.MaintenanceWindow.Query().CountX(sys); n != 0 {
		t.Fatalf("refused windows were written: %d", n)
	}
	if _, err := s.ScheduleMaintenance(sys, svc.ID, now, now.Add(incident.MaxMaintenance), "migration", u.ID); err != nil {
		t.Fatalf("a 90-day window: %v", err)
	}
}

// A window silences a service's paging: responders plan and end windows
// of their own teams' services only; admins of any.
func TestMaintenanceWindowsBelongToTheServicesTeam(t *testing.T) {
	s, svc, member := setup(t)
	team := env.Client.Team.GetX(sys, svc.TeamID)
	env.Client.Team.UpdateOne(team).AddMembers(member).ExecX(sys)
	other := env.Client.Team.Create().SetName("Other").SaveX(sys)
	outsider := env.Client.User.Create().SetEmail("o@x.io").SetName("Out").SetRole(viewer.RoleResponder).AddTeams(other).SaveX(sys)
	admin := env.Client.User.Create().SetEmail("a@x.io").SetName("Adm").SetRole(viewer.RoleAdmin).SaveX(sys)
	as := func(u int, r viewer.Role) context.Context { return viewer.ForUser(context.Background(), u, r) }
	now := time.Now()

	if _, err := s.ScheduleMaintenance(as(outsider.ID, viewer.RoleResponder), svc.ID, now, now.Add(time.Hour), "", outsider.ID); !errors.Is(err, privacy.Deny) {
		t.Fatalf("a responder of another team planning a window: want privacy.Deny, got %v", err)
	}
	w, err := s.ScheduleMaintenance(as(member.ID, viewer.RoleResponder), svc.ID, now, now.Add(time.Hour), "", member.ID)
	if err != nil {
		t.Fatalf("a responder of the service's team: %v", err)
	}
	if err := s.EndMaintenance(as(outsider.ID, viewer.RoleResponder), w.ID); !errors.Is(err, privacy.Deny) {
		t.Fatalf("a responder of another team ending the window: want privacy.Deny, got %v", err)
	}
	if got := env.Client.MaintenanceWindow.GetX(sys, w.ID); !got.EndsAt.After(time.Now()) {
		t.Fatal("a refused end ended the window")
	}
	if _, err := s.ScheduleMaintenance(as(admin.ID, viewer.RoleAdmin), svc.ID, now, now.Add(time.Hour), "", admin.ID); err != nil {
		t.Fatalf("an admin: %v", err)
	}
	if err := s.EndMaintenance(as(member.ID, viewer.RoleResponder), w.ID); err != nil {
		t.Fatalf("the team's responder ending their window: %v", err)
	}
}
