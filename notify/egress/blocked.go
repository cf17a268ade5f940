package egress

import "net/netip"

// Range is a block of addresses outgoing webhooks never reach unless the
// operator allows it, and why.
type Range struct {
	Prefix netip.Prefix
	// Why names the block in the refusal ("loopback", "private network").
	Why string
}

func r(prefix, why string) Range { return Range{netip.MustParsePrefix(prefix), why} }

// Blocked is every range a webhook URL given by a user must not reach: this
// machine, its networks, the cloud metadata service, and the ranges that are
// not one public host (multicast, broadcast, reserved, documentation), plus
// the IPv6 forms that carry an IPv4 address inside (mapped, compatible,
// NAT64, 6to4, Teredo), which would otherwise smuggle 10.0.0.1 past a list of
// IPv4 ranges. From the IANA special-purpose address registries; the first
// row that holds an address names the refusal.
var Blocked = []Range{
	// IPv4
	r("0.0.0.0/8", "\"this network\" (0.0.0.0 reaches this machine)"), // RFC 791, RFC 1122
	r("10.0.0.0/8", "private network"),                                // RFC 1918
	r("100.64.0.0/10", "carrier-grade NAT shared space"),              // RFC 6598
	r("127.0.0.0/8", "loopback"),                                      // RFC 1122
	r("169.254.0.0/16", "link-local (cloud metadata lives here)"),     // RFC 3927
	r("172.16.0.0/12", "private network"),                             // RFC 1918
	r("192.0.0.0/24", "IETF protocol assignments"),                    // RFC 6890
	r("192.0.2.0/24", "documentation (TEST-NET-1)"),                   // RFC 5737
	r("192.88.99.0/24", "6to4 relay anycast"),                         // RFC 7526 (deprecated)
	r("192.168.0.0/16", "private network"),                            // RFC 1918
	r("198.18.0.0/15", "benchmarking"),                                // RFC 2544
	r("198.51.100.0/24", "documentation (TEST-NET-2)"),                // RFC 5737
	r("203.0.113.0/24", "documentation (TEST-NET-3)"),                 // RFC 5737
	r("224.0.0.0/4", "multicast"),                                     // RFC 5771
	r("240.0.0.0/4", "reserved, and the broadcast 255.255.255.255"),   // RFC 1112, RFC 919

	// IPv6
	r("::/128", "unspecified (reaches this machine)"),            // RFC 4291
	r("::1/128", "loopback"),                                     // RFC 4291
	r("::/96", "IPv4-compatible IPv6 (deprecated; embeds IPv4)"), // RFC 4291 §2.5.5.1
	r("::ffff:0:0/96", "IPv4-mapped IPv6 (embeds IPv4)"),         // RFC 4291 §2.5.5.2
	r("64:ff9b::/96", "NAT64 (embeds IPv4)"),                     // RFC 6052
	r("64:ff9b:1::/48", "local-use NAT64 (embeds IPv4)"),         // RFC 8215
	r("100::/64", "discard-only"),                                // RFC 6666
	r("2001::/32", "Teredo (embeds IPv4)"),                       // RFC 4380
	r("2001:db8::/32", "documentation"),                          // RFC 3849
	r("2002::/16", "6to4 (embeds IPv4)"),                         // RFC 3056
	r("3fff::/20", "documentation"),                              // RFC 9637
	r("fc00::/7", "unique local (private network)"),              // RFC 4193
	r("fe80::/10", "link-local"),                                 // RFC 4291
	r("fec0::/10", "site-local (deprecated private network)"),    // RFC 3879
	r("ff00::/8", "multicast"),                                   // RFC 4291
}
