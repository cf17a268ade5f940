package schedule_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/coverrequest"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

func TestAcceptingACoverRequestPutsTheAcceptorOnCall(t *testing.T) {
	w := newWorld(t)
	if _, err := w.s.CreateLayer(w.annCtx, w.sched.ID, w.dailyRotation()); err != nil {
		t.Fatal(err)
	}
	// Day 21 (09:00 to 09:00) is ann's; now is the 20th at 13:00 Berlin.
	req, err := w.s.RequestCover(w.annCtx, w.sched.ID, schedule.CoverInput{StartsAt: at(21, 9, 0), EndsAt: at(22, 9, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if !req.ExpiresAt.Equal(at(21, 9, 0)) || req.Status != coverrequest.StatusOPEN {
		t.Fatalf("want an open request expiring when its range starts, got %+v", req)
	}
	if got := w.announced.list(); !slices.Equal(got, []int{req.ID}) {
		t.Fatalf("want the request announced once, got %v", got)
	}
	a, err := w.s.Announce(viewer.System(context.Background()), req.ID)
	if err != nil || len(a.To) != 1 || a.To[0].ID != w.bob.ID {
		t.Fatalf("want the announcement to go to bob alone (ann asked), got %+v, %v", a, err)
	}
	if _, err := w.s.AcceptCover(w.annCtx, req.ID); !isInvalid(err, "id") {
		t.Errorf("accepting one's own request: want an InvalidError on id, got %v", err)
	}
	if _, err := w.s.AcceptCover(w.stakeCtx, req.ID); !errors.Is(err, privacy.Deny) {
		t.Errorf("a stakeholder accepting: want privacy.Deny, got %v", err)
	}
	got, err := w.s.AcceptCover(w.bobCtx, req.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != coverrequest.StatusACCEPTED || got.AcceptedByID == nil || *got.AcceptedByID != w.bob.ID || got.OverrideID == nil {
		t.Fatalf("want the request accepted by bob with an override, got %+v", got)
	}
	if ids := w.onCall(t, at(21, 15, 0)); !slices.Equal(ids, []int{w.bob.ID}) {
		t.Errorf("during the covered range want bob on call, got %v", ids)
	}
	if ids := w.onCall(t, at(22, 9, 0)); !slices.Equal(ids, []int{w.bob.ID}) {
		t.Errorf("after the covered range want the rotation (bob's day 22), got %v", ids)
	}
	if _, err := w.s.AcceptCover(w.adminCtx, req.ID); !isInvalid(err, "id") {
		t.Errorf("accepting an accepted request: want an InvalidError on id, got %v", err)
	}
	if a, _ := w.s.Announce(viewer.System(context.Background()), req.ID); len(a.To) != 0 {
		t.Errorf("an answered request has nobody left to tell, got %d", len(a.To))
	}
}

func TestCoverRequestsAreCancelledByTheirRequesterAndExpire(t *testing.T) {
	w := newWorld(t)
	if _, err := w.s.CreateLayer(w.annCtx, w.sched.ID, w.dailyRotation()); err != nil {
		t.Fatal(err)
	}
	req, err := w.s.RequestCover(w.annCtx, w.sched.ID, schedule.CoverInput{StartsAt: at(23, 9, 0), EndsAt: at(24, 9, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.CancelCover(w.bobCtx, req.ID); !errors.Is(err, privacy.Deny) {
		t.Errorf("bob cancelling ann's request: want privacy.Deny, got %v", err)
	}
	if got, err := w.s.CancelCover(w.annCtx, req.ID); err != nil || got.Status != coverrequest.StatusCANCELLED {
		t.Fatalf("ann cancelling her request: got %+v, %v", got, err)
	}

	soon := w.now.Add(time.Hour)
	req, err = w.s.RequestCover(w.annCtx, w.sched.ID, schedule.CoverInput{StartsAt: at(25, 9, 0), EndsAt: at(26, 9, 0), ExpiresAt: &soon})
	if err != nil {
		t.Fatal(err)
	}
	w.now = w.now.Add(2 * time.Hour)
	if _, err := w.s.AcceptCover(w.bobCtx, req.ID); !isInvalid(err, "id") {
		t.Errorf("accepting an expired request before the sweep: want an InvalidError on id, got %v", err)
	}
	if n, err := w.s.ExpireCovers(viewer.System(context.Background())); err != nil || n != 1 {
		t.Fatalf("want 1 request expired, got %d, %v", n, err)
	}
	if got := env.Client.CoverRequest.GetX(viewer.System(context.Background()), req.ID); got.Status != coverrequest.StatusEXPIRED {
		t.Fatalf("want EXPIRED, got %s", got.Status)
	}
	if n := env.Client.ScheduleOverride.Query().CountX(viewer.System(context.Background())); n != 0 {
		t.Fatalf("no request was accepted, yet there are %d overrides", n)
	}
}

func TestCoverRequestInputIsCheckedAndAnnouncedOnlyAfterCommit(t *testing.T) {
	w := newWorld(t)
	for field, in := range map[string]schedule.CoverInput{
		"endsAt":    {StartsAt: at(23, 9, 0), EndsAt: at(23, 9, 0)},
		"expiresAt": {StartsAt: at(23, 9, 0), EndsAt: at(24, 9, 0), ExpiresAt: ptr(at(25, 9, 0))},
	} {
		if _, err := w.s.RequestCover(w.annCtx, w.sched.ID, in); !isInvalid(err, field) {
			t.Errorf("want an InvalidError on %s, got %v", field, err)
		}
	}
	if _, err := w.s.RequestCover(w.adminCtx, w.sched.ID, schedule.CoverInput{StartsAt: at(23, 9, 0), EndsAt: at(24, 9, 0)}); !isInvalid(err, "scheduleID") {
		t.Errorf("an admin outside the team asking for cover: want an InvalidError on scheduleID, got %v", err)
	}

	tx, err := env.Client.Tx(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx := ent.NewTxContext(w.annCtx, tx)
	if _, err := w.s.RequestCover(ctx, w.sched.ID, schedule.CoverInput{StartsAt: at(23, 9, 0), EndsAt: at(24, 9, 0)}); err != nil {
		t.Fatal(err)
	}
	if got := w.announced.list(); len(got) != 0 {
		t.Fatalf("announced %v before the transaction committed", got)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := w.announced.list(); len(got) != 1 {
		t.Fatalf("want one announcement after commit, got %v", got)
	}
	if n := env.Client.CoverRequest.Query().CountX(viewer.System(context.Background())); n != 1 {
		t.Fatalf("want only the good request stored, got %d", n)
	}
}

func isInvalid(err error, field string) bool {
	var inv *rule.InvalidError
	return errors.As(err, &inv) && inv.Field == field
}

func ptr[T any](v T) *T { return &v }
