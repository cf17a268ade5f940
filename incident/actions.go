package incident

import (
	"context"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/viewer"
)

// change locks the alert, checks and applies one lifecycle step in a
// transaction, and returns the alert as it is afterwards.
func (s *Alerts) change(ctx context.Context, id int, step func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error)) (*ent.Alert, error) {
	var out *ent.Alert
	err := s.inTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		// Touching the row first both locks it and runs the alert's privacy
		// policy, so a caller who may not change alerts learns nothing more.
		a, err := tx.Alert.UpdateOneID(id).SetUpdatedAt(s.Now()).Save(ctx)
		if ent.IsNotFound(err) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		out, err = step(ctx, tx, a, s.Now())
		return err
	})
	return out, err
}

func noteData(note string) map[string]any {
	if note == "" {
		return nil
	}
	return map[string]any{"note": note}
}

func checkNote(note string) error { return tooLong("note", note, MaxNote) }

// Acknowledge says someone is working on the alert: paging stops (but for
// steps that page until the alert is closed).
func (s *Alerts) Acknowledge(ctx context.Context, by Actor, id int, note string) (*ent.Alert, error) {
	if err := checkNote(note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error) {
		switch a.Status {
		case alert.StatusCLOSED:
			return nil, &StateError{AlertID: a.ID, Reason: "Alert is already closed"}
		case alert.StatusACKED:
			return nil, &StateError{AlertID: a.ID, Reason: "Alert is already acknowledged"}
		}
		was := a.EscalationDueAt
		u := tx.Alert.UpdateOne(a).SetStatus(alert.StatusACKED).SetAcknowledgedAt(now).ClearSnoozedUntil().ClearEscalationDueAt()
		if by.UserID != 0 {
			u.SetAcknowledgedByID(by.UserID)
		}
		a, err := u.Save(ctx)
		if err != nil {
			return nil, err
		}
		if err := record(ctx, tx, a, by, KindAcknowledged, now, noteData(note)); err != nil {
			return nil, err
		}
		return a, s.Pager.Acknowledged(ctx, tx, a, was)
	})
}

// Unacknowledge puts an acknowledged alert back to open: paging resumes.
func (s *Alerts) Unacknowledge(ctx context.Context, by Actor, id int, note string) (*ent.Alert, error) {
	if err := checkNote(note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error) {
		if a.Status != alert.StatusACKED {
			return nil, &StateError{AlertID: a.ID, Reason: "Alert is not acknowledged"}
		}
		u := tx.Alert.UpdateOne(a).SetStatus(alert.StatusOPEN).ClearAcknowledgedAt().ClearAcknowledgedByID()
		if !a.InMaintenance {
			u.SetEscalationDueAt(now)
		}
		a, err := u.Save(ctx)
		if err != nil {
			return nil, err
		}
		if err := record(ctx, tx, a, by, KindUnacknowledged, now, noteData(note)); err != nil {
			return nil, err
		}
		if a.InMaintenance {
			return a, nil
		}
		return a, s.Pager.Start(ctx, tx, a)
	})
}

// Close resolves the alert: paging stops and the alias is free again.
func (s *Alerts) Close(ctx context.Context, by Actor, id int, note string) (*ent.Alert, error) {
	if err := checkNote(note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error) {
		if a.Status == alert.StatusCLOSED {
			return nil, &StateError{AlertID: a.ID, Reason: "Alert is already closed"}
		}
		u := tx.Alert.UpdateOne(a).SetStatus(alert.StatusCLOSED).SetClosedAt(now).ClearSnoozedUntil().ClearEscalationDueAt()
		if by.UserID != 0 {
			u.SetClosedByID(by.UserID)
		}
		a, err := u.Save(ctx)
		if err != nil {
			return nil, err
		}
		if err := record(ctx, tx, a, by, KindClosed, now, noteData(note)); err != nil {
			return nil, err
		}
		return a, s.Pager.Stop(ctx, tx, a)
	})
}

// Snooze silences an open or acknowledged alert until the given time; the
// paging engine resumes it then.
func (s *Alerts) Snooze(ctx context.Context, by Actor, id int, until time.Time, note string) (*ent.Alert, error) {
	if err := checkNote(note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error) {
		if err := checkUntil(until, now); err != nil {
			return nil, err
		}
		if a.Status == alert.StatusCLOSED {
			return nil, &StateError{AlertID: a.ID, Reason: "Alert is already closed"}
		}
		// Paging of an open alert — or of an acknowledged one that a step
		// keeps paging until it is closed — resumes when the snooze ends.
		u := tx.Alert.UpdateOne(a).SetSnoozedUntil(until)
		if !a.InMaintenance && (a.Status == alert.StatusOPEN || a.EscalationDueAt != nil) {
			u.SetEscalationDueAt(until)
		} else {
			u.ClearEscalationDueAt()
		}
		a, err := u.Save(ctx)
		if err != nil {
			return nil, err
		}
		data := map[string]any{"until": until.UTC().Format(time.RFC3339)}
		if note != "" {
			data["note"] = note
		}
		if err := record(ctx, tx, a, by, KindSnoozed, now, data); err != nil {
			return nil, err
		}
		return a, s.Pager.Stop(ctx, tx, a)
	})
}

// AddNote adds a note to the alert's timeline.
func (s *Alerts) AddNote(ctx context.Context, by Actor, id int, note string) (*ent.Alert, error) {
	if strings.TrimSpace(note) == "" {
		return nil, &InvalidError{Field: "note", Reason: "is required"}
	}
	if err := checkNote(note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error) {
		return a, record(ctx, tx, a, by, KindNoteAdded, now, map[string]any{"note": note})
	})
}

// Assign makes a user the owner of the alert.
func (s *Alerts) Assign(ctx context.Context, by Actor, id, ownerID int, note string) (*ent.Alert, error) {
	if err := checkNote(note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error) {
		owner, err := tx.User.Get(ctx, ownerID)
		if ent.IsNotFound(err) {
			return nil, &InvalidError{Field: "owner", Reason: "no such user"}
		}
		if err != nil {
			return nil, err
		}
		a, err = tx.Alert.UpdateOne(a).SetOwnerID(owner.ID).Save(ctx)
		if err != nil {
			return nil, err
		}
		data := map[string]any{"owner_id": owner.ID, "owner": owner.Name}
		if note != "" {
			data["note"] = note
		}
		return a, record(ctx, tx, a, by, KindAssigned, now, data)
	})
}

// EscalateNow asks the paging engine to go to the next step at once. An
// acknowledged alert is open again (as PagerDuty's escalate re-triggers):
// whoever acknowledged hands it on, and the next step's people must answer.
func (s *Alerts) EscalateNow(ctx context.Context, by Actor, id int, note string) (*ent.Alert, error) {
	return s.escalate(ctx, by, id, note, "")
}

// EscalateByLink is EscalateNow from an action link (push button, email
// link, key press), once per link: a link is a bearer credential valid for
// an hour, and escalating again and again would page step after step, and
// round after round, on one click each. The link's id (actiontoken's
// LinkID) is kept on the timeline event, which is what a second use finds.
func (s *Alerts) EscalateByLink(ctx context.Context, by Actor, id int, note, link string) (*ent.Alert, error) {
	if link == "" {
		return nil, &InvalidError{Field: "link", Reason: "is required"}
	}
	return s.escalate(ctx, by, id, note, link)
}

func (s *Alerts) escalate(ctx context.Context, by Actor, id int, note, link string) (*ent.Alert, error) {
	if err := checkNote(note); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error) {
		if a.Status == alert.StatusCLOSED {
			return nil, &StateError{AlertID: a.ID, Reason: "Alert is already closed"}
		}
		// The alert's row is locked (change), so two clicks of one link
		// at once are checked one after the other.
		if link != "" {
			used, err := tx.TimelineEvent.Query().Where(timelineevent.AlertID(a.ID), timelineevent.Kind(KindEscalated),
				func(s *sql.Selector) { s.Where(sqljson.ValueEQ(timelineevent.FieldData, link, sqljson.Path("link"))) }).
				Exist(viewer.System(ctx)) // bookkeeping, not a read on the viewer's behalf
			if err != nil {
				return nil, err
			}
			if used {
				return nil, &StateError{AlertID: a.ID, Reason: "This link has already escalated the alert; open the alert in Tocsin to escalate it again"}
			}
		}
		data := noteData(note)
		if link != "" {
			if data == nil {
				data = map[string]any{}
			}
			data["link"] = link
		}
		u := tx.Alert.UpdateOne(a).SetEscalationDueAt(now)
		if a.Status == alert.StatusACKED {
			u.SetStatus(alert.StatusOPEN).ClearAcknowledgedAt().ClearAcknowledgedByID()
			if data == nil {
				data = map[string]any{}
			}
			data["reopened"] = true
		}
		a, err := u.Save(ctx)
		if err != nil {
			return nil, err
		}
		if err := record(ctx, tx, a, by, KindEscalated, now, data); err != nil {
			return nil, err
		}
		return a, s.Pager.EscalateNow(ctx, tx, a)
	})
}

// SetPriority changes the priority (P1..P5).
func (s *Alerts) SetPriority(ctx context.Context, by Actor, id int, priority string) (*ent.Alert, error) {
	p, err := ParsePriority(priority)
	if err != nil || priority == "" {
		if err == nil {
			err = &InvalidError{Field: "priority", Reason: "is required"}
		}
		return nil, err
	}
	return s.edit(ctx, by, id, KindPriorityChanged, func(a *ent.Alert) (string, string) { return string(a.Priority), string(p) },
		func(u *ent.AlertUpdateOne) { u.SetPriority(p) })
}

// SetMessage changes the message (what the alert is about).
func (s *Alerts) SetMessage(ctx context.Context, by Actor, id int, message string) (*ent.Alert, error) {
	message = strings.TrimSpace(message)
	if message == "" {
		return nil, &InvalidError{Field: "message", Reason: "is required"}
	}
	if err := tooLong("message", message, MaxMessage); err != nil {
		return nil, err
	}
	return s.edit(ctx, by, id, KindMessageChanged, func(a *ent.Alert) (string, string) { return a.Message, message },
		func(u *ent.AlertUpdateOne) { u.SetMessage(message) })
}

// SetDescription changes the description.
func (s *Alerts) SetDescription(ctx context.Context, by Actor, id int, description string) (*ent.Alert, error) {
	if err := tooLong("description", description, MaxDescription); err != nil {
		return nil, err
	}
	return s.edit(ctx, by, id, KindDescriptionChanged, func(a *ent.Alert) (string, string) { return a.Description, description },
		func(u *ent.AlertUpdateOne) { u.SetDescription(description) })
}

// edit applies a field change and records from/to; an unchanged value is a no-op.
func (s *Alerts) edit(ctx context.Context, by Actor, id int, kind string, fromTo func(*ent.Alert) (string, string), set func(*ent.AlertUpdateOne)) (*ent.Alert, error) {
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, a *ent.Alert, now time.Time) (*ent.Alert, error) {
		from, to := fromTo(a)
		if from == to {
			return a, nil
		}
		u := tx.Alert.UpdateOne(a)
		set(u)
		a, err := u.Save(ctx)
		if err != nil {
			return nil, err
		}
		return a, record(ctx, tx, a, by, kind, now, map[string]any{"from": truncate(from, 500), "to": truncate(to, 500)})
	})
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// Edit is a set of field changes; nil/empty fields stay as they are.
type Edit struct {
	Priority    alert.Priority
	Message     *string
	Description *string
}

// Update applies an Edit in one transaction, one timeline event per change.
func (s *Alerts) Update(ctx context.Context, by Actor, id int, e Edit) (*ent.Alert, error) {
	var out *ent.Alert
	err := s.inTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		var err error
		if e.Priority == "" && e.Message == nil && e.Description == nil {
			// Nothing to change: still check the caller may, and return the alert.
			out, err = s.change(ctx, id, func(_ context.Context, _ *ent.Tx, a *ent.Alert, _ time.Time) (*ent.Alert, error) {
				return a, nil
			})
			return err
		}
		if e.Priority != "" {
			if out, err = s.SetPriority(ctx, by, id, string(e.Priority)); err != nil {
				return err
			}
		}
		if e.Message != nil {
			if out, err = s.SetMessage(ctx, by, id, *e.Message); err != nil {
				return err
			}
		}
		if e.Description != nil {
			out, err = s.SetDescription(ctx, by, id, *e.Description)
		}
		return err
	})
	return out, err
}
