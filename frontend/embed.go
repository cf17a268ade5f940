// Package frontend hands the built SPA (frontend/dist, made by `npm run build`)
// to the server. A checkout that has not built the SPA still compiles: dist
// then holds only .gitkeep and the server says the SPA is not built.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Files returns the built SPA, rooted at its index.html.
func Files() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the directory is embedded at compile time; this cannot fail
	}
	return sub
}
