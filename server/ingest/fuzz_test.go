package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
)

// The fuzz targets run the decoders alone (no database): whatever the body,
// they must not panic, must refuse only with a 400 (malformedError) or a 422
// (InvalidError), and what they accept must pass incident's rules.
//
//	go test -run='^$' -fuzz='^FuzzOpsgenieCreate$' -fuzztime=10s ./server/ingest/

func seeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{``, `{}`, `null`, `[]`, `{"message":5}`, `{"alerts":[{}]}`, `{"a":` + strings.Repeat("[", 200)} {
		f.Add([]byte(s))
	}
}

func refusal(t *testing.T, err error) {
	t.Helper()
	var (
		inv *incident.InvalidError
		bad *malformedError
	)
	if !errors.As(err, &inv) && !errors.As(err, &bad) {
		t.Fatalf("a decoder may refuse only with 400 or 422, got %T %v", err, err)
	}
}

func checkAlert(t *testing.T, n incident.NewAlert, maxMessage int) {
	t.Helper()
	if n.Message == "" || utf8.RuneCountInString(n.Message) > maxMessage {
		t.Fatalf("accepted message %q breaks the rules", n.Message)
	}
	if alert.PriorityValidator(n.Priority) != nil {
		t.Fatalf("accepted priority %q", n.Priority)
	}
	if err := n.Validate(); err != nil {
		t.Fatalf("an accepted alert must pass incident's rules: %v", err)
	}
}

func FuzzOpsgenieCreate(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		n, _, err := decodeOpsgenieCreate(body, "127.0.0.1")
		if err != nil {
			refusal(t, err)
			return
		}
		checkAlert(t, n, opsgenieMaxMessage)
	})
}

func FuzzOpsgenieAction(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, a := range append(append([]opsgenieAction{actionDelete}, postActions...), putActions...) {
			if _, err := decodeOpsgenieAction(body, a); err != nil {
				refusal(t, err)
			}
		}
	})
}

func FuzzPagerDutyEvent(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := decodePagerDuty(body)
		if err != nil {
			refusal(t, err)
			return
		}
		n, err := ev.alert()
		if err != nil {
			refusal(t, err)
			return
		}
		if ev.EventAction == "trigger" {
			checkAlert(t, n, incident.MaxMessage)
		}
	})
}

func checkHook(t *testing.T, alerts []hookAlert, err error) {
	t.Helper()
	if err != nil {
		refusal(t, err)
		return
	}
	for _, ha := range alerts {
		if ha.Alert.Alias == "" {
			t.Fatal("a webhook alert without alias was accepted")
		}
		checkAlert(t, ha.Alert, incident.MaxMessage)
	}
}

func FuzzAlertmanagerWebhook(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		alerts, err := decodeAlertmanager(body)
		checkHook(t, alerts, err)
	})
}

func FuzzGrafanaWebhook(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		alerts, err := decodeGrafana(body)
		checkHook(t, alerts, err)
	})
}

// fuzzMapping is a GENERIC mapping that reaches deep into the body.
var fuzzMapping = map[string]string{
	"message":  `body.msg ?? body.title ?? "untitled"`,
	"alias":    `string(body.monitor?.id ?? "")`,
	"priority": `body.heartbeat?.status == 0 ? "P2" : "P4"`,
	"details":  `{"url": body.monitor?.url, "raw": body.heartbeat}`,
	"tags":     `body.tags ?? ["generic"]`,
	"close":    `body.heartbeat?.status == 1`,
}

func FuzzGenericMapping(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		ha, err := decodeGeneric(body, fuzzMapping)
		if err != nil {
			refusal(t, err)
			return
		}
		if ha.Resolved {
			if ha.Alert.Alias == "" {
				t.Fatal("a close without alias was accepted")
			}
			return
		}
		checkAlert(t, ha.Alert, incident.MaxMessage)
	})
}

func TestFuzzMappingIsValid(t *testing.T) {
	if err := integration.CheckMapping(fuzzMapping); err != nil {
		t.Fatalf("the fuzz mapping must compile, or FuzzGenericMapping tests nothing: %v", err)
	}
	ha, err := decodeGeneric([]byte(`{"msg":"down","monitor":{"id":7},"heartbeat":{"status":0}}`), fuzzMapping)
	if err != nil || ha.Alert.Alias != "7" || ha.Alert.Priority != alert.PriorityP2 || ha.Resolved {
		t.Fatalf("the fuzz mapping on a sample: %+v %v", ha, err)
	}
}
