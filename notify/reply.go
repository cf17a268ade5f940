package notify

import (
	"errors"
	"strings"
)

// Reply is what an SMS reply asks for.
type Reply struct {
	// Action is what to do.
	Action Action
	// Code names one alert (the page's reply code); empty when All is set.
	Code string
	// All applies the action to every open alert of the sender ("aa", "cc").
	All bool
}

// ErrUnknownReply is a reply that is none of the forms ParseReply reads.
var ErrUnknownReply = errors.New(`reply with the code and a letter: "42a" acknowledges alert 42, "42c" closes it, "42e" escalates it; "aa" acknowledges all your open alerts, "cc" closes them`)

var replyLetters = map[byte]Action{'a': Acknowledge, 'c': Close, 'e': Escalate}

// ParseReply reads an SMS reply: "<code>a" acknowledges, "<code>c" closes
// and "<code>e" escalates the alert of that code; "aa" and "cc" acknowledge
// or close all of the sender's open alerts. Case, spaces between code and
// letter, and surrounding whitespace or punctuation do not matter
// ("42 A.", " 42a\n"). Codes are digits; leading zeros are dropped.
func ParseReply(body string) (Reply, error) {
	s := strings.ToLower(strings.Trim(body, " \t\r\n.!"))
	s = strings.ReplaceAll(s, " ", "")
	switch s {
	case "aa":
		return Reply{Action: Acknowledge, All: true}, nil
	case "cc":
		return Reply{Action: Close, All: true}, nil
	}
	if len(s) < 2 {
		return Reply{}, ErrUnknownReply
	}
	code, letter := s[:len(s)-1], s[len(s)-1]
	a, ok := replyLetters[letter]
	if !ok || code == "" || len(code) > 9 || strings.Trim(code, "0123456789") != "" {
		return Reply{}, ErrUnknownReply
	}
	if code = strings.TrimLeft(code, "0"); code == "" {
		return Reply{}, ErrUnknownReply
	}
	return Reply{Action: a, Code: code}, nil
}
