package oneround_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/internal/oneround"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"

	entsql "entgo.io/ent/dialect/sql"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "oneround", &env)) }

func TestDSNAddsBinaryParameters(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u@127.0.0.1:5432/db?sslmode=disable": "postgres://u@127.0.0.1:5432/db?binary_parameters=yes&sslmode=disable",
		"postgresql://127.0.0.1/db":                      "postgresql://127.0.0.1/db?binary_parameters=yes",
		"host=127.0.0.1 dbname=db ":                      "host=127.0.0.1 dbname=db binary_parameters=yes",
	} {
		if got := oneround.DSN(in); got != want {
			t.Errorf("DSN(%q) = %q, want %q", in, got, want)
		}
	}
}

// JSON (jsonb) and bytea fields both survive a write and a read: JSON
// goes as text, bytes as binary. Without the driver's conversion the JSON
// insert fails on a binary_parameters pool ("unsupported jsonb version
// number 123"), which the second half shows.
func TestJSONAsTextBytesAsBinary(t *testing.T) {
	ctx := viewer.System(context.Background())
	c := env.Client
	u, err := c.User.Create().SetName("Ann").SetEmail("ann@x.io").Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hash := []byte{0, 1, 2, 0xfe, 0xff, '\\', 'x'}
	if _, err := c.Session.Create().SetUserID(u.ID).SetTokenHash(hash).SetExpiresAt(time.Now().Add(time.Hour)).Save(ctx); err != nil {
		t.Fatalf("bytea insert: %v", err)
	}
	got, err := c.Session.Query().Only(ctx)
	if err != nil || !reflect.DeepEqual(got.TokenHash, hash) {
		t.Fatalf("bytea read back: %v, %v; want %v", got, err, hash)
	}
	data := map[string]any{"paged": []any{"Ann"}, "step": float64(0), "quote": `"\u0000-free"`}
	ev, err := c.TimelineEvent.Create().SetKind("NOTE_ADDED").SetActorType(timelineevent.ActorTypeSYSTEM).
		SetActorName("Tocsin").SetData(data).Save(ctx)
	if err != nil {
		t.Fatalf("jsonb insert: %v", err)
	}
	if ev, err = c.TimelineEvent.Get(ctx, ev.ID); err != nil || !reflect.DeepEqual(ev.Data, data) {
		t.Fatalf("jsonb read back: %v, %v; want %v", ev.Data, err, data)
	}
	// Updates of JSON fields (UpdateOne) go the same way.
	if err := c.TimelineEvent.UpdateOne(ev).SetData(map[string]any{"x": "y"}).Exec(ctx); err != nil {
		t.Fatalf("jsonb update: %v", err)
	}

	// The same pool under ent's own driver sends JSON as binary and fails.
	db, err := sql.Open("postgres", oneround.DSN(env.DatabaseURL))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	plain := ent.NewClient(ent.Driver(entsql.OpenDB("postgres", db)))
	err = plain.TimelineEvent.Create().SetKind("NOTE_ADDED").SetActorType(timelineevent.ActorTypeSYSTEM).
		SetActorName("Tocsin").SetData(data).Exec(ctx)
	if err == nil {
		t.Fatal("a binary_parameters pool took JSON as binary: the conversion is no longer needed, or the pool is not in binary mode")
	}
}

// SQL of one's own in ent's transaction (ent.Tx's QueryContext, as the
// alert create statement does) and outside it reach PostgreSQL, JSON
// included.
func TestOwnSQLInAndOutOfTransactions(t *testing.T) {
	ctx := context.Background()
	tx, err := env.Client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	rows, err := tx.Client().QueryContext(ctx, "SELECT $1::jsonb->>'a', $2::bytea", json.RawMessage(`{"a":"b"}`), []byte{0, 0xff})
	if err != nil {
		t.Fatalf("in a transaction: %v", err)
	}
	var s string
	var b []byte
	for rows.Next() {
		if err := rows.Scan(&s, &b); err != nil {
			t.Fatal(err)
		}
	}
	rows.Close()
	if s != "b" || !reflect.DeepEqual(b, []byte{0, 0xff}) {
		t.Fatalf("got %q, %v", s, b)
	}
	if _, err := tx.Client().ExecContext(ctx, "SELECT $1::jsonb", json.RawMessage(`[1]`)); err != nil {
		t.Fatalf("exec in a transaction: %v", err)
	}
	if _, err := env.Client.ExecContext(ctx, "SELECT $1::jsonb", json.RawMessage(`[1]`)); err != nil {
		t.Fatalf("exec outside: %v", err)
	}
}
