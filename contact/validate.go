package contact

import (
	"context"
	"net"
	"net/mail"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/tocsin/tocsin/ent/contactmethod"
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
// resolves to an address inside the server's own networks: a personal
// webhook is user input, and Tocsin must not become a way to reach its
// neighbours (SSRF). The check runs when the URL is stored; the webhook
// channel itself posts wherever the stored URL points.
func (m *Methods) webhookURL(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return invalid("address", "must be an http:// or https:// URL")
	}
	if m.AllowPrivateWebhooks {
		return nil
	}
	host := u.Hostname()
	var ips []net.IP
	if ip := net.ParseIP(host); ip != nil {
		ips = []net.IP{ip}
	} else if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return invalid("address", "must not point at this server (localhost)")
	} else {
		lookup := m.LookupIP
		if lookup == nil {
			lookup = func(ctx context.Context, host string) ([]net.IP, error) {
				return net.DefaultResolver.LookupIP(ctx, "ip", host)
			}
		}
		if ips, err = lookup(ctx, host); err != nil || len(ips) == 0 {
			return invalid("address", "the host "+host+" cannot be resolved")
		}
	}
	for _, ip := range ips {
		if internal(ip) {
			return invalid("address", "must not point at a loopback, link-local or private address ("+ip.String()+")")
		}
	}
	return nil
}

// sharedSpace is carrier-grade NAT (RFC 6598), private in all but name.
var sharedSpace = netip.MustParsePrefix("100.64.0.0/10")

// internal is true for addresses a public webhook has no business with.
func internal(ip net.IP) bool {
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	a, ok := netip.AddrFromSlice(ip)
	return ok && sharedSpace.Contains(a.Unmap())
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
