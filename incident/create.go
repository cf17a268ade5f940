package incident

import (
	"context"
	"crypto/rand"
	stdsql "database/sql"
	"encoding/hex"
	"errors"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/maintenancewindow"
	"github.com/tocsin/tocsin/ent/timelineevent"
)

// NewAlert is what a door knows about an alert it received.
type NewAlert struct {
	ServiceID     int
	IntegrationID int
	// Alias is the dedupe key; empty gets a random one (Opsgenie sets alias = id).
	Alias, Message, Description, Source, Entity string
	// Note is added to the timeline with the creation.
	Note       string
	Details    map[string]string
	Tags       []string
	Priority   alert.Priority
	Actions    []string
	Responders []map[string]string
	// OccurredAt is when the sender saw it; zero means now.
	OccurredAt time.Time
}

// Created is the outcome of Create.
type Created struct {
	Alert *ent.Alert
	// Deduplicated is true when an open alert with the alias existed and only its count went up.
	Deduplicated bool
}

// Create opens an alert, or counts a repeat of the open one with the same
// (service, alias). New alerts start paging unless the service is in a
// maintenance window; repeats never page again.
func (s *Alerts) Create(ctx context.Context, by Actor, n NewAlert) (*Created, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	if n.Alias == "" {
		n.Alias = randomAlias()
	}
	now := s.Now()
	if n.OccurredAt.IsZero() || n.OccurredAt.After(now) {
		n.OccurredAt = now
	}
	var out *Created
	err := s.inTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		open := func() (*ent.Alert, error) {
			return tx.Alert.Query().
				Where(alert.ServiceID(n.ServiceID), alert.Alias(n.Alias), alert.StatusNEQ(alert.StatusCLOSED)).
				ForUpdate().Only(ctx)
		}
		existing, err := open()
		if err != nil && !ent.IsNotFound(err) {
			return err
		}
		if existing == nil {
			id, err := s.insert(ctx, tx, n, now)
			switch {
			case err == nil:
				a, err := tx.Alert.Get(ctx, id)
				if err != nil {
					return err
				}
				out = &Created{Alert: a}
				return s.started(ctx, tx, a, by, n, now)
			case !isNoRows(err):
				return err
			}
			// Another request opened it between our look and our insert: it is a repeat.
			if existing, err = open(); err != nil {
				return err
			}
		}
		a, err := s.repeat(ctx, tx, existing, by, n, now)
		out = &Created{Alert: a, Deduplicated: true}
		return err
	})
	return out, err
}

// insert adds the alert unless an open one with the alias appeared meanwhile
// (ON CONFLICT DO NOTHING on the partial unique index).
func (s *Alerts) insert(ctx context.Context, tx *ent.Tx, n NewAlert, now time.Time) (int, error) {
	inMaint, err := tx.MaintenanceWindow.Query().
		Where(maintenancewindow.ServiceID(n.ServiceID), maintenancewindow.StartsAtLTE(now), maintenancewindow.EndsAtGT(now)).
		Exist(ctx)
	if err != nil {
		return 0, err
	}
	c := tx.Alert.Create().
		SetServiceID(n.ServiceID).SetAlias(n.Alias).SetMessage(n.Message).SetDescription(n.Description).
		SetSource(n.Source).SetEntity(n.Entity).SetPriority(n.Priority).
		SetDetails(orEmpty(n.Details)).SetTags(orEmptySlice(n.Tags)).SetActions(orEmptySlice(n.Actions)).
		SetResponders(orEmptyResponders(n.Responders)).
		SetFirstOccurredAt(n.OccurredAt).SetLastOccurredAt(n.OccurredAt).SetCreatedAt(now).
		SetInMaintenance(inMaint)
	if n.IntegrationID != 0 {
		c.SetIntegrationID(n.IntegrationID)
	}
	return c.OnConflict(
		entsql.ConflictColumns(alert.FieldServiceID, alert.FieldAlias),
		entsql.ConflictWhere(entsql.NEQ(alert.FieldStatus, alert.StatusCLOSED.String())),
	).DoNothing().ID(ctx)
}

// started writes the creation to the timeline and starts paging.
func (s *Alerts) started(ctx context.Context, tx *ent.Tx, a *ent.Alert, by Actor, n NewAlert, now time.Time) error {
	data := map[string]any{"message": a.Message, "priority": string(a.Priority), "alias": a.Alias}
	if n.Source != "" {
		data["source"] = n.Source
	}
	if err := record(ctx, tx, a, by, KindCreated, now, data); err != nil {
		return err
	}
	if n.Note != "" {
		if err := record(ctx, tx, a, by, KindNoteAdded, now, map[string]any{"note": n.Note}); err != nil {
			return err
		}
	}
	if a.InMaintenance {
		return record(ctx, tx, a, SystemActor("Tocsin"), KindInMaintenance, now,
			map[string]any{"reason": "created during a maintenance window: not paged"})
	}
	return s.Pager.Start(ctx, tx, a)
}

// repeat counts a duplicate. Message and description stay as they were
// (Opsgenie semantics); the timeline gets one entry per debounce period.
func (s *Alerts) repeat(ctx context.Context, tx *ent.Tx, a *ent.Alert, by Actor, n NewAlert, now time.Time) (*ent.Alert, error) {
	last := n.OccurredAt
	if last.Before(a.LastOccurredAt) {
		last = a.LastOccurredAt
	}
	a, err := tx.Alert.UpdateOne(a).AddCount(1).SetLastOccurredAt(last).Save(ctx)
	if err != nil {
		return nil, err
	}
	recent, err := tx.TimelineEvent.Query().
		Where(timelineevent.AlertID(a.ID), timelineevent.Kind(KindDeduplicated), timelineevent.CreatedAtGT(now.Add(-s.Debounce))).
		Order(ent.Desc(timelineevent.FieldID)).First(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	if recent != nil {
		data := recent.Data
		repeats, _ := data["repeats"].(float64)
		data["repeats"] = repeats + 1
		data["count"] = a.Count
		data["last_message"] = n.Message
		return a, tx.TimelineEvent.UpdateOne(recent).SetData(data).Exec(ctx)
	}
	return a, record(ctx, tx, a, by, KindDeduplicated, now,
		map[string]any{"count": a.Count, "repeats": 1, "last_message": n.Message})
}

func randomAlias() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func isNoRows(err error) bool {
	return errors.Is(err, stdsql.ErrNoRows)
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func orEmptySlice(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orEmptyResponders(r []map[string]string) []map[string]string {
	if r == nil {
		return []map[string]string{}
	}
	return r
}
