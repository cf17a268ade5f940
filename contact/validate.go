package contact

import (
	"context"
	"errors"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/notify/egress"
)

// e164 is a phone number in E.164 form: a plus, a country code and at most
// 15 digits in all.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// NormalizeNumber removes the spaces, dashes, dots and parentheses people
// type in numbers ("+49 151 1234-5678") and checks the result is E.164.
func NormalizeNumber(s string) (string, bool) {
	n := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '\u00a0' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	return n, e164.MatchString(n)
}

// address checks and normalises the address of a contact method of kind k.
func (m *Methods) address(ctx context.Context, k contactmethod.Kind, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" && k == contactmethod.KindPUSH {
		return "", invalid("token", "is required: the FCM registration token of the device")
	}
	if raw == "" {
		return "", invalid("address", "is required")
	}
	switch k {
	case contactmethod.KindSMS, contactmethod.KindVOICE:
		n, ok := NormalizeNumber(raw)
		if !ok {
			return "", invalid("address", "must be a phone number in international form with + and country code, e.g. +4915112345678")
		}
		return n, nil
	case contactmethod.KindEMAIL:
		a, err := mail.ParseAddress(raw)
		if err != nil || a.Address != raw || !strings.Contains(raw[strings.LastIndex(raw, "@")+1:], ".") {
			return "", invalid("address", "must be an email address such as alice@example.com")
		}
		return a.Address, nil
	case contactmethod.KindWEBHOOK:
		return raw, m.webhookURL(ctx, raw)
	case contactmethod.KindPUSH:
		if len(raw) > 4096 || strings.IndexFunc(raw, unicode.IsSpace) >= 0 {
			return "", invalid("token", "must be the FCM registration token the app got from Firebase")
		}
		return raw, nil
	}
	return "", invalid("kind", "must be PUSH, SMS, VOICE, EMAIL or WEBHOOK")
}

// webhookURL refuses URLs that are not http(s), and URLs whose host is or
// resolves to an address the egress policy refuses: a personal webhook is
// user input, and Tocsin must not become a way to reach its neighbours
// (SSRF). This early answer is a courtesy; the webhook channel checks every
// address again when it dials, which is what DNS rebinding cannot pass.
func (m *Methods) webhookURL(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return invalid("address", "must be an http:// or https:// URL")
	}
	dialer := m.Egress
	if dialer == nil {
		dialer = &egress.Dialer{}
	}
	_, err = dialer.Resolve(ctx, u.Hostname())
	var blocked *egress.BlockedError
	switch {
	case errors.As(err, &blocked):
		return invalid("address", "must point at a public address: "+blocked.Error())
	case err != nil:
		return invalid("address", "the host "+u.Hostname()+" cannot be resolved")
	}
	return nil
}

// name checks what the owner calls a contact method.
func name(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", invalid("name", "is required: what you call it, e.g. Work phone")
	case len([]rune(s)) > 100:
		return "", invalid("name", "must be at most 100 characters")
	}
	return s, nil
}
