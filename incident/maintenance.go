package incident

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/maintenancewindow"
	"github.com/tocsin/tocsin/txn"
)

// ScheduleMaintenance plans a window [start, end) when the service's alerts
// are recorded but not paged.
func (s *Alerts) ScheduleMaintenance(ctx context.Context, serviceID int, start, end time.Time, reason string, byUserID int) (*ent.MaintenanceWindow, error) {
	if err := checkWindow(start, end, s.Now()); err != nil {
		return nil, err
	}
	if err := tooLong("reason", reason, 1000); err != nil {
		return nil, err
	}
	c := s.client(ctx).MaintenanceWindow.Create().
		SetServiceID(serviceID).SetStartsAt(start).SetEndsAt(end).SetReason(reason)
	if byUserID != 0 {
		c.SetCreatedByID(byUserID)
	}
	return c.Save(ctx)
}

// EndMaintenance ends a window now, or deletes it if it has not started.
func (s *Alerts) EndMaintenance(ctx context.Context, id int) error {
	c := s.client(ctx)
	w, err := c.MaintenanceWindow.Get(ctx, id)
	if err != nil {
		return err
	}
	now := s.Now()
	if w.StartsAt.After(now) {
		return c.MaintenanceWindow.DeleteOneID(id).Exec(ctx)
	}
	if !w.EndsAt.After(now) {
		return nil
	}
	return c.MaintenanceWindow.UpdateOneID(id).SetEndsAt(now).Where(maintenancewindow.EndsAtGT(now)).Exec(ctx)
}

// client is the transaction's client when ctx has one.
func (s *Alerts) client(ctx context.Context) *ent.Client {
	return txn.Client(ctx, s.Client)
}
