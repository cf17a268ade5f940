package cli_test

import (
	"bytes"
	"encoding/json"
	"net/smtp"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/viewer"
)

func TestServeRunsTheInboundEmailListener(t *testing.T) {
	tocsin(t, "team", "create", "--name", "Mail team")
	tocsin(t, "service", "create", "--name", "Mail service", "--team", "Mail team")
	out, errs, code := tocsin(t, "integration", "create", "--service", "Mail service", "--kind", "EMAIL", "--json")
	var intg struct{ Key, URL string }
	if err := json.Unmarshal([]byte(out), &intg); code != 0 || err != nil {
		t.Fatalf("integration create: %d %q %q", code, out, errs)
	}
	httpAddr, smtpAddr := freePort(t), freePort(t)
	cmd := exec.Command(buildBinary(t), "serve")
	cmd.Env = append(os.Environ(), "TOCSIN_DATABASE_URL="+env.DatabaseURL, "TOCSIN_REDIS_URL="+env.RedisURL,
		"TOCSIN_HTTP_ADDR="+httpAddr, "TOCSIN_SMTP_INBOUND_ADDR="+smtpAddr, "TOCSIN_BASE_URL=https://tocsin.example.com",
		"TOCSIN_INBOUND_EMAIL_DOMAIN=alerts.example.com")
	log := &bytes.Buffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if !waitReady(httpAddr, 30*time.Second) {
		t.Fatalf("serve never ready:\n%s", log)
	}
	msg := "From: cron@example.net\r\nSubject: Nightly export failed\r\nMessage-ID: <export-1@example.net>\r\n\r\nexit status 3\r\n"
	if err := smtp.SendMail(smtpAddr, nil, "cron@example.net", []string{intg.URL}, []byte(msg)); err != nil {
		t.Fatalf("want the email to %s accepted, got %v\n%s", intg.URL, err, log)
	}
	a, err := env.Client.Alert.Query().Where(alert.Alias("export-1@example.net")).Only(viewer.System(t.Context()))
	if err != nil || a.Message != "Nightly export failed" || a.Description != "exit status 3" {
		t.Fatalf("want the alert from the email, got %+v %v", a, err)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("want exit 0 after SIGTERM, got %v\n%s", err, log)
	}
	if !strings.Contains(log.String(), "inbound email shutting down") {
		t.Fatalf("want the inbound listener to shut down with the server, got:\n%s", log)
	}
}
