package graph

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/viewer"
)

// A timeline event's id is taken when it is inserted, not when its
// transaction commits. So a read of "events after last" can see id 101
// while 100, of a transaction still in flight, is not there yet. A
// subscriber sent 101 that then drops off and comes back with after: 101
// would never get 100. settle closes that gap: before a read's events are
// sent, every id between last and the newest one read must be there or be
// known never to come.

// settleWindow bounds the ids checked below the newest one read: an
// insert is not left uncommitted while this many others commit.
const settleWindow = 10_000

// settleWait bounds how long a read waits for transactions in flight; a
// transaction slower than that is sent when it commits (its announcement),
// as before, and only a subscriber away at that moment can miss it.
const settleWait = 500 * time.Millisecond

// settled reports whether every timeline event id in (last, newest] is
// committed or will never be (a rolled-back insert), and whether it had to
// wait for some (then a read made before may lack them: read again). Holes
// are found by counting ids (all timelines: ids are one sequence); a hole
// while no transaction is in flight is a rollback; otherwise it waits, up
// to settleWait, for the holes to fill or the transactions in flight then
// to end.
func settled(ctx context.Context, c *ent.Client, last, newest int) (ok, waited bool, err error) {
	lo := max(last, newest-settleWindow)
	sys := viewer.System(ctx)
	deadline := time.Now().Add(settleWait)
	var writers uint64 // the newest xid in flight when a hole was first seen
	for pause := time.Millisecond; ; pause = min(2*pause, 20*time.Millisecond) {
		n, err := c.TimelineEvent.Query().Where(timelineevent.IDGT(lo), timelineevent.IDLTE(newest)).Count(sys)
		if err != nil {
			return false, waited, err
		}
		if n >= newest-lo {
			return true, waited, nil
		}
		if writers == 0 {
			if writers, err = newestInFlight(ctx, c); err != nil {
				return false, waited, err
			}
			if writers == 0 {
				return true, waited, nil // nothing in flight: the holes are rollbacks
			}
		} else if xmin, err := oldestInFlight(ctx, c); err != nil {
			return false, waited, err
		} else if xmin > writers {
			// Every transaction in flight at the hole has ended: what
			// is still missing was rolled back.
			return true, true, nil
		}
		if time.Now().After(deadline) {
			return false, waited, nil
		}
		waited = true
		select {
		case <-ctx.Done():
			return false, waited, ctx.Err()
		case <-time.After(pause):
		}
	}
}

// newestInFlight is the newest transaction id in progress now (0: none),
// from pg_current_snapshot() (xmin:xmax:xip,…).
func newestInFlight(ctx context.Context, c *ent.Client) (uint64, error) {
	s, err := queryText(ctx, c, "SELECT pg_current_snapshot()::text")
	if err != nil {
		return 0, err
	}
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, fmt.Errorf("pg_current_snapshot: unexpected %q", s)
	}
	var newest uint64
	for _, x := range strings.Split(parts[2], ",") {
		if x == "" {
			continue
		}
		v, err := strconv.ParseUint(x, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("pg_current_snapshot: %q: %w", s, err)
		}
		newest = max(newest, v)
	}
	return newest, nil
}

// oldestInFlight is the oldest transaction id still in progress (or the
// next one to be assigned, when none is).
func oldestInFlight(ctx context.Context, c *ent.Client) (uint64, error) {
	s, err := queryText(ctx, c, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(s, 10, 64)
}

func queryText(ctx context.Context, c *ent.Client, query string) (string, error) {
	rows, err := c.QueryContext(ctx, query)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var s string
	if !rows.Next() {
		return "", fmt.Errorf("%s: no row", query)
	}
	if err := rows.Scan(&s); err != nil {
		return "", err
	}
	return s, rows.Err()
}
