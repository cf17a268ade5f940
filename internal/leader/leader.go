// Package leader runs work on one process of many: the one holding a
// PostgreSQL session advisory lock. The lock lives with its connection, so
// when that process dies (or loses the connection) another takes over at
// its next try.
package leader

import (
	"context"
	"database/sql"
	"time"
)

// Run calls work every interval while this process holds the advisory
// lock key, trying to take it at each tick while another does; it returns
// when ctx ends.
func Run(ctx context.Context, db *sql.DB, key int64, every time.Duration, work func(context.Context)) {
	t := time.NewTicker(every)
	defer t.Stop()
	var conn *sql.Conn
	defer func() {
		if conn != nil {
			// Close hands the connection back to the pool, where the
			// session's lock would stay: let it go first.
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", key)
			conn.Close()
		}
	}()
	for {
		if conn == nil {
			conn = tryLead(ctx, db, key)
		}
		if conn != nil {
			if err := conn.PingContext(ctx); err != nil {
				conn.Close() // lost the connection, so the lock
				conn = nil
			} else {
				work(ctx)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// tryLead returns a connection holding the advisory lock key, or nil.
func tryLead(ctx context.Context, db *sql.DB, key int64) *sql.Conn {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil
	}
	var got bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&got); err != nil || !got {
		conn.Close()
		return nil
	}
	return conn
}
