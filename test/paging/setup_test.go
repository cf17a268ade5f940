package paging_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/contactmethod"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/viewer"
)

// The responder and how they are reached.
const (
	service     = "Paging chain"
	deviceToken = "fcm-token-of-pats-pixel"
	smsNumber   = "+15551230001"
	voiceNumber = "+15551230002"
	mailbox     = "pat@paging.test"
)

// responder is what setup made: the Opsgenie key and the ids of the
// contact methods.
type responder struct {
	key                     string
	push, sms, email, voice int
}

// setup writes, as the system, one responder with verified push, SMS,
// email and voice methods; high-urgency rules push, SMS and email at once
// and voice a minute later; a policy whose one step pages them (the next
// round an hour away, never reached); a service on it and an Opsgenie
// integration.
func setup(t *testing.T) responder {
	t.Helper()
	ctx := viewer.System(context.Background())
	c := env.Client
	team := c.Team.Create().SetName("Paging chain").SaveX(ctx)
	u := c.User.Create().SetEmail("pat@paging.local").SetName("Pat").SetRole(viewer.RoleResponder).AddTeams(team).SaveX(ctx)
	now := time.Now()
	method := func(kind contactmethod.Kind, name, address string) int {
		m := c.ContactMethod.Create().SetUserID(u.ID).SetKind(kind).SetName(name).SetAddress(address).SetVerifiedAt(now)
		if kind == contactmethod.KindPUSH {
			m.SetPlatform(contactmethod.PlatformANDROID)
		}
		return m.SaveX(ctx).ID
	}
	r := responder{
		push:  method(contactmethod.KindPUSH, "Pixel", deviceToken),
		sms:   method(contactmethod.KindSMS, "Mobile", smsNumber),
		email: method(contactmethod.KindEMAIL, "Work mail", mailbox),
		voice: method(contactmethod.KindVOICE, "Desk phone", voiceNumber),
	}
	for cm, delay := range map[int]int{r.push: 0, r.sms: 0, r.email: 0, r.voice: 1} {
		c.NotificationRule.Create().SetUserID(u.ID).SetContactMethodID(cm).SetUrgency("HIGH").SetDelayMinutes(delay).ExecX(ctx)
	}
	pol := c.EscalationPolicy.Create().SetName("Paging chain").SaveX(ctx)
	c.EscalationStep.Create().SetPolicyID(pol.ID).SetPosition(0).SetDelayMinutes(60).
		SetTargets([]escalation.Target{{Kind: escalation.TargetUser, ID: u.ID}}).ExecX(ctx)
	svc := c.Service.Create().SetName(service).SetTeam(team).SetEscalationPolicyID(pol.ID).SaveX(ctx)
	_, key, err := integration.New(c, nil, "http://127.0.0.1", "localhost").Create(ctx, integration.CreateInput{
		ServiceID: svc.ID, Kind: entintegration.KindOPSGENIE, Name: "paging chain"})
	if err != nil {
		t.Fatal(err)
	}
	r.key = key
	return r
}

// build compiles the tocsin binary into a temporary directory.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tocsin")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/tocsin/tocsin").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// freeAddr is a loopback address nobody listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// runAll starts `tocsin all` with settings (NAME=value) and waits until it
// is ready. It is stopped with SIGTERM when the test ends; its log is
// shown if the test failed.
func runAll(t *testing.T, bin, base string, settings ...string) {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), "tocsin.log")
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "all")
	cmd.Env = append(os.Environ(), settings...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		f.Close()
		if t.Failed() {
			b, _ := os.ReadFile(logPath)
			t.Logf("tocsin all log:\n%s", b)
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			t.Fatal("tocsin all exited before it was ready")
		default:
		}
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("tocsin all did not become ready within 30 s")
}

// twilioSign is X-Twilio-Signature as Twilio computes it
// (https://www.twilio.com/docs/usage/security): HMAC-SHA1 under the auth
// token of the full URL followed by each POST parameter's name and value,
// names sorted, base64. Written here again rather than taken from notify,
// so the door is checked against Twilio's rule and not against itself.
func twilioSign(authToken, fullURL string, params url.Values) string {
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(fullURL)
	for _, k := range names {
		for _, v := range params[k] {
			b.WriteString(k + v)
		}
	}
	m := hmac.New(sha1.New, []byte(authToken))
	m.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}
