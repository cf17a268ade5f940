// Package oneround opens ent on lib/pq so that each statement with
// parameters costs one round trip to PostgreSQL instead of two.
//
// By default lib/pq sends a statement with parameters as Parse, Describe,
// Sync, waits for the answer, then Bind, Execute, Sync, and waits again.
// With binary_parameters=yes it sends all of it at once. An escalation
// step is about twenty statements and its pages a dozen more: in an alert
// storm on two cores, PostgreSQL's backends spent 88% of their time
// waiting for Tocsin between those round trips.
//
// binary_parameters=yes also sends []byte parameters in binary format.
// That is what bytea columns want, but not jsonb, whose binary format
// starts with a version byte: ent passes JSON fields as json.RawMessage,
// so the driver here hands those over as strings (text format, which
// every type accepts).
package oneround

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/url"
	"strings"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// DSN is a PostgreSQL URL (postgres://…) or key=value connection string
// with binary_parameters=yes added.
func DSN(raw string) string {
	if u, err := url.Parse(raw); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set("binary_parameters", "yes")
		u.RawQuery = q.Encode()
		return u.String()
	}
	return strings.TrimSpace(raw) + " binary_parameters=yes"
}

// Driver is ent's driver over db, a pool opened on a DSN.
func Driver(db *sql.DB) dialect.Driver {
	return &driver{Driver: entsql.OpenDB(dialect.Postgres, db)}
}

type driver struct{ *entsql.Driver }

func (d *driver) Exec(ctx context.Context, query string, args, v any) error {
	return d.Driver.Exec(ctx, query, textJSON(args), v)
}

func (d *driver) Query(ctx context.Context, query string, args, v any) error {
	return d.Driver.Query(ctx, query, textJSON(args), v)
}

func (d *driver) Tx(ctx context.Context) (dialect.Tx, error) {
	return d.BeginTx(ctx, nil)
}

// BeginTx is entsql.Driver's, its statements converted alike (ent's
// Client.BeginTx looks for this method).
func (d *driver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.Driver.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &txDriver{Tx: tx}, nil
}

type txDriver struct{ dialect.Tx }

func (t *txDriver) Exec(ctx context.Context, query string, args, v any) error {
	return t.Tx.Exec(ctx, query, textJSON(args), v)
}

func (t *txDriver) Query(ctx context.Context, query string, args, v any) error {
	return t.Tx.Query(ctx, query, textJSON(args), v)
}

// ExecContext and QueryContext are database/sql's, for callers that write
// SQL of their own in ent's transaction (ent's generated Tx looks for
// them); JSON is converted alike.
func (t *txDriver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.Tx.(entsql.ExecQuerier).ExecContext(ctx, query, textJSON(args).([]any)...)
}

func (t *txDriver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.Tx.(entsql.ExecQuerier).QueryContext(ctx, query, textJSON(args).([]any)...)
}

func (d *driver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return d.Driver.ExecContext(ctx, query, textJSON(args).([]any)...)
}

func (d *driver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.Driver.QueryContext(ctx, query, textJSON(args).([]any)...)
}

// textJSON returns args ([]any, as ent passes them) with each
// json.RawMessage turned into a string; other values, and args of another
// shape, are returned as they are.
func textJSON(args any) any {
	list, ok := args.([]any)
	if !ok {
		return args
	}
	var out []any
	for i, a := range list {
		raw, ok := a.(json.RawMessage)
		if !ok {
			continue
		}
		if out == nil {
			out = append([]any(nil), list...)
		}
		out[i] = string(raw)
	}
	if out == nil {
		return args
	}
	return out
}
