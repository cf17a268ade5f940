package egress_test

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"

	"github.com/tocsin/tocsin/notify/egress"
)

// Each row refuses its first, middle and last address, and names itself
// for the last one (rows nest only where a narrower row comes first).
func TestEveryBlockedRowRefusesItsAddresses(t *testing.T) {
	var p egress.Policy
	for _, row := range egress.Blocked {
		first, last := row.Prefix.Addr(), last(row.Prefix)
		for _, a := range []netip.Addr{first, middle(row.Prefix), last} {
			var b *egress.BlockedError
			if err := p.Check(a); !errors.As(err, &b) {
				t.Errorf("%s (%s): want %s refused, got %v", row.Prefix, row.Why, a, err)
			}
		}
		var b *egress.BlockedError
		if errors.As(p.Check(last), &b) && b.Range != row {
			t.Errorf("%s: want its last address %s refused as %q, got %q (%s)", row.Prefix, last, row.Why, b.Range.Why, b.Range.Prefix)
		}
	}
}

func TestCheckNamedAddresses(t *testing.T) {
	for _, c := range []struct {
		addr    string
		refused bool
	}{
		// The ones a first check let through, and the usual suspects.
		{"64:ff9b::a00:1", true},   // NAT64 of 10.0.0.1
		{"64:ff9b:1::a00:1", true}, // local-use NAT64
		{"::a00:1", true},          // IPv4-compatible 10.0.0.1
		{"::ffff:127.0.0.1", true}, // IPv4-mapped loopback
		{"::ffff:8.8.8.8", true},   // IPv4-mapped, even of a public address: written so, it is a trick
		{"198.18.0.1", true}, {"198.19.255.255", true},
		{"240.0.0.1", true}, {"255.255.255.255", true},
		{"192.0.0.170", true}, {"192.0.0.1", true},
		{"127.0.0.1", true}, {"127.1.2.3", true}, {"::1", true}, {"0.0.0.0", true}, {"::", true},
		{"10.1.2.3", true}, {"172.16.0.1", true}, {"172.31.255.255", true}, {"192.168.1.1", true},
		{"100.64.0.1", true}, {"100.127.255.255", true},
		{"169.254.169.254", true}, {"fe80::1", true}, {"fe80::1%eth0", true},
		{"fd00::1", true}, {"fc00::1", true}, {"fec0::1", true},
		{"224.0.0.1", true}, {"ff02::1", true},
		{"192.0.2.1", true}, {"198.51.100.1", true}, {"203.0.113.1", true}, {"2001:db8::1", true},
		{"2002:a00:1::", true}, {"2001::a00:1", true},
		// Public.
		{"93.184.215.14", false}, {"8.8.8.8", false}, {"1.1.1.1", false}, {"11.0.0.1", false},
		{"100.63.255.255", false}, {"100.128.0.1", false}, {"172.15.255.255", false}, {"172.32.0.1", false},
		{"198.17.255.255", false}, {"198.20.0.1", false}, {"192.0.1.1", false}, {"223.255.255.254", false},
		{"2606:4700:4700::1111", false}, {"2001:4860:4860::8888", false}, {"2a00:1450::1", false},
	} {
		err := egress.Policy{}.Check(netip.MustParseAddr(c.addr))
		if (err != nil) != c.refused {
			t.Errorf("%s: want refused=%v, got %v", c.addr, c.refused, err)
		}
	}
}

func TestAllowListOpensOnlyItsNetworks(t *testing.T) {
	p := egress.Policy{Allow: []netip.Prefix{netip.MustParsePrefix("10.0.4.0/24"), netip.MustParsePrefix("127.0.0.1/32")}}
	for addr, refused := range map[string]bool{
		"10.0.4.7": false, "127.0.0.1": false, "10.0.5.1": true, "127.0.0.2": true, "::1": true, "169.254.169.254": true, "8.8.8.8": false,
	} {
		if err := p.Check(netip.MustParseAddr(addr)); (err != nil) != refused {
			t.Errorf("allow 10.0.4.0/24,127.0.0.1/32: %s want refused=%v, got %v", addr, refused, err)
		}
	}
}

// A name is refused as a whole when any of its addresses is blocked, and
// the connection goes to the exact address checked, the resolver's
// 16-byte IPv4 form read as IPv4.
func TestDialerDialsOnlyCheckedAddresses(t *testing.T) {
	answers := map[string][]netip.Addr{
		"public.example.com": {netip.AddrFrom16(netip.MustParseAddr("93.184.215.14").As16())},
		"mixed.example.com":  {netip.MustParseAddr("93.184.215.14"), netip.MustParseAddr("192.168.1.20")},
		"mapped.example.com": {netip.AddrFrom16(netip.MustParseAddr("10.0.0.1").As16())},
	}
	var dialed []string
	d := &egress.Dialer{
		LookupIP: func(_ context.Context, host string) ([]netip.Addr, error) { return answers[host], nil },
		DialIP: func(_ context.Context, _, address string) (net.Conn, error) {
			dialed = append(dialed, address)
			c, _ := net.Pipe()
			return c, nil
		},
	}
	for host, ok := range map[string]bool{"public.example.com": true, "mixed.example.com": false, "mapped.example.com": false,
		"nothing.example.com": false, "127.0.0.1": false, "[::1]": false, "93.184.215.14": true} {
		c, err := d.DialContext(context.Background(), "tcp", net.JoinHostPort(host, "443"))
		if (err == nil) != ok {
			t.Errorf("%s: want dialed=%v, got %v", host, ok, err)
		}
		if c != nil {
			c.Close()
		}
	}
	if len(dialed) != 2 || dialed[0] != "93.184.215.14:443" || dialed[1] != "93.184.215.14:443" {
		t.Errorf("want exactly the two public dials to 93.184.215.14:443, got %v", dialed)
	}
}

// The default dialer checks the socket's own address too.
func TestDefaultDialRefusesBlockedAddress(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var b *egress.BlockedError
	if _, err := (&egress.Dialer{}).DialContext(context.Background(), "tcp", ln.Addr().String()); !errors.As(err, &b) {
		t.Errorf("dialing %s without an allow-list: want *egress.BlockedError, got %v", ln.Addr(), err)
	}
	d := &egress.Dialer{Policy: egress.Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}}
	c, err := d.DialContext(context.Background(), "tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("allowed 127.0.0.1/32: want connected, got %v", err)
	}
	c.Close()
}

func TestTransportUsesNoProxy(t *testing.T) {
	if tr := (&egress.Dialer{}).Transport(nil); tr.Proxy != nil {
		t.Error("a proxy would dial past the check: want Transport.Proxy nil")
	}
}

func last(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := range b {
		switch bits := p.Bits() - i*8; {
		case bits <= 0:
			b[i] = 0xff
		case bits < 8:
			b[i] |= 0xff >> bits
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// middle is the address halfway through p (its first for a single address).
func middle(p netip.Prefix) netip.Addr {
	if p.IsSingleIP() {
		return p.Addr()
	}
	b := p.Addr().AsSlice()
	i, bit := p.Bits()/8, p.Bits()%8
	b[i] |= 0x80 >> bit
	a, _ := netip.AddrFromSlice(b)
	return a
}
