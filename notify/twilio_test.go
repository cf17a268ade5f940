package notify_test

import (
	"context"
	"encoding/xml"
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tocsin/tocsin/internal/faketwilio"
	"github.com/tocsin/tocsin/notify"
)

const (
	testSID   = "AC0123456789abcdef0123456789abcdef"
	testToken = "twilio-auth-token"
)

func newFakeTwilio(t *testing.T) *faketwilio.Server { return faketwilio.Start(t, testSID, testToken) }

// twilioClient is the Twilio client of the channels, on the fake.
func twilioClient(f *faketwilio.Server) *notify.Twilio {
	return &notify.Twilio{AccountSID: testSID, AuthToken: testToken, From: "+15005550006", BaseURL: f.URL, PublicURL: "https://tocsin.example.com"}
}

var page = notify.Page{
	AlertID: 4294967337, TinyID: 42, Message: "Card payments failing", Priority: "P1", Service: "Payments API",
	Urgency: notify.UrgencyHigh, Link: "https://tocsin.example.com/alerts/4294967337", To: "+4915112345678",
	ActionToken: "tok_abc", ActionURL: "https://tocsin.example.com/actions/tok_abc",
}

func TestSMSPostsTheMessageAsTwilioDocumentsIt(t *testing.T) {
	f := newFakeTwilio(t)
	r, err := (&notify.SMS{Twilio: twilioClient(f)}).Send(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	last := f.Last()
	path, form := last.Path, last.Form
	if want := "/2010-04-01/Accounts/" + testSID + "/Messages.json"; path != want {
		t.Errorf("path: want %s, got %s", want, path)
	}
	want := url.Values{
		"To":             {"+4915112345678"},
		"From":           {"+15005550006"},
		"Body":           {"Tocsin P1 #42 Card payments failing (Payments API). Reply 42a ack, 42e escalate, 42c close"},
		"StatusCallback": {"https://tocsin.example.com/hooks/twilio/status"},
	}
	if form.Encode() != want.Encode() {
		t.Errorf("form:\nwant %s\ngot  %s", want.Encode(), form.Encode())
	}
	if r.ProviderID != "SM0123456789abcdef0123456789abcdef" || r.Summary != "SMS to +49…: queued" {
		t.Errorf("receipt: want SM… and %q, got %+v", "SMS to +49…: queued", r)
	}
}

func TestSMSThroughAMessagingServiceSendsItsSID(t *testing.T) {
	f := newFakeTwilio(t)
	c := twilioClient(f)
	c.From = "MG0123456789abcdef0123456789abcdef"
	if _, err := (&notify.SMS{Twilio: c}).Send(context.Background(), page); err != nil {
		t.Fatal(err)
	}
	if form := f.Last().Form; form.Get("MessagingServiceSid") != c.From || form.Has("From") {
		t.Errorf("want MessagingServiceSid=%s and no From, got %v", c.From, form)
	}
}

func TestSMSBodyFitsOneSegmentAndKeepsTheReplyCodes(t *testing.T) {
	p := page
	p.Message = strings.Repeat("disk full on db-1 ", 20)
	p.ReplyCode = "7"
	body := notify.SMSBody(p)
	if n := utf8.RuneCountInString(body); n != notify.SMSLimit {
		t.Errorf("want exactly %d characters (shortened to fit), got %d: %q", notify.SMSLimit, n, body)
	}
	if !strings.HasPrefix(body, "Tocsin P1 #42 disk full on db-1 ") || !strings.HasSuffix(body, "…. Reply 7a ack, 7e escalate, 7c close") {
		t.Errorf("want the shortened message then the reply codes of code 7, got %q", body)
	}
}

func TestVoicePlacesACallThatFetchesTwiMLFromTocsin(t *testing.T) {
	f := newFakeTwilio(t)
	r, err := (&notify.Voice{Twilio: twilioClient(f)}).Send(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	last := f.Last()
	path, form := last.Path, last.Form
	if want := "/2010-04-01/Accounts/" + testSID + "/Calls.json"; path != want {
		t.Errorf("path: want %s, got %s", want, path)
	}
	want := url.Values{
		"To":             {"+4915112345678"},
		"From":           {"+15005550006"},
		"Url":            {"https://tocsin.example.com/hooks/twilio/voice?alert=4294967337&token=tok_abc"},
		"Method":         {"POST"},
		"StatusCallback": {"https://tocsin.example.com/hooks/twilio/status"},
		"Timeout":        {"30"},
	}
	if form.Encode() != want.Encode() {
		t.Errorf("form:\nwant %s\ngot  %s", want.Encode(), form.Encode())
	}
	if r.ProviderID != "CA0123456789abcdef0123456789abcdef" || r.Summary != "voice call to +49…: queued" {
		t.Errorf("receipt: got %+v", r)
	}
}

func TestTwilioErrorsAreClassified(t *testing.T) {
	for _, c := range []struct {
		name      string
		status    int
		body      string
		permanent bool
		code      string
	}{
		{"invalid To", 400, `{"code":21211,"message":"The 'To' number +1555 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}`, true, "21211"},
		{"unsubscribed", 400, `{"code":21610,"message":"Attempt to send to unsubscribed recipient","status":400}`, true, "21610"},
		{"bad credentials", 401, `{"code":20003,"message":"Authenticate","status":401}`, true, "20003"},
		{"too many requests", 429, `{"code":20429,"message":"Too Many Requests","status":429}`, false, "20429"},
		{"rate limit code on 400", 400, `{"code":14107,"message":"SMS rate limit exceeded","status":400}`, false, "14107"},
		{"server error", 500, `{"code":20500,"message":"Internal Server Error","status":500}`, false, "20500"},
		{"bad gateway without body", 502, `<html>bad gateway</html>`, false, "502"},
		{"unknown 4xx code", 400, `{"code":21999,"message":"something new","status":400}`, true, "21999"},
		{"request timeout", 408, ``, false, "408"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeTwilio(t)
			f.Answer(c.status, c.body)
			_, err := (&notify.SMS{Twilio: twilioClient(f)}).Send(context.Background(), page)
			var ne *notify.Error
			if !errors.As(err, &ne) {
				t.Fatalf("want a *notify.Error, got %v", err)
			}
			if notify.IsPermanent(err) != c.permanent || ne.Code != c.code {
				t.Errorf("want permanent=%v code=%s, got permanent=%v code=%s (%v)", c.permanent, c.code, notify.IsPermanent(err), ne.Code, err)
			}
		})
	}
}

func TestTwilioUnreachableIsTemporaryAndMissingSettingsPermanent(t *testing.T) {
	f := newFakeTwilio(t)
	c := twilioClient(f)
	f.Close()
	_, err := (&notify.SMS{Twilio: c}).Send(context.Background(), page)
	if err == nil || notify.IsPermanent(err) {
		t.Errorf("connection refused: want a temporary error, got %v", err)
	}
	_, err = (&notify.Voice{Twilio: &notify.Twilio{BaseURL: f.URL}}).Send(context.Background(), page)
	if !notify.IsPermanent(err) || !strings.Contains(err.Error(), "TOCSIN_TWILIO_ACCOUNT_SID, TOCSIN_TWILIO_AUTH_TOKEN, TOCSIN_TWILIO_FROM") {
		t.Errorf("no settings: want a permanent error naming them, got %v", err)
	}
	p := page
	p.To = "015112345678"
	_, err = (&notify.SMS{Twilio: twilioClient(f)}).Send(context.Background(), p)
	if !notify.IsPermanent(err) {
		t.Errorf("a number without +: want a permanent error, got %v", err)
	}
}

// Twilio's published example (docs "Webhooks security" and its api-snippets
// signature_validation): auth token 12345, this URL and these parameters
// sign to RSOYDt4T1cUTdK1PDd93/VVr8B8=.
func TestTwilioSignatureMatchesTwiliosPublishedExample(t *testing.T) {
	u := "https://mycompany.com/myapp.php?foo=1&bar=2"
	params := url.Values{
		"CallSid": {"CA1234567890ABCDE"},
		"Caller":  {"+14158675309"},
		"Digits":  {"1234"},
		"From":    {"+14158675309"},
		"To":      {"+18005551212"},
	}
	const want = "RSOYDt4T1cUTdK1PDd93/VVr8B8="
	if got := notify.TwilioSignature("12345", u, params); got != want {
		t.Errorf("signature: want %s, got %s", want, got)
	}
	if !notify.ValidTwilioSignature("12345", want, u, params) {
		t.Error("the published signature must validate")
	}
	if !notify.ValidTwilioSignature("12345", want, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params) {
		t.Error("the same URL with :443 must validate too")
	}
	tampered := url.Values{}
	for k, v := range params {
		tampered[k] = v
	}
	tampered.Set("Digits", "4")
	for name, ok := range map[string]bool{
		"changed parameter": notify.ValidTwilioSignature("12345", want, u, tampered),
		"other URL":         notify.ValidTwilioSignature("12345", want, "https://mycompany.com/myapp.php?foo=1&bar=3", params),
		"other token":       notify.ValidTwilioSignature("54321", want, u, params),
		"no signature":      notify.ValidTwilioSignature("12345", "", u, params),
		"no token":          notify.ValidTwilioSignature("", want, u, params),
	} {
		if ok {
			t.Errorf("%s: want invalid", name)
		}
	}
}

func TestParseReply(t *testing.T) {
	for _, c := range []struct {
		in   string
		want notify.Reply
		ok   bool
	}{
		{"42a", notify.Reply{Action: notify.Acknowledge, Code: "42"}, true},
		{"42c", notify.Reply{Action: notify.Close, Code: "42"}, true},
		{"42e", notify.Reply{Action: notify.Escalate, Code: "42"}, true},
		{" 42 A.\n", notify.Reply{Action: notify.Acknowledge, Code: "42"}, true},
		{"007C", notify.Reply{Action: notify.Close, Code: "7"}, true},
		{"1234567a", notify.Reply{Action: notify.Acknowledge, Code: "1234567"}, true},
		{"aa", notify.Reply{Action: notify.Acknowledge, All: true}, true},
		{"AA", notify.Reply{Action: notify.Acknowledge, All: true}, true},
		{"cc!", notify.Reply{Action: notify.Close, All: true}, true},
		{"a a", notify.Reply{Action: notify.Acknowledge, All: true}, true},
		{"", notify.Reply{}, false},
		{"a", notify.Reply{}, false},
		{"42", notify.Reply{}, false},
		{"42x", notify.Reply{}, false},
		{"ee", notify.Reply{}, false},
		{"0a", notify.Reply{}, false},
		{"4x2a", notify.Reply{}, false},
		{"-42a", notify.Reply{}, false},
		{"12345678901a", notify.Reply{}, false},
		{"ack 42", notify.Reply{}, false},
		{"STOP", notify.Reply{}, false},
	} {
		got, err := notify.ParseReply(c.in)
		if c.ok && (err != nil || got != c.want) {
			t.Errorf("ParseReply(%q): want %+v, got %+v, %v", c.in, c.want, got, err)
		}
		if !c.ok && !errors.Is(err, notify.ErrUnknownReply) {
			t.Errorf("ParseReply(%q): want ErrUnknownReply, got %+v, %v", c.in, got, err)
		}
	}
}

// twimlDoc is the shape of the TwiML Tocsin answers a call with.
type twimlDoc struct {
	XMLName xml.Name `xml:"Response"`
	Gather  *struct {
		Input     string   `xml:"input,attr"`
		NumDigits string   `xml:"numDigits,attr"`
		Action    string   `xml:"action,attr"`
		Method    string   `xml:"method,attr"`
		Say       []string `xml:"Say"`
	} `xml:"Gather"`
	Say    []string  `xml:"Say"`
	Hangup *struct{} `xml:"Hangup"`
}

func TestVoiceTwiMLReadsTheAlertAndGathersOneKey(t *testing.T) {
	out := notify.VoiceTwiML(notify.VoicePrompt{TinyID: 42, Message: "Disk <full> & slow", Priority: "P1", Service: "DB",
		GatherURL: "https://tocsin.example.com/hooks/twilio/voice?alert=1&token=t&step=gather"})
	if !strings.HasPrefix(string(out), `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("want an XML declaration first, got %.60s", out)
	}
	var d twimlDoc
	if err := xml.Unmarshal(out, &d); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if d.Gather == nil || d.Gather.Input != "dtmf" || d.Gather.NumDigits != "1" || d.Gather.Method != "POST" ||
		d.Gather.Action != "https://tocsin.example.com/hooks/twilio/voice?alert=1&token=t&step=gather" {
		t.Fatalf("want <Gather input=dtmf numDigits=1 method=POST action=…>, got %+v\n%s", d.Gather, out)
	}
	want := "This is Tocsin with a priority 1 alert for DB. Alert 42: Disk <full> & slow. Press 4 to acknowledge, 6 to close, or 8 to escalate."
	if len(d.Gather.Say) != 2 || d.Gather.Say[0] != want || d.Gather.Say[1] != want {
		t.Errorf("want the alert said twice as %q, got %q", want, d.Gather.Say)
	}
	if len(d.Say) != 1 || d.Say[0] != "No key was pressed. Goodbye." {
		t.Errorf("after the gather: want a goodbye, got %q", d.Say)
	}
	for digit, want := range map[string]notify.Action{"4": notify.Acknowledge, "6": notify.Close, "8": notify.Escalate} {
		if a, ok := notify.DigitAction(digit); !ok || a != want {
			t.Errorf("digit %s: want %s, got %s %v", digit, want, a, ok)
		}
	}
	if a, ok := notify.DigitAction("5"); ok {
		t.Errorf("digit 5: want no action, got %s", a)
	}
	var end twimlDoc
	if err := xml.Unmarshal(notify.VoiceSayTwiML("Alert 42 acknowledged. Goodbye."), &end); err != nil || len(end.Say) != 1 || end.Hangup == nil {
		t.Errorf("VoiceSayTwiML: want one Say and a Hangup, got %+v, %v", end, err)
	}
}

// FuzzParseReply: no reply panics, and every accepted reply names a known
// action and either all alerts or a code of digits without leading zeros.
func FuzzParseReply(f *testing.F) {
	for _, s := range []string{"42a", " 42 A.\n", "aa", "cc", "007c", "4x2a", "", "ack 42", "1234567890e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r, err := notify.ParseReply(body)
		if err != nil {
			return
		}
		if _, perr := notify.ParseAction(string(r.Action)); perr != nil {
			t.Fatalf("ParseReply(%q): unknown action %q", body, r.Action)
		}
		if r.All == (r.Code != "") || (r.Code != "" && (r.Code[0] == '0' || strings.Trim(r.Code, "0123456789") != "")) {
			t.Fatalf("ParseReply(%q): want all or a code of digits, got %+v", body, r)
		}
	})
}
