package incident

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/rule"
)

// UnlinkAlerts takes alerts linked by mistake out of the incident. Each
// gets an ALERT_UNLINKED event on both timelines; what the alert did while
// linked stays on the incident's timeline (it happened), and its later
// events are the alert's alone. Its service stays affected until a
// responder removes it (RemoveServices). A request to join the incident
// (a responder's page) cannot be unlinked; alertIDs names what is refused.
func (s *Incidents) UnlinkAlerts(ctx context.Context, by Actor, id int, alertIDs []int) (*ent.Incident, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if err := checkIDs("alertIDs", "alert", alertIDs); err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(ctx context.Context, tx *ent.Tx, inc *ent.Incident, now time.Time) (*ent.Incident, error) {
		ids := unique(append([]int(nil), alertIDs...))
		alerts, err := tx.Alert.Query().Where(alert.IDIn(ids...)).Order(ent.Asc(alert.FieldID)).All(ctx)
		if err != nil {
			return nil, err
		}
		byID := map[int]*ent.Alert{}
		for _, a := range alerts {
			byID[a.ID] = a
		}
		for _, id := range ids {
			a := byID[id]
			switch {
			case a == nil || a.IncidentID == nil || *a.IncidentID != inc.ID:
				return nil, &InvalidError{Field: "alertIDs", Reason: fmt.Sprintf("alert %d is not linked to this incident", id)}
			case a.PageUserID != nil:
				return nil, &InvalidError{Field: "alertIDs", Reason: fmt.Sprintf("alert #%d asks a responder to join this incident; acknowledge or close it instead", TinyID(a.ID))}
			}
		}
		for _, a := range alerts {
			data := map[string]any{"incident_id": inc.ID, "incident": inc.Title, "alert_id": a.ID, "message": a.Message}
			// Recorded while linked: the event is on both timelines.
			if err := record(ctx, tx, a, by, KindAlertUnlinked, now, data); err != nil {
				return nil, err
			}
			if err := tx.Alert.UpdateOne(a).ClearIncidentID().Exec(ctx); err != nil {
				return nil, err
			}
		}
		return inc, nil
	})
}
