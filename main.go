// Command tocsin is the whole of Tocsin in one binary: the API server, the
// workers, migrations and administration. Run `tocsin --help`.
package main

import (
	"os"
	_ "time/tzdata" // time zones work on machines without /usr/share/zoneinfo

	"github.com/tocsin/tocsin/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
