package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/tocsin/tocsin/bench/internal/machine"
	"github.com/tocsin/tocsin/bench/internal/pgwaits"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/viewer"
)

// step1After is the fixture's delay from step 0 to step 1 (pagingfix.Setup
// in start).
const step1After = time.Minute

// waitEvery is how often the database's backends are sampled (pgwaits).
const waitEvery = 100 * time.Millisecond

// phase is one measured phase: a rate of Opsgenie creates, or the storm.
type phase struct {
	name                  string
	loadBefore, loadAfter string // load average before it, and once its first pages were out
	// waits: the database's busy backends from the first alert sent to
	// the first pages out.
	waits pgwaits.Waits
	out   outcome
}

// ratePhase sends rate Opsgenie creates per second for d (open loop: each
// at its time, whatever the answers before), waits for the first pages and
// for step 1, and works out what came of it.
func (e *benchEnv) ratePhase(ctx context.Context, k, rate int, d time.Duration) (*phase, error) {
	ph := &phase{name: fmt.Sprintf("%d/s", rate), loadBefore: machine.LoadAvg()}
	prefix := fmt.Sprintf("p%d-", k)
	n := int(d.Seconds() * float64(rate))
	tick := time.Second / time.Duration(rate)
	sent := make([]sentAlert, n)
	stopWaits := pgwaits.Sample(ctx, e.db, e.dbName, waitEvery)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n && ctx.Err() == nil; i++ {
		time.Sleep(time.Until(start.Add(time.Duration(i) * tick)))
		wg.Go(func() {
			s := &sent[i]
			s.msg = fmt.Sprintf("%s%d", prefix, i)
			body := fmt.Sprintf(`{"message":%q,"alias":%q,"priority":"P1"}`, s.msg, s.msg)
			s.sent = time.Now()
			code, err := e.post(e.http, "/v2/alerts", "GenieKey "+e.fix.OpsgenieKey, body)
			s.answered = time.Now()
			s.accepted = err == nil && code == http.StatusAccepted
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	lastSent := time.Now()
	e.waitPaged(ctx, sent, 30*time.Second)
	ph.waits = stopWaits()
	ph.loadAfter = machine.LoadAvg()
	return ph, e.finish(ctx, ph, prefix, sent, lastSent)
}

// finish waits for the phase's step 1 and works out its outcome.
func (e *benchEnv) finish(ctx context.Context, ph *phase, prefix string, sent []sentAlert, lastSent time.Time) error {
	log.Printf("%s: first pages out; waiting for step 1 (%v after step 0)", ph.name, step1After)
	e.waitStep1(ctx, ph.name, prefix, lastSent)
	db, err := readDB(ctx, e.client, e.fix, prefix)
	if err != nil {
		return err
	}
	ph.out = analyze(sent, db, e.recv.receipts(), len(e.fix.Responders), true)
	if ph.out.wrong > 0 {
		log.Printf("%s: %d first steps paged other people than the schedule had on call, e.g. %s", ph.name, ph.out.wrong, ph.out.wrongSample)
	}
	return nil
}

// post sends one request through hc; the answer's status, or an error
// below HTTP.
func (e *benchEnv) post(hc *http.Client, path, auth, body string) (int, error) {
	req, err := http.NewRequest(http.MethodPost, e.base+path, strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Content-Type", "application/json")
	res, err := hc.Do(req)
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	return res.StatusCode, nil
}

// waitPaged waits until every accepted alert has had a page, at most
// limit, and a second more for pages to the others on call.
func (e *benchEnv) waitPaged(ctx context.Context, sent []sentAlert, limit time.Duration) {
	var msgs []string
	for _, s := range sent {
		if s.accepted {
			msgs = append(msgs, s.msg)
		}
	}
	deadline := time.Now().Add(limit)
	for !e.recv.allPaged(msgs) && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(time.Second)
}

// waitStep1 waits until every alert of the phase has moved past step 1
// (into the repeat, 30 minutes on) and no page of round 0 is left planned:
// step 1 is due a minute after step 0. It gives up three minutes after the
// last alert was sent (the report then counts step 1's pages missing).
func (e *benchEnv) waitStep1(ctx context.Context, name, prefix string, lastSent time.Time) {
	sys := viewer.System(ctx)
	select {
	case <-time.After(time.Until(lastSent.Add(step1After))):
	case <-ctx.Done():
		return
	}
	deadline := lastSent.Add(step1After + 2*time.Minute)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		waiting, err := e.client.Alert.Query().Where(alert.MessageHasPrefix(prefix), alert.EscalationRound(0),
			alert.EscalationDueAtNotNil()).Count(sys)
		if err == nil && waiting == 0 {
			planned, err := e.client.Delivery.Query().Where(delivery.HasAlertWith(alert.MessageHasPrefix(prefix)),
				delivery.Round(0), delivery.StatusEQ(delivery.StatusPLANNED)).Count(sys)
			if err == nil && planned == 0 {
				return
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	log.Printf("%s: step 1 not done three minutes after the last alert; counting what came", name)
}
