package notify

import (
	"encoding/xml"
	"net/url"
	"strings"
)

// TwilioStatus is what a Twilio status callback says about a message or a
// call Tocsin placed.
type TwilioStatus struct {
	// SID is the MessageSid or CallSid: the Receipt.ProviderID of the send.
	SID string
	// Final is false for progress reports (queued, sent, ringing) that
	// change nothing; then Delivered and Reason mean nothing.
	Final     bool
	Delivered bool
	// Reason says why it failed: "busy", "no answer", or Twilio's error
	// code and message ("30003 Unreachable destination handset").
	Reason string
}

// ParseTwilioStatus reads a status callback's form: MessageStatus
// delivered, or undelivered/failed with ErrorCode; CallStatus completed,
// or busy, no-answer, failed, canceled.
func ParseTwilioStatus(form url.Values) TwilioStatus {
	if sid := form.Get("MessageSid"); sid != "" {
		s := TwilioStatus{SID: sid}
		switch form.Get("MessageStatus") {
		case "delivered":
			s.Final, s.Delivered = true, true
		case "undelivered", "failed":
			s.Final = true
			s.Reason = strings.TrimSpace(form.Get("ErrorCode") + " " + form.Get("ErrorMessage"))
			if s.Reason == "" {
				s.Reason = form.Get("MessageStatus")
			}
		}
		return s
	}
	s := TwilioStatus{SID: form.Get("CallSid")}
	switch st := form.Get("CallStatus"); st {
	case "completed":
		s.Final, s.Delivered = true, true
	case "busy", "no-answer", "failed", "canceled":
		s.Final, s.Reason = true, strings.ReplaceAll(st, "-", " ")
	}
	return s
}

type message struct {
	XMLName xml.Name `xml:"Message"`
	Text    string   `xml:",chardata"`
}

// MessageTwiML answers an incoming SMS with one text message.
func MessageTwiML(text string) []byte {
	return twiml{Verbs: []any{message{Text: text}}}.bytes()
}
