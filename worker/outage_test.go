package worker

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/lib/pq"

	"github.com/tocsin/tocsin/internal/testenv"
)

func TestDatabaseUnreachableTellsConnectionFailuresFromStatementErrors(t *testing.T) {
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"server shut down (fast)", fmt.Errorf("ent: starting a transaction: %w", &pq.Error{Code: "57P01"}), true},
		{"server crashed", &pq.Error{Code: "57P02"}, true},
		{"server starting up", &pq.Error{Code: "57P03"}, true},
		{"connection failure", &pq.Error{Code: "08006"}, true},
		{"refused", fmt.Errorf("ent: starting a transaction: %w", dial), true},
		{"bad connection", fmt.Errorf("committing: %w", driver.ErrBadConn), true},
		{"connection closed", io.ErrUnexpectedEOF, true},
		{"unique violation", &pq.Error{Code: "23505"}, false},
		{"query canceled", &pq.Error{Code: "57014"}, false},
		// The pager formats a provider's error with %v: not PostgreSQL's.
		{"provider refused", fmt.Errorf("temporary delivery failure: webhook: %v", dial), false},
	} {
		if got := databaseUnreachable(tc.err); got != tc.want {
			t.Errorf("%s (%v): databaseUnreachable = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

func TestUntilDatabaseBackRunsATaskAgainOnlyAfterAConnectionFailure(t *testing.T) {
	// The database answers: each rerun waits for nothing.
	db, err := sql.Open("postgres", testenv.Server()+"/postgres?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	task := asynq.NewTask("escalation:step", nil)
	for _, tc := range []struct {
		name     string
		errs     []error // what each run returns
		wantRuns int
		wantErr  bool
	}{
		{"success", []error{nil}, 1, false},
		{"stale pooled connection, then success", []error{&pq.Error{Code: "57P01"}, nil}, 2, false},
		{"statement error", []error{&pq.Error{Code: "23505"}}, 1, true},
		{"provider failure", []error{errors.New("temporary delivery failure: webhook: 503")}, 1, true},
		{"connection failures beyond the reruns", []error{driver.ErrBadConn, driver.ErrBadConn, driver.ErrBadConn, driver.ErrBadConn, nil}, 1 + outageReruns, true},
	} {
		runs := 0
		h := untilDatabaseBack(db, func(context.Context, *asynq.Task) error {
			runs++
			return tc.errs[runs-1]
		})
		err := h(context.Background(), task)
		if runs != tc.wantRuns || (err != nil) != tc.wantErr {
			t.Errorf("%s: ran %d times and returned %v; want %d runs, error %v", tc.name, runs, err, tc.wantRuns, tc.wantErr)
		}
	}
}

func TestUntilDatabaseBackGivesTheTaskBackWhenTheDatabaseStaysDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	db, err := sql.Open("postgres", "postgres://postgres@"+addr+"/x?sslmode=disable&connect_timeout=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if waitForDatabase(context.Background(), db, 600*time.Millisecond) {
		t.Fatalf("waitForDatabase says a server that is not there answered")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	runs := 0
	err = untilDatabaseBack(db, func(context.Context, *asynq.Task) error { runs++; return driver.ErrBadConn })(ctx, asynq.NewTask("escalation:notify", nil))
	if runs != 1 || !errors.Is(err, driver.ErrBadConn) {
		t.Errorf("with the task's context done: ran %d times and returned %v; want 1 run and the error for Asynq to retry", runs, err)
	}
}
