// Package cli is the tocsin command: serve, worker, all, migrate, seed and
// user create. main.go calls Main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/server"
)

type command struct {
	name, args, summary string
	run                 func(ctx context.Context, cfg *config.Config, fs *flag.FlagSet) error
	flags               func(fs *flag.FlagSet)
}

var commands = []command{
	{name: "serve", summary: "serve the HTTP API, GraphQL and the web app (applies migrations first)", run: runServe},
	{name: "worker", summary: "run background workers (emails, escalations)", run: runWorker},
	{name: "all", summary: "serve and run workers in one process (small sites, development)", run: runAll},
	{name: "migrate", summary: "create the database if missing and apply pending migrations", run: runMigrate, flags: migrateFlags},
	{name: "seed", summary: "add data: --demo adds demo users, teams, services, alerts and an incident", run: runSeed, flags: seedFlags},
	{name: "user", args: "create", summary: "create a user: user create --email E --name N [--role R] [--password P | --invite]", run: runUser, flags: userFlags},
}

// Main runs the command line and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	var cmd *command
	for i := range commands {
		if commands[i].name == args[0] {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "tocsin: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	fs := flag.NewFlagSet("tocsin "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	vals := config.Register(fs)
	if cmd.flags != nil {
		cmd.flags(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: tocsin %s %s[flags]\n\n%s.\n\nFlags (each also read from the environment variable shown):\n",
			cmd.name, strings.TrimSpace(cmd.args+" "), upperFirst(cmd.summary))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cfg, err := config.Load(vals)
	if err != nil {
		fmt.Fprintln(stderr, "tocsin:", err)
		return 2
	}
	setupLogging(stderr, cfg.LogLevel)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := cmd.run(ctx, cfg, fs); err != nil {
		fmt.Fprintln(stderr, "tocsin:", err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprint(w, `tocsin — alerting, on-call paging and incident timelines.

Usage: tocsin <command> [flags]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "tocsin <command> --help" for the flags of a command. Every setting is
also read from a TOCSIN_* environment variable; flags win.
`)
}

func setupLogging(w io.Writer, level string) {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	slog.SetDefault(slog.New(server.LogHandler(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))))
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
