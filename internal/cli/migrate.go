package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/migration"
)

var migrateStatus *bool

func migrateFlags(fs *flag.FlagSet) {
	migrateStatus = fs.Bool("status", false, "list pending migrations and change nothing")
}

func runMigrate(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	db, err := openDB(ctx, cfg.DatabaseURL)
	if errors.Is(err, errNoDatabase) && !*migrateStatus {
		if err := createDatabase(ctx, cfg.DatabaseURL); err != nil {
			return err
		}
		fmt.Println("created database at", where(cfg.DatabaseURL))
		db, err = openDB(ctx, cfg.DatabaseURL)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	if *migrateStatus {
		pending, err := migration.Pending(ctx, db)
		if err != nil {
			return err
		}
		fmt.Printf("%d pending migration(s)\n", len(pending))
		for _, p := range pending {
			fmt.Println("  " + p)
		}
		return nil
	}
	applied, err := migration.Apply(ctx, db)
	if err != nil {
		return err
	}
	fmt.Printf("applied %d migration(s) to %s\n", len(applied), where(cfg.DatabaseURL))
	return nil
}
