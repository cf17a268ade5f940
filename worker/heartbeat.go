package worker

import (
	"context"
	"log/slog"
	"time"
)

// heartbeatSweepInterval bounds how late an expiry is noticed.
const heartbeatSweepInterval = 5 * time.Second

// sweepHeartbeats expires overdue heartbeats until ctx ends. Every worker
// sweeps; the monitor claims each expiry with SKIP LOCKED, so they never
// open the same alert twice.
func (w *Worker) sweepHeartbeats(ctx context.Context) {
	t := time.NewTicker(heartbeatSweepInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := w.deps.Heartbeats.Sweep(ctx); err != nil && ctx.Err() == nil {
				slog.ErrorContext(ctx, "heartbeat sweep failed", "err", err)
			} else if n > 0 {
				slog.InfoContext(ctx, "heartbeats expired", "count", n)
			}
		}
	}
}
