// Command diff writes a new versioned SQL migration into migration/sql that
// brings the database from the state of the existing migrations to the state
// of ent/schema. It needs a local PostgreSQL, where it uses (and drops) a
// scratch database. Usage, from the repository root:
//
//	go run ./ent/migrate/cmd/diff <name>
//
// After merging branches that both added migrations, rewrite atlas.sum
// (the checksums the migration runner checks) with:
//
//	go run ./ent/migrate/cmd/diff -rehash
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"regexp"

	atlas "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/lib/pq"

	"github.com/tocsin/tocsin/ent/migrate"
)

const scratch = "tocsin_migration_scratch"

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-rehash" {
		rehash()
		return
	}
	if len(os.Args) != 2 || !regexp.MustCompile(`^[a-z0-9_]+$`).MatchString(os.Args[1]) {
		log.Fatal("usage: go run ./ent/migrate/cmd/diff <name_in_snake_case>")
	}
	server := os.Getenv("TOCSIN_MIGRATION_SERVER")
	if server == "" {
		server = "postgres://postgres@127.0.0.1:5432"
	}
	ctx := context.Background()
	admin, err := sql.Open("postgres", server+"/postgres?sslmode=disable")
	if err != nil {
		log.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+scratch); err != nil {
		log.Fatalf("dropping scratch database: %v", err)
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+scratch); err != nil {
		log.Fatalf("creating scratch database: %v", err)
	}
	defer admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+scratch)

	dir, err := atlas.NewLocalDir("migration/sql")
	if err != nil {
		log.Fatalf("opening migration/sql (run from the repository root): %v", err)
	}
	err = migrate.NamedDiff(ctx, fmt.Sprintf("%s/%s?sslmode=disable", server, scratch), os.Args[1],
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dialect.Postgres),
		schema.WithFormatter(atlas.DefaultFormatter),
		schema.WithDropColumn(false),
		schema.WithDropIndex(true),
	)
	if err != nil {
		log.Fatalf("computing the migration: %v", err)
	}
}

// rehash rewrites migration/sql/atlas.sum from the files as they are.
func rehash() {
	dir, err := atlas.NewLocalDir("migration/sql")
	if err != nil {
		log.Fatalf("opening migration/sql (run from the repository root): %v", err)
	}
	sum, err := dir.Checksum()
	if err != nil {
		log.Fatalf("checksumming migration/sql: %v", err)
	}
	if err := atlas.WriteSumFile(dir, sum); err != nil {
		log.Fatalf("writing atlas.sum: %v", err)
	}
}
