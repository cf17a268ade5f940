package ent

// This file is written by hand (ent leaves it alone).

import (
	"encoding/json"
	"fmt"

	"github.com/tocsin/tocsin/ent/internal"
)

// idStarts is the first id of each table in the global id space (sql/globalid).
var idStarts = func() map[string]int {
	m := map[string]int{}
	if err := json.Unmarshal([]byte(internal.IncrementStarts), &m); err != nil {
		panic(fmt.Sprintf("ent/internal.IncrementStarts: %v", err))
	}
	return m
}()

// IDRangeStart returns the first id of the given table (e.g. "alerts"):
// ids of a table are start, start+1, … below start+2^32.
func IDRangeStart(table string) int { return idStarts[table] }
