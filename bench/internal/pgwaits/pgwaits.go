// Package pgwaits samples what the busy backends of one PostgreSQL
// database are doing, from pg_stat_activity: "CPU" when running, else
// their wait event — Lock:tuple and Lock:transactionid are row locks
// another transaction holds (with the table when PostgreSQL names it),
// Client:ClientRead a transaction waiting for its client (Tocsin), IO:…
// the disk. Busy is every backend not idle, transactions idle between
// statements included: those hold a connection and their locks.
package pgwaits

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Waits is what the samples saw: per state, backends summed over samples.
type Waits struct {
	Counts  map[string]int
	Samples int
}

// Sample samples db's backends every `every` through conn (a connection to
// db, so that a lock's table has its name) until the returned func is
// called, which returns what it saw.
func Sample(ctx context.Context, conn *sql.DB, db string, every time.Duration) func() Waits {
	w := Waits{Counts: map[string]int{}}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(every)
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
			w.Samples++
			for rows.Next() {
				var what string
				var n int
				if rows.Scan(&what, &n) == nil {
					w.Counts[what] += n
				}
			}
			rows.Close()
		}
	})
	return func() Waits {
		close(stop)
		wg.Wait()
		return w
	}
}

// Busy is the number of busy backends on average.
func (w Waits) Busy() float64 {
	total := 0
	for _, v := range w.Counts {
		total += v
	}
	return float64(total) / float64(max(w.Samples, 1))
}

// Top is the n most sampled states with their shares, "CPU 60%, IO:WALSync 30%"
// ("–" when nothing was busy).
func (w Waits) Top(n int) string {
	total := 0
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range w.Counts {
		total += v
		all = append(all, kv{k, v})
	}
	if total == 0 {
		return "–"
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v || all[i].v == all[j].v && all[i].k < all[j].k })
	var parts []string
	for i, e := range all {
		if i == n {
			break
		}
		parts = append(parts, fmt.Sprintf("%s %.0f%%", e.k, 100*float64(e.v)/float64(total)))
	}
	return strings.Join(parts, ", ")
}
