package server

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// apiPrefixes never fall back to the SPA: an unknown path there is a JSON 404.
var apiPrefixes = []string{"/api/", "/graphql", "/v2/", "/hooks/", "/ical/", "/actions/"}

// spa serves the built front end. Client-side routes (/alerts/123) get
// index.html so a reload works; unknown API paths and missing files get a
// JSON 404.
func (s *Server) spa(files fs.FS) http.Handler {
	fileServer := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		for _, pre := range apiPrefixes {
			if strings.HasPrefix(p, pre) {
				notFound(w, r)
				return
			}
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			notFound(w, r)
			return
		}
		if p != "/" {
			if st, err := fs.Stat(files, strings.TrimPrefix(p, "/")); err == nil && !st.IsDir() {
				if strings.HasPrefix(p, "/assets/") {
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				fileServer.ServeHTTP(w, r)
				return
			}
			if path.Ext(p) != "" || !strings.Contains(r.Header.Get("Accept"), "text/html") {
				notFound(w, r)
				return
			}
		}
		index, err := fs.ReadFile(files, "index.html")
		if err != nil {
			writeError(w, http.StatusServiceUnavailable, "SPA_NOT_BUILT",
				"the web app is not built into this binary: run `npm --prefix frontend run build` and rebuild, or use `make dev`")
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(index)
	})
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "NOT_FOUND", "no route for "+r.Method+" "+r.URL.Path)
}
