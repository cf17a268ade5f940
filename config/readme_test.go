package config

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEDocumentsEveryVariable keeps the README's configuration table in
// step with Vars. An empty default is an empty cell (the meaning says what
// empty does).
func TestREADMEDocumentsEveryVariable(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range Vars {
		def := "`" + v.Default + "`"
		if v.Default == "" {
			def = ""
		}
		row := "| `" + v.Env + "` | `--" + v.Flag + "` | " + def + " |"
		if !strings.Contains(string(b), row) {
			t.Errorf("README.md lacks the row for %s (want it to start with %q)", v.Env, row)
		}
	}
}
