package main

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// waits is what the active backends of Tocsin's database were doing,
// sampled every waitEvery from pg_stat_activity: "CPU" when running, else
// their wait event (Lock:tuple and Lock:transactionid are row locks another
// transaction holds, with the table when PostgreSQL names it;
// Client:ClientRead is a transaction waiting on Tocsin, IO:… the disk).
type waits struct {
	counts  map[string]int
	samples int
}

const waitEvery = 100 * time.Millisecond

// sampleWaits samples db's backends through conn (a connection to db, so
// that a lock's table has its name) until the returned func is called,
// which returns what it saw.
func sampleWaits(ctx context.Context, conn *sql.DB, db string) func() waits {
	w := waits{counts: map[string]int{}}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(waitEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ctx.Done():
				return
			case <-t.C:
			}
			rows, err := conn.QueryContext(ctx, `SELECT coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU') ||
					coalesce(' on ' || (SELECT l.relation::regclass::text FROM pg_locks l
						WHERE l.pid = a.pid AND NOT l.granted AND l.relation IS NOT NULL LIMIT 1), ''), count(*)
				FROM pg_stat_activity a WHERE a.datname = $1 AND a.state <> 'idle' AND a.pid <> pg_backend_pid() GROUP BY 1`, db)
			if err != nil {
				continue
			}
			w.samples++
			for rows.Next() {
				var what string
				var n int
				if rows.Scan(&what, &n) == nil {
					w.counts[what] += n
				}
			}
			rows.Close()
		}
	})
	return func() waits {
		close(stop)
		wg.Wait()
		return w
	}
}

// String is the average of busy backends and the top states' shares.
func (w waits) String() string {
	total := 0
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range w.counts {
		total += v
		all = append(all, kv{k, v})
	}
	if total == 0 {
		return "–"
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v })
	var parts []string
	for i, e := range all {
		if i == 5 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s %.0f%%", e.k, 100*float64(e.v)/float64(total)))
	}
	return fmt.Sprintf("%.1f | %s", float64(total)/float64(max(w.samples, 1)), strings.Join(parts, ", "))
}
