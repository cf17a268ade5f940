// Package migration applies Tocsin's versioned SQL migrations.
//
// The files in sql/ are generated from ent/schema by
// `go run ./ent/migrate/cmd/diff <name>` and committed; they are applied in
// name order, each in its own transaction, and recorded with a checksum in
// tocsin_schema_migrations. A session-level PostgreSQL advisory lock makes
// concurrent starts (two replicas) wait for each other instead of racing.
// An applied file that was later edited is an error, never re-applied.
package migration

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed sql/*.sql
var files embed.FS

// lockID is the advisory lock key: "tocsinmg" as an int64.
const lockID int64 = 0x746f6373696e6d67

// File is one migration.
type File struct {
	Version string // file name without .sql
	SQL     string
}

// Checksum identifies the file's content.
func (f File) Checksum() string {
	h := sha256.Sum256([]byte(f.SQL))
	return hex.EncodeToString(h[:])
}

// Files returns the embedded migrations in the order they apply.
func Files() ([]File, error) {
	names, err := fs.Glob(files, "sql/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]File, 0, len(names))
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Version: strings.TrimSuffix(strings.TrimPrefix(n, "sql/"), ".sql"), SQL: string(b)})
	}
	return out, nil
}

// Apply brings the database up to date and returns the versions it applied.
func Apply(ctx context.Context, db *sql.DB) ([]string, error) {
	all, err := Files()
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", lockID); err != nil {
		return nil, fmt.Errorf("taking the migration lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", lockID)

	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS tocsin_schema_migrations (
		version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return nil, fmt.Errorf("creating tocsin_schema_migrations: %w", err)
	}
	done := map[string]string{}
	rows, err := conn.QueryContext(ctx, "SELECT version, checksum FROM tocsin_schema_migrations")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var v, c string
		if err := rows.Scan(&v, &c); err != nil {
			rows.Close()
			return nil, err
		}
		done[v] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	var applied []string
	for _, f := range all {
		if sum, ok := done[f.Version]; ok {
			if sum != f.Checksum() {
				return applied, fmt.Errorf("migration %s was changed after it was applied; add a new migration instead", f.Version)
			}
			continue
		}
		if err := applyOne(ctx, conn, f); err != nil {
			return applied, err
		}
		applied = append(applied, f.Version)
	}
	return applied, nil
}

func applyOne(ctx context.Context, conn *sql.Conn, f File) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, f.SQL); err != nil {
		return fmt.Errorf("applying migration %s: %w", f.Version, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO tocsin_schema_migrations (version, checksum) VALUES ($1, $2)", f.Version, f.Checksum()); err != nil {
		return err
	}
	return tx.Commit()
}

// Pending returns the versions not yet applied (for `tocsin migrate --status`).
func Pending(ctx context.Context, db *sql.DB) ([]string, error) {
	all, err := Files()
	if err != nil {
		return nil, err
	}
	var exists bool
	if err := db.QueryRowContext(ctx, "SELECT to_regclass('tocsin_schema_migrations') IS NOT NULL").Scan(&exists); err != nil {
		return nil, err
	}
	done := map[string]bool{}
	if exists {
		rows, err := db.QueryContext(ctx, "SELECT version FROM tocsin_schema_migrations")
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				return nil, err
			}
			done[v] = true
		}
	}
	var out []string
	for _, f := range all {
		if !done[f.Version] {
			out = append(out, f.Version)
		}
	}
	return out, nil
}
