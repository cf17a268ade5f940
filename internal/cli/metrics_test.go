package cli_test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// /metrics is served on TOCSIN_METRICS_ADDR only, never on the public
// address; an address in use turns metrics off with a warning, and the
// server still serves.
func TestMetricsListenOnTheirOwnAddress(t *testing.T) {
	bin := buildBinary(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	for _, tc := range []struct {
		metricsAddr string
		served      bool
	}{{freePort(t), true}, {taken.Addr().String(), false}} {
		addr := freePort(t)
		cmd := exec.Command(bin, "serve")
		cmd.Env = append(os.Environ(), "TOCSIN_DATABASE_URL="+env.DatabaseURL, "TOCSIN_REDIS_URL="+env.RedisURL,
			"TOCSIN_HTTP_ADDR="+addr, "TOCSIN_METRICS_ADDR="+tc.metricsAddr)
		log := &bytes.Buffer{}
		cmd.Stdout, cmd.Stderr = log, log
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		stop := func() {
			cmd.Process.Signal(syscall.SIGTERM)
			cmd.Wait()
		}
		if !waitReady(addr, 30*time.Second) {
			stop()
			t.Fatalf("never ready:\n%s", log)
		}
		if res, err := http.Get("http://" + addr + "/metrics"); err != nil {
			t.Errorf("/metrics on the public address: %v", err)
		} else if res.Body.Close(); res.StatusCode != http.StatusNotFound {
			t.Errorf("/metrics on the public address: want 404, got %d", res.StatusCode)
		}
		if tc.served {
			res, err := http.Get("http://" + tc.metricsAddr + "/metrics")
			if err != nil {
				t.Errorf("/metrics on %s: %v", tc.metricsAddr, err)
			} else {
				raw, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if res.StatusCode != 200 || !strings.Contains(string(raw), "tocsin_http_requests_total") {
					t.Errorf("/metrics on %s: want the metrics, got %d\n%s", tc.metricsAddr, res.StatusCode, raw)
				}
			}
		} else if !strings.Contains(log.String(), "metrics are off") {
			t.Errorf("metrics address in use: want a warning that metrics are off, got:\n%s", log)
		}
		stop()
	}
}
