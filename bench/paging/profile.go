package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"time"
)

// profile writes a CPU profile of tocsin over d (from its
// TOCSIN_METRICS_ADDR's /debug/pprof/profile) to file.
func (e *benchEnv) profile(ctx context.Context, file string, d time.Duration) {
	url := fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", e.metricsAddr, int(d.Seconds()))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		log.Printf("cpu profile: %v", err)
		return
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Printf("cpu profile: %v", err)
		return
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		log.Printf("cpu profile: %s answered %s", url, res.Status)
		return
	}
	f, err := os.Create(file)
	if err != nil {
		log.Printf("cpu profile: %v", err)
		return
	}
	defer f.Close()
	if _, err := io.Copy(f, res.Body); err != nil {
		log.Printf("cpu profile: %v", err)
		return
	}
	log.Printf("cpu profile of tocsin over %v written to %s", d, file)
}
