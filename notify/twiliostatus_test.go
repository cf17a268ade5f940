package notify_test

import (
	"net/url"
	"testing"

	"github.com/tocsin/tocsin/notify"
)

func TestParseTwilioStatusReadsOnlyFinalStates(t *testing.T) {
	cases := []struct {
		form url.Values
		want notify.TwilioStatus
	}{
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"queued"}}, notify.TwilioStatus{SID: "SM1"}},
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"sent"}}, notify.TwilioStatus{SID: "SM1"}},
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"delivered"}}, notify.TwilioStatus{SID: "SM1", Final: true, Delivered: true}},
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"undelivered"}, "ErrorCode": {"30003"}, "ErrorMessage": {"Unreachable destination handset"}},
			notify.TwilioStatus{SID: "SM1", Final: true, Reason: "30003 Unreachable destination handset"}},
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"failed"}}, notify.TwilioStatus{SID: "SM1", Final: true, Reason: "failed"}},
		// A call's callback also carries the CallSid of the call only.
		{url.Values{"CallSid": {"CA1"}, "CallStatus": {"ringing"}}, notify.TwilioStatus{SID: "CA1"}},
		{url.Values{"CallSid": {"CA1"}, "CallStatus": {"completed"}}, notify.TwilioStatus{SID: "CA1", Final: true, Delivered: true}},
		{url.Values{"CallSid": {"CA1"}, "CallStatus": {"no-answer"}}, notify.TwilioStatus{SID: "CA1", Final: true, Reason: "no answer"}},
		{url.Values{"CallSid": {"CA1"}, "CallStatus": {"busy"}}, notify.TwilioStatus{SID: "CA1", Final: true, Reason: "busy"}},
	}
	for _, c := range cases {
		if got := notify.ParseTwilioStatus(c.form); got != c.want {
			t.Errorf("%v: want %+v, got %+v", c.form, c.want, got)
		}
	}
}

func TestMessageTwiMLEscapesTheText(t *testing.T) {
	got := string(notify.MessageTwiML(`Alert #42 "disk" <full> & more`))
	want := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Response><Message>Alert #42 &#34;disk&#34; &lt;full&gt; &amp; more</Message></Response>`
	if got != want {
		t.Errorf("want\n%s\ngot\n%s", want, got)
	}
}
