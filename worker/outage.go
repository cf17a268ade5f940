package worker

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/hibiken/asynq"
	"github.com/lib/pq"
)

// How a task that failed because PostgreSQL was unreachable is run again.
const (
	// outageWait bounds how long one run waits for PostgreSQL to answer
	// again; after that the task goes back to Asynq's retries.
	outageWait = 30 * time.Second
	// outageReruns bounds the runs again in place: after a restart every
	// pooled connection fails once, and a run may meet more than one.
	outageReruns = 3
)

// untilDatabaseBack wraps a paging task's handler: when a run fails
// because PostgreSQL was unreachable (restarting, crashed, failing over,
// or a pooled connection it closed), the task runs again as soon as
// PostgreSQL answers, instead of after the retry delay (pagingRetryDelay:
// 1 s, doubling, meant for a provider that keeps failing). Measured in
// test/faults with PostgreSQL down 10 s: the slowest page came 10.7 s
// after its alert, and 30.8 s with the retry delay alone. Paging handlers
// may run any number of times (a task finds whether its alert or page
// moved on), so a run again is safe; the task stays leased to this worker
// meanwhile.
//
// Only for paging tasks: their handlers never wrap a provider's error
// with %w, so a network error in the chain is PostgreSQL's.
func untilDatabaseBack(db *sql.DB, next asynq.HandlerFunc) asynq.HandlerFunc {
	return func(ctx context.Context, t *asynq.Task) error {
		err := next(ctx, t)
		for range outageReruns {
			if err == nil || !databaseUnreachable(err) || db == nil {
				return err
			}
			slog.InfoContext(ctx, "task failed on PostgreSQL: runs again when it answers", "type", t.Type(), "err", err)
			if !waitForDatabase(ctx, db, outageWait) {
				return err
			}
			err = next(ctx, t)
		}
		return err
	}
}

// databaseUnreachable reports whether err says the connection to
// PostgreSQL failed, rather than a statement.
func databaseUnreachable(err error) bool {
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		code := string(pqErr.Code)
		// Class 08: connection exception; 57P01-03: admin or crash
		// shutdown, cannot connect now (starting up, shutting down).
		return strings.HasPrefix(code, "08") || code == "57P01" || code == "57P02" || code == "57P03"
	}
	var netErr *net.OpError
	return errors.As(err, &netErr) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// waitForDatabase pings PostgreSQL until it answers (true), for at most
// wait or until ctx ends (false).
func waitForDatabase(ctx context.Context, db *sql.DB, wait time.Duration) bool {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	for {
		pctx, pcancel := context.WithTimeout(ctx, 2*time.Second)
		err := db.PingContext(pctx)
		pcancel()
		if err == nil {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(250 * time.Millisecond):
		}
	}
}
