// Package clientip finds who sent a request: the TCP peer, or — when the
// peer is a trusted reverse proxy — the address that proxy (and any
// trusted proxy before it) names in X-Forwarded-For. Rate limits (sign-in,
// status page subscriptions), the Opsgenie alert source and the request
// log all key on it, so behind nginx, Caddy or Traefik every visitor is not
// one and the same address.
//
// Only trusted proxies are believed: X-Forwarded-For is read from the
// right (the hop nearest to Tocsin), skipping trusted addresses; the first
// untrusted one is the client. A visitor cannot pick their address by
// sending the header themselves, because the proxy appends the address it
// saw after whatever they sent.
package clientip

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// DefaultTrusted is a reverse proxy on the same machine.
const DefaultTrusted = "127.0.0.0/8,::1/128"

// ParseTrusted reads a list of addresses and networks (CIDR), separated by
// commas or spaces; "" trusts no proxy.
func ParseTrusted(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' }) {
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("%q is neither an address nor a network such as 10.0.0.0/8", f)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

type key struct{}

// Middleware works out each request's client address once, for From.
func Middleware(trusted []netip.Prefix, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip := Resolve(trusted, r.RemoteAddr, r.Header.Values("X-Forwarded-For"))
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), key{}, ip)))
	})
}

// From is r's client address: what Middleware found, else the TCP peer.
func From(r *http.Request) string {
	if ip, ok := r.Context().Value(key{}).(string); ok {
		return ip
	}
	return peer(r.RemoteAddr)
}

// Resolve is the client address of a request from remoteAddr (host:port)
// carrying the X-Forwarded-For header values forwarded.
func Resolve(trusted []netip.Prefix, remoteAddr string, forwarded []string) string {
	client := peer(remoteAddr)
	if !isTrusted(trusted, client) {
		return client
	}
	var hops []string
	for _, v := range forwarded {
		hops = append(hops, strings.Split(v, ",")...)
	}
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.Trim(strings.TrimSpace(hops[i]), "[]"))
		if err != nil {
			// Garbage (or a port, or "unknown") ends what can be believed:
			// the last trusted hop is the best we know.
			return client
		}
		client = a.Unmap().String()
		if !isTrusted(trusted, client) {
			return client
		}
	}
	return client
}

func isTrusted(trusted []netip.Prefix, ip string) bool {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// peer is the host of a host:port (or the whole string, if it has no port).
func peer(remoteAddr string) string {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = strings.Trim(remoteAddr, "[]")
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return a.Unmap().String()
	}
	return host
}
