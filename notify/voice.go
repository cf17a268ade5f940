package notify

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Voice calls people through Twilio's Calls API. Twilio fetches what to
// say from Tocsin's {PublicURL}/hooks/twilio/voice, which answers with
// VoiceTwiML; the key pressed comes back to the Gather action.
type Voice struct{ Twilio *Twilio }

// Name is "voice".
func (*Voice) Name() string { return "voice" }

// VoiceURL is the TwiML URL of a call: the alert and the action token ride
// in the query, so the hook needs no state of its own.
func (v *Voice) VoiceURL(p Page) string {
	q := url.Values{"alert": {fmt.Sprint(p.AlertID)}}
	if p.ActionToken != "" {
		q.Set("token", p.ActionToken)
	}
	return v.Twilio.hook("voice") + "?" + q.Encode()
}

// Send places the call: To, From, Url, Method and StatusCallback, as
// https://www.twilio.com/docs/voice/api/call-resource describes.
func (v *Voice) Send(ctx context.Context, p Page) (Receipt, error) {
	if err := v.Twilio.check(); err != nil {
		return Receipt{}, Permanent(v.Name(), "", err)
	}
	if !strings.HasPrefix(p.To, "+") {
		return Receipt{}, Permanent(v.Name(), "", errors.New("the number must be in E.164 form (+4915112345678), got "+Redact(p.To)))
	}
	r, err := v.Twilio.create(ctx, v.Name(), "Calls", url.Values{
		"To":             {p.To},
		"From":           {v.Twilio.From},
		"Url":            {v.VoiceURL(p)},
		"Method":         {"POST"},
		"StatusCallback": {v.Twilio.hook("status")},
		"Timeout":        {"30"},
	})
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{ProviderID: r.SID, Summary: "voice call to " + p.recipient() + ": " + r.Status}, nil
}

// The keys a callee presses.
var voiceDigits = map[string]Action{"4": Acknowledge, "6": Close, "8": Escalate}

// DigitAction is the action of a key pressed during a call (4 acknowledge,
// 6 close, 8 escalate).
func DigitAction(digits string) (Action, bool) {
	a, ok := voiceDigits[strings.TrimSpace(digits)]
	return a, ok
}

// twiml is a TwiML <Response>.
type twiml struct {
	XMLName xml.Name `xml:"Response"`
	Verbs   []any
}

type say struct {
	XMLName xml.Name `xml:"Say"`
	Text    string   `xml:",chardata"`
}

type pause struct {
	XMLName xml.Name `xml:"Pause"`
	Length  int      `xml:"length,attr"`
}

type gather struct {
	XMLName   xml.Name `xml:"Gather"`
	Input     string   `xml:"input,attr"`
	NumDigits int      `xml:"numDigits,attr"`
	Timeout   int      `xml:"timeout,attr"`
	Action    string   `xml:"action,attr"`
	Method    string   `xml:"method,attr"`
	Verbs     []any
}

type hangup struct {
	XMLName xml.Name `xml:"Hangup"`
}

func (t twiml) bytes() []byte {
	b, err := xml.Marshal(t)
	if err != nil {
		panic(err) // only fixed types above: cannot fail
	}
	return append([]byte(xml.Header), b...)
}

// VoicePrompt is what a call says.
type VoicePrompt struct {
	TinyID   int
	Message  string
	Priority string
	Service  string
	// GatherURL receives the key pressed (Twilio posts Digits there); empty
	// means the callee can only listen.
	GatherURL string
}

// spoken is the alert as a sentence.
func (v VoicePrompt) spoken() string {
	s := "This is Tocsin with an alert"
	if v.Priority != "" {
		s = "This is Tocsin with a " + strings.Replace(v.Priority, "P", "priority ", 1) + " alert"
	}
	if v.Service != "" {
		s += " for " + v.Service
	}
	return fmt.Sprintf("%s. Alert %d: %s.", s, v.TinyID, strings.TrimRight(v.Message, ". "))
}

// VoiceTwiML reads the alert twice and gathers one key: 4 acknowledge,
// 6 close, 8 escalate.
func VoiceTwiML(v VoicePrompt) []byte {
	if v.GatherURL == "" {
		return twiml{Verbs: []any{say{Text: v.spoken()}, pause{Length: 1}, say{Text: v.spoken()}, say{Text: "Goodbye."}}}.bytes()
	}
	menu := "Press 4 to acknowledge, 6 to close, or 8 to escalate."
	return twiml{Verbs: []any{
		gather{Input: "dtmf", NumDigits: 1, Timeout: 10, Action: v.GatherURL, Method: "POST", Verbs: []any{
			say{Text: v.spoken() + " " + menu}, pause{Length: 1}, say{Text: v.spoken() + " " + menu},
		}},
		say{Text: "No key was pressed. Goodbye."},
	}}.bytes()
}

// VoiceSayTwiML says one thing and hangs up: the outcome of a key press.
func VoiceSayTwiML(text string) []byte {
	return twiml{Verbs: []any{say{Text: text}, hangup{}}}.bytes()
}
