package main

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/tocsin/tocsin/bench/internal/machine"
	"github.com/tocsin/tocsin/bench/internal/pgwaits"
	"github.com/tocsin/tocsin/internal/pagingfix"
)

// stormTimeout bounds one storm request: a batch of alerts is one
// transaction, and on a busy machine it takes seconds (Alertmanager itself
// waits without a limit by default).
const stormTimeout = 60 * time.Second

var stormClient = &http.Client{Timeout: stormTimeout}

// stormPhase is the storm's phase, and what only a storm has.
type stormPhase struct {
	phase
	size stormSize
	// requests: answered 202 of sent; slowest is the slowest answer.
	requests, accepted int
	slowest            time.Duration
	// everyPaged is from the first request sent to the last alert's first
	// page (meaningful when none was lost).
	everyPaged    time.Duration
	login, readyz *probe
}

// storm sends size.batches Alertmanager webhook requests of size.size
// firing alerts each, all at once, while probing sign-in and /readyz; it
// waits for every first page, then for step 1.
func (e *benchEnv) storm(ctx context.Context, size stormSize) (*stormPhase, error) {
	st := &stormPhase{size: size, phase: phase{name: fmt.Sprintf("storm %dx%d", size.batches, size.size), loadBefore: machine.LoadAvg()}}
	const prefix = "storm-"
	run := strconv.FormatInt(time.Now().UnixNano()%1e9, 16)
	bodies := make([][]byte, size.batches)
	sent := make([]sentAlert, 0, size.batches*size.size)
	for b := range size.batches {
		var msgs []string
		for i := range size.size {
			msgs = append(msgs, fmt.Sprintf("%s%02d-%03d", prefix, b, i))
		}
		bodies[b] = pagingfix.AlertmanagerBody(fmt.Sprintf("%s-%d", run, b), msgs)
		for _, m := range msgs {
			sent = append(sent, sentAlert{msg: m})
		}
	}

	probeCtx, stopProbes := context.WithCancel(ctx)
	defer stopProbes()
	var probes sync.WaitGroup
	st.login, st.readyz = &probe{}, &probe{}
	probes.Go(func() { st.login.run(probeCtx, e.signIn) })
	probes.Go(func() { st.readyz.run(probeCtx, e.ready) })
	time.Sleep(probeEvery) // a probe before the storm, for reference

	stopWaits := pgwaits.Sample(ctx, e.db, e.dbName, waitEvery)
	var wg sync.WaitGroup
	release := make(chan struct{})
	var mu sync.Mutex
	start := time.Now()
	for b := range size.batches {
		wg.Go(func() {
			<-release
			at := time.Now()
			code, err := e.post(stormClient, "/hooks/alertmanager", "Bearer "+e.fix.AlertmanagerKey, string(bodies[b]))
			answered := time.Now()
			ok := err == nil && code == http.StatusAccepted
			mu.Lock()
			defer mu.Unlock()
			st.requests++
			if ok {
				st.accepted++
			}
			st.slowest = max(st.slowest, answered.Sub(at))
			for i := b * size.size; i < (b+1)*size.size; i++ {
				sent[i].sent, sent[i].answered, sent[i].accepted = at, answered, ok
			}
		})
	}
	close(release)
	wg.Wait()
	lastSent := time.Now()
	e.waitPaged(ctx, sent, 60*time.Second)
	st.waits = stopWaits()
	stopProbes()
	probes.Wait()
	st.loadAfter = machine.LoadAvg()
	if err := e.finish(ctx, &st.phase, prefix, sent, lastSent); err != nil {
		return nil, err
	}
	if !st.out.lastPage.IsZero() {
		st.everyPaged = st.out.lastPage.Sub(start)
	}
	return st, nil
}
