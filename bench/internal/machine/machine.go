// Package machine describes the machine a benchmark runs on, and makes the
// benchmarks on one machine take turns.
package machine

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"syscall"
)

// LoadAvg is the 1, 5 and 15 minute load averages ("0.52 0.61 0.70").
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// CPUModel is the first CPU's model name.
func CPUModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// PostgreSQL is the server's version and the settings that decide its
// commit rate.
func PostgreSQL(ctx context.Context, db *sql.DB) (version, settings string, err error) {
	err = db.QueryRowContext(ctx, `SELECT current_setting('server_version'),
		'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') ||
		', shared_buffers=' || current_setting('shared_buffers')`).Scan(&version, &settings)
	return version, settings, err
}

// Lock makes benchmarks on one machine take turns: two at once would share
// the CPU and measure each other. It waits (saying so, as tool) for the one
// running; the returned func releases the lock.
func Lock(tool string) (func(), error) {
	f, err := os.OpenFile("/tmp/tocsin-bench.lock", os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		fmt.Fprintf(os.Stderr, "%s: waiting for another benchmark on this machine to finish\n", tool)
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			f.Close()
			return nil, err
		}
	}
	return func() { f.Close() }, nil
}
