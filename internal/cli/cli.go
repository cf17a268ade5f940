// Package cli is the tocsin command: serve, worker, all, migrate, seed,
// and the create commands for users, teams, services and integrations.
// main.go calls Main. Exit codes: 0 done, 1 failed, 2 a wrong command line.
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
	{name: "user", args: "create", summary: "create a user: --email E --name N [--role R] [--password P | --invite]", run: runUser, flags: userFlags},
	{name: "team", args: "create", summary: "create a team: --name N [--description D] [--json]", run: runTeam, flags: teamFlags},
	{name: "service", args: "create", summary: "create a service owned by a team: --name N --team T [--description D] [--json]", run: runService, flags: serviceFlags},
	{name: "integration", args: "create", summary: "create an integration, print its key and URL: --service S --kind K [--name N] [--json]", run: runIntegration, flags: integrationFlags},
}

// usageError is a command line that cannot be right; Main exits with 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

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
	fs.Usage = func() {} // printed below: --help to stdout, mistakes to stderr
	// A subcommand ("user create") comes before its flags, where the flag
	// package would stop parsing.
	rest, sub := args[1:], ""
	if cmd.args != "" && len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		sub, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			commandUsage(stdout, fs, cmd)
			return 0
		}
		fmt.Fprintf(stderr, "Run \"tocsin %s --help\" for the flags.\n", strings.TrimSpace(cmd.name+" "+cmd.args))
		return 2
	}
	switch {
	case sub != cmd.args:
		fmt.Fprintf(stderr, "tocsin %s: unknown subcommand %q; want: tocsin %s %s [flags] (see --help)\n", cmd.name, sub, cmd.name, cmd.args)
		return 2
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "tocsin %s: unexpected argument %q (flags take the form --name value)\n", cmd.name, fs.Arg(0))
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
		var ue *usageError
		if errors.As(err, &ue) {
			return 2
		}
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
		name := strings.TrimSpace(c.name + " " + c.args)
		fmt.Fprintf(w, "  %-19s %s\n", name, c.summary)
	}
	fmt.Fprint(w, `
Run "tocsin <command> --help" for the flags of a command. Every setting is
also read from a TOCSIN_* environment variable; flags win.
`)
}

// commandUsage prints a command's own flags first, then the settings every
// command shares.
func commandUsage(w io.Writer, fs *flag.FlagSet, cmd *command) {
	fmt.Fprintf(w, "Usage: tocsin %s [flags]\n\n%s.\n", strings.TrimSpace(cmd.name+" "+cmd.args), upperFirst(cmd.summary))
	settings := map[string]bool{}
	for _, v := range config.Vars {
		settings[v.Flag] = true
	}
	own := flag.NewFlagSet("", flag.ContinueOnError)
	shared := flag.NewFlagSet("", flag.ContinueOnError)
	fs.VisitAll(func(f *flag.Flag) {
		if settings[f.Name] {
			shared.Var(f.Value, f.Name, f.Usage)
		} else {
			own.Var(f.Value, f.Name, f.Usage)
		}
	})
	for _, part := range []struct {
		title string
		fs    *flag.FlagSet
	}{{"Flags", own}, {"Settings (each also read from the environment variable shown)", shared}} {
		n := 0
		part.fs.VisitAll(func(*flag.Flag) { n++ })
		if n == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", part.title)
		part.fs.SetOutput(w)
		part.fs.PrintDefaults()
	}
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
