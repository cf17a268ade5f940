package server_test

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
)

// twilio posts form to path as Twilio does: signed for the URL under the
// base URL (http://localhost:8080 in these tests), unless sign is false.
func (h *actionsHarness) twilio(pathAndQuery string, form url.Values, sign bool) (int, string) {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+pathAndQuery, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if sign {
		req.Header.Set("X-Twilio-Signature", notify.TwilioSignature(twilioToken, "http://localhost:8080"+pathAndQuery, form))
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func callForm(digits string) url.Values {
	f := url.Values{"CallSid": {"CA0123456789abcdef0123456789abcdef"}, "From": {"+15005550006"}, "To": {"+4915112345678"}, "CallStatus": {"in-progress"}}
	if digits != "" {
		f.Set("Digits", digits)
	}
	return f
}

func TestVoiceCallReadsTheAlertAndKeyFourAcknowledges(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	tok := h.token("responder@tocsin.local", time.Hour, notify.Actions...)
	voice := &notify.Voice{Twilio: &notify.Twilio{PublicURL: "http://localhost:8080"}}
	u, _ := url.Parse(voice.VoiceURL(notify.Page{AlertID: h.alert.ID, ActionToken: tok}))

	status, twiml := h.twilio(u.RequestURI(), callForm(""), true)
	tiny := strconv.Itoa(incident.TinyID(h.alert.ID))
	gather := "http://localhost:8080/hooks/twilio/voice/gather?token=" + tok
	if status != http.StatusOK || !strings.Contains(twiml, "Alert "+tiny+": Card payments failing.") ||
		!strings.Contains(twiml, `<Gather input="dtmf" numDigits="1" timeout="10" action="`+gather+`" method="POST">`) {
		t.Fatalf("prompt: want 200 TwiML saying alert %s and gathering to %s, got %d:\n%s", tiny, gather, status, twiml)
	}
	if h.status() != alert.StatusOPEN {
		t.Fatal("the prompt must change nothing")
	}

	gu, _ := url.Parse(gather)
	status, twiml = h.twilio(gu.RequestURI(), callForm("4"), false)
	if status != http.StatusForbidden || h.status() != alert.StatusOPEN {
		t.Fatalf("an unsigned key press: want 403 and no change, got %d %s", status, h.status())
	}
	status, twiml = h.twilio(gu.RequestURI(), callForm("5"), true)
	if status != http.StatusOK || !strings.Contains(twiml, "That key does nothing") || h.status() != alert.StatusOPEN {
		t.Fatalf("key 5: want a spoken refusal and no change, got %d %s:\n%s", status, h.status(), twiml)
	}
	status, twiml = h.twilio(gu.RequestURI(), callForm("4"), true)
	if status != http.StatusOK || !strings.Contains(twiml, "<Say>Alert "+tiny+" acknowledged. Goodbye.</Say><Hangup></Hangup>") {
		t.Errorf("key 4: want it said acknowledged, got %d:\n%s", status, twiml)
	}
	if h.status() != alert.StatusACKED {
		t.Errorf("key 4: want the alert ACKED, got %s", h.status())
	}
	status, twiml = h.twilio(gu.RequestURI(), callForm("6"), true)
	if status != http.StatusOK || !strings.Contains(twiml, "Alert "+tiny+" closed.") || h.status() != alert.StatusCLOSED {
		t.Errorf("key 6: want CLOSED, got %d %s:\n%s", status, h.status(), twiml)
	}
	_, twiml = h.twilio(gu.RequestURI(), callForm("4"), true)
	if !strings.Contains(twiml, "Alert is already closed. Goodbye.") {
		t.Errorf("key 4 on a closed alert: want it said, got:\n%s", twiml)
	}
}

func TestVoiceHookRefusesForgedRequests(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	path := "/hooks/twilio/voice?alert=" + strconv.Itoa(h.alert.ID)
	form := callForm("")
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", notify.TwilioSignature("not-the-auth-token", "http://localhost:8080"+path, form))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("signed with another token: want 403, got %d", res.StatusCode)
	}
	status, twiml := h.twilio(path, form, true)
	if status != http.StatusOK || strings.Contains(twiml, "<Gather") {
		t.Errorf("a call without an action token: want the alert read without a key menu, got %d:\n%s", status, twiml)
	}
}
