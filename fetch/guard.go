package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// ErrRefused is wrapped by every error for a connection the guard refused.
var ErrRefused = errors.New("refused")

// refusedPrefixes are the ranges beyond those net/netip names (loopback, private, link-local,
// multicast, unspecified) that no public web page lives on: IANA's special-purpose registries
// (RFC 6890 and its updates) and the cloud metadata services reached on them.
var refusedPrefixes = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",       // "this network" (RFC 791)
		"100.64.0.0/10",   // shared address space, carrier NAT (RFC 6598); Alibaba's metadata at 100.100.100.200
		"192.0.0.0/24",    // IETF protocol assignments (RFC 6890)
		"192.0.2.0/24",    // documentation (RFC 5737)
		"198.18.0.0/15",   // benchmarking (RFC 2544)
		"198.51.100.0/24", // documentation
		"203.0.113.0/24",  // documentation
		"240.0.0.0/4",     // reserved, and the broadcast address (RFC 1112)
		"64:ff9b::/96",    // NAT64: an IPv4 address in IPv6 clothes (RFC 6052)
		"64:ff9b:1::/48",  // local-use NAT64 (RFC 8215)
		"100::/64",        // discard-only (RFC 6666)
		"2001:db8::/32",   // documentation (RFC 3849)
		"2002::/16",       // 6to4: an IPv4 address inside (RFC 3056)
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// whyRefused says why a connection to addr is refused, or "" when it may be made.
func whyRefused(addr netip.Addr) string {
	addr = addr.Unmap()
	switch {
	case !addr.IsValid():
		return "not an IP address"
	case addr.IsLoopback():
		return "a loopback address"
	case addr.IsUnspecified():
		return "the unspecified address"
	case addr.IsPrivate():
		return "a private address"
	case addr == netip.MustParseAddr("169.254.169.254"), addr == netip.MustParseAddr("fd00:ec2::254"):
		return "a cloud metadata address"
	case addr.IsLinkLocalUnicast():
		return "a link-local address"
	case addr.IsMulticast(), addr.IsLinkLocalMulticast(), addr.IsInterfaceLocalMulticast():
		return "a multicast address"
	}
	for _, p := range refusedPrefixes {
		if p.Contains(addr) {
			return "a reserved address (" + p.String() + ")"
		}
	}
	return ""
}

// guardError is the refusal of one address.
func guardError(host string, addr netip.Addr, why string) error {
	if host != "" && host != addr.String() {
		return fmt.Errorf("%w: %s resolves to %s, %s (--allow-private admits it)", ErrRefused, host, addr, why)
	}
	return fmt.Errorf("%w: %s is %s (--allow-private admits it)", ErrRefused, addr, why)
}

// dialer connects to the addresses a host name resolves to, refusing each one the guard
// forbids: the check is made on the address actually dialled, in the dialer's Control, so a
// redirect, a second DNS answer or a name resolving to several addresses cannot slip past.
type dialer struct {
	net          net.Dialer
	lookup       func(ctx context.Context, host string) ([]netip.Addr, error)
	allowPrivate bool
	// permit, when set, admits the addresses it accepts despite the guard: the tests' way to
	// stand one loopback server in for a public site while the guard still refuses the rest.
	permit func(netip.AddrPort) bool
}

func (d *dialer) dialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		addrs, err = d.lookup(ctx, host)
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", host, err)
		}
		if len(addrs) == 0 {
			return nil, fmt.Errorf("resolve %s: no addresses", host)
		}
	}
	var first error
	for _, a := range addrs {
		if !d.allowPrivate && !d.permitted(a, port) {
			if why := whyRefused(a); why != "" {
				if first == nil {
					first = guardError(host, a, why)
				}
				continue
			}
		}
		nd := d.net
		nd.Control = d.control(host)
		conn, err := nd.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return conn, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

func (d *dialer) permitted(a netip.Addr, port string) bool {
	if d.permit == nil {
		return false
	}
	ap, err := netip.ParseAddrPort(net.JoinHostPort(a.String(), port))
	return err == nil && d.permit(ap)
}

// control checks the address the socket is about to connect to: the last word on it.
func (d *dialer) control(host string) func(network, address string, c syscall.RawConn) error {
	return func(network, address string, c syscall.RawConn) error {
		if d.allowPrivate {
			return nil
		}
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("%w: cannot read the address %q", ErrRefused, address)
		}
		if why := whyRefused(ap.Addr()); why != "" && (d.permit == nil || !d.permit(ap)) {
			return guardError(host, ap.Addr(), why)
		}
		return nil
	}
}

// systemLookup resolves a host name with the system's resolver.
func systemLookup(ctx context.Context, host string) ([]netip.Addr, error) {
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, err
	}
	return ips, nil
}
