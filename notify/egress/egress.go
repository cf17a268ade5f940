// Package egress decides which network addresses Tocsin's outgoing webhooks
// may reach, and connects only to those. A webhook URL is user input: without
// this, Tocsin would post to its own neighbours (databases, admin consoles,
// the cloud metadata service) for whoever can save a contact method.
//
// Guarantees:
//   - The check runs when the connection is made, on the address dialed. A
//     host name is resolved once per dial, every address it resolves to is
//     checked, and the connection goes to one of those exact addresses, never
//     to the name again: a DNS answer that changes between a check and a dial
//     (rebinding) reaches nothing the check did not pass. Each redirect hop
//     and each new connection dials through the same check.
//   - An address in Blocked is refused unless a network in Policy.Allow holds
//     it; a name with any blocked address is refused as a whole.
//   - Transports built here never use a proxy from the environment
//     (HTTP_PROXY): the proxy would do the dialing, past the check.
package egress

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// Policy says which addresses may be reached.
type Policy struct {
	// Allow lists networks webhooks may reach although Blocked holds them
	// (TOCSIN_WEBHOOK_ALLOW_CIDRS), such as a self-hosted Mattermost on
	// 10.0.4.0/24, or 127.0.0.1/32 for receivers on a laptop.
	Allow []netip.Prefix
}

// BlockedError is an address the policy refuses.
type BlockedError struct {
	Addr  netip.Addr
	Range Range
}

func (e *BlockedError) Error() string {
	return fmt.Sprintf("%s is not reachable for webhooks: %s (%s); an operator can allow it with TOCSIN_WEBHOOK_ALLOW_CIDRS",
		e.Addr, e.Range.Why, e.Range.Prefix)
}

// Check returns nil when a may be reached, else a *BlockedError naming the
// first row of Blocked that holds it.
func (p Policy) Check(a netip.Addr) error {
	a = a.WithZone("") // netip.Prefix.Contains never holds a zoned address
	if !a.IsValid() {
		return &BlockedError{Addr: a, Range: Range{Why: "not an IP address"}}
	}
	for _, allow := range p.Allow {
		if allow.Contains(a) {
			return nil
		}
	}
	for _, b := range Blocked {
		if b.Prefix.Contains(a) {
			return &BlockedError{Addr: a, Range: b}
		}
	}
	return nil
}

// Dialer connects only to addresses its Policy allows. The zero Dialer
// blocks every Blocked range and resolves with the system's resolver.
type Dialer struct {
	Policy
	// LookupIP resolves a host name; nil means net.DefaultResolver. Tests
	// answer here.
	LookupIP func(ctx context.Context, host string) ([]netip.Addr, error)
	// DialIP connects to an address that passed the check ("ip:port"); nil
	// means a net.Dialer that checks the socket's address once more. Tests
	// point it at a local server to stand in for a public one.
	DialIP func(ctx context.Context, network, address string) (net.Conn, error)
}

// Resolve returns the addresses of host (a name or an IP literal) when the
// policy allows every one of them; otherwise the error says which is not
// allowed (a *BlockedError) or why the name did not resolve.
func (d *Dialer) Resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		// Written by hand: checked as written, so ::ffff:10.0.0.1 is refused
		// as IPv4-mapped rather than read as 10.0.0.1.
		return []netip.Addr{a}, d.Check(a)
	}
	lookup := d.LookupIP
	if lookup == nil {
		lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	addrs, err := lookup(ctx, host)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: %w", host, err)
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("resolving %s: no address", host)
	}
	for i, a := range addrs {
		// The resolver hands A records over in 16-byte form; they are IPv4.
		addrs[i] = a.Unmap()
		if err := d.Check(addrs[i]); err != nil {
			return nil, fmt.Errorf("%s: %w", host, err)
		}
	}
	return addrs, nil
}

// DialContext resolves and checks the host of address ("host:port") and
// connects to one of the addresses checked, in the resolver's order. Its
// signature is http.Transport.DialContext's.
func (d *Dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	addrs, err := d.Resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	dial := d.DialIP
	if dial == nil {
		dial = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: d.control}).DialContext
	}
	var first error
	for _, a := range addrs {
		if network == "tcp4" && !a.Is4() || network == "tcp6" && a.Is4() {
			continue
		}
		conn, err := dial(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return conn, nil
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		first = fmt.Errorf("%s has no %s address", host, network)
	}
	return nil, first
}

// control checks the address the socket is about to connect to: the last
// word, should anything ever hand the dialer an address Resolve did not see.
func (d *Dialer) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("connecting to %q: %w", address, errors.ErrUnsupported)
	}
	return d.Check(ap.Addr().Unmap())
}

// Transport is an HTTP transport that connects through d only and never
// through a proxy; tlsConfig nil means the system's roots.
func (d *Dialer) Transport(tlsConfig *tls.Config) *http.Transport {
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           d.DialContext,
		TLSClientConfig:       tlsConfig,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}
