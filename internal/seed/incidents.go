package seed

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// demoIncidentTitle names the demo incident (the seed finds it by title).
const demoIncidentTitle = "Elevated API errors after deploy"

// demoIncident declares an open SEV2 incident from the gateway's 5xx alert
// through package incident, as a responder would: a commander and a comms
// lead, a follower, an internal note, and stakeholder and public updates,
// so its timeline and "next update due" read as in real use.
func demoIncident(ctx context.Context, c *ent.Client, gatewayAlert int, users map[string]*ent.User, now time.Time) error {
	if n, err := c.Incident.Query().Where(entincident.Title(demoIncidentTitle)).Count(ctx); err != nil || n > 0 {
		return err
	}
	at := now
	alerts := incident.New(c, nil)
	alerts.Now = func() time.Time { return at }
	incs := incident.NewIncidents(alerts)
	rui, ada, sam := users["responder@tocsin.local"], users["admin@tocsin.local"], users["stakeholder@tocsin.local"]
	by := incident.UserActor(rui)
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	ctx = ent.NewTxContext(viewer.ForUser(ctx, rui.ID, rui.Role), tx)
	steps := []struct {
		ago time.Duration
		do  func(id int) error
	}{
		{200 * time.Second, func(id int) error {
			return post(ctx, incs, by, id, "We are investigating elevated error rates on the API.", entincident.StatusINVESTIGATING, statusupdate.AudienceSTAKEHOLDER)
		}},
		{170 * time.Second, func(id int) error {
			_, err := incs.AddNote(ctx, by, id, "Errors started with the 14:05 gateway deploy; rolling it back.")
			return err
		}},
		{140 * time.Second, func(id int) error {
			_, err := incs.AssignRole(ctx, by, id, ada.ID, "COMMS_LEAD")
			return err
		}},
		{110 * time.Second, func(id int) error { _, err := incs.AddStakeholder(ctx, by, id, sam.ID); return err }},
		{60 * time.Second, func(id int) error {
			return post(ctx, incs, by, id, "We identified the cause (a faulty deploy) and are rolling it back.", entincident.StatusIDENTIFIED, statusupdate.AudiencePUBLIC)
		}},
	}
	at = now.Add(-210 * time.Second) // the gateway alert fired 4 min ago
	inc, err := incs.Declare(ctx, by, incident.Declaration{
		Title:    demoIncidentTitle,
		Summary:  "Customers see intermittent 502s from the API gateway since the 14:05 deploy.",
		Severity: entincident.SeveritySEV2,
		AlertIDs: []int{gatewayAlert},
	})
	if err != nil {
		return rollback(tx, err)
	}
	for _, s := range steps {
		at = now.Add(-s.ago)
		if err := s.do(inc.ID); err != nil {
			return rollback(tx, err)
		}
	}
	return tx.Commit()
}

func post(ctx context.Context, incs *incident.Incidents, by incident.Actor, id int, msg string, st entincident.Status, aud statusupdate.Audience) error {
	_, err := incs.PostStatusUpdate(ctx, by, id, incident.Update{Message: msg, Status: st, Audience: aud})
	return err
}

func rollback(tx *ent.Tx, err error) error {
	_ = tx.Rollback()
	return err
}
