package faults_test

import (
	"context"
	"database/sql"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/internal/pagingfix"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/viewer"
)

// quarter is the fault alert i of n is counted under.
func quarter(i, n, faults int) int { return i * faults / n }

// settled reports whether the engine has nothing left to do within the
// test: no page planned, no step due before the hour-away second step.
func settled(c *ent.Client) bool {
	ctx := viewer.System(context.Background())
	planned, err := c.Delivery.Query().Where(delivery.StatusEQ(delivery.StatusPLANNED)).Count(ctx)
	if err != nil || planned > 0 {
		return false
	}
	due, err := c.Alert.Query().Where(alert.StatusEQ(alert.StatusOPEN),
		alert.EscalationDueAtLT(time.Now().Add(30*time.Minute))).Count(ctx)
	return err == nil && due == 0
}

// compareSent compares the deliveries PostgreSQL has as SENT with the
// delivery keys the provider received.
func compareSent(c *ent.Client, hits map[string][]hit) (missing, unrecorded []string, err error) {
	var ds []*ent.Delivery
	if err = retried(func() (err error) {
		ds, err = c.Delivery.Query().Where(delivery.StatusEQ(delivery.StatusSENT)).All(viewer.System(context.Background()))
		return err
	}); err != nil {
		return nil, nil, err
	}
	received := map[string]bool{}
	for _, hs := range hits {
		for _, h := range hs {
			received[h.key] = true
		}
	}
	for _, d := range ds {
		k := pager.DeliveryKey(d)
		if !received[k] {
			missing = append(missing, k)
		}
		delete(received, k)
	}
	for k := range received {
		unrecorded = append(unrecorded, k)
	}
	return missing, unrecorded, nil
}

// whoWasPaged reads, from PostgreSQL, each delivery key's step and each
// alert's first step: whom it had to page (paths), or how it paged the
// wrong people.
func whoWasPaged(c *ent.Client, fix *pagingfix.Fixture) (map[string]position, map[string]firstStep, error) {
	ctx := viewer.System(context.Background())
	var ds []*ent.Delivery
	var fs map[string]pagingfix.FirstStep
	err := retried(func() (err error) {
		if ds, err = c.Delivery.Query().All(ctx); err != nil {
			return err
		}
		fs, err = pagingfix.FirstSteps(ctx, c, "fault-")
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	steps := map[string]position{}
	for _, d := range ds {
		steps[pager.DeliveryKey(d)] = position{d.Round, d.Step}
	}
	first := map[string]firstStep{}
	for msg, f := range fs {
		want, err := fix.FirstStepRecipients(f)
		var s firstStep
		if err != nil {
			s.wrong = err.Error()
		}
		for _, r := range want {
			s.want = append(s.want, r.Path)
		}
		first[msg] = s
	}
	return steps, first, nil
}

// retried runs read up to 4 times: the client's pool may still hold a
// connection from before a PostgreSQL restart.
func retried(read func() error) error {
	var err error
	for range 4 {
		if err = read(); err == nil {
			return nil
		}
	}
	return err
}

// sweeperLeads waits for a session to hold the sweep's advisory lock
// (pager's sweepLockKey, "page").
func sweeperLeads(dbURL string, wait time.Duration) bool {
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return false
	}
	defer db.Close()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		var held int
		err := db.QueryRow("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1",
			0x70616765).Scan(&held)
		if err == nil && held == 1 {
			return true
		}
		time.Sleep(250 * time.Millisecond)
	}
	return false
}
