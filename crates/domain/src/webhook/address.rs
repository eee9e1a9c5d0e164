//! Which addresses deliveries may go to. An endpoint must not reach into
//! the network the hub runs in (server-side request forgery): by default only
//! public unicast addresses are allowed, checked on the URL when an endpoint
//! is registered and again on every address a name resolves to when it is
//! delivered to (a name can resolve elsewhere later).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::{Ipv4Net, Ipv6Net};

/// Whether private addresses (and plain http) are allowed: tests and local
/// development allow them (`COOPHUB_WEBHOOKS_ALLOW_PRIVATE=true`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressRule {
    /// Only https to public addresses.
    PublicOnly,
    /// Any address, http too.
    AllowPrivate,
}

impl AddressRule {
    /// Whether a delivery may connect to `ip`.
    pub fn allows(self, ip: IpAddr) -> bool {
        self == Self::AllowPrivate || is_public(ip)
    }
}

/// Whether `ip` is a globally reachable unicast address: outside every
/// range of IANA's special-purpose address registries (RFC 6890 and its
/// updates) that is not globally reachable, and outside multicast, reserved
/// and deprecated ranges. Every IPv6 form that embeds an IPv4 address
/// (mapped, translated, compatible, NAT64, 6to4, Teredo) is refused whole:
/// the IPv4 address inside may be anything, and it is not ours to unwrap.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => !NOT_GLOBAL_V4.iter().any(|net| net.contains(&v4)),
        IpAddr::V6(v6) => {
            GLOBAL_UNICAST_V6.contains(&v6) && !NOT_GLOBAL_V6.iter().any(|net| net.contains(&v6))
        }
    }
}

const fn v4(a: u8, b: u8, c: u8, d: u8, prefix: u8) -> Ipv4Net {
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), prefix)
}

const fn v6(first: u16, second: u16, prefix: u8) -> Ipv6Net {
    Ipv6Net::new_assert(Ipv6Addr::new(first, second, 0, 0, 0, 0, 0, 0), prefix)
}

/// IPv4 ranges no delivery may reach.
const NOT_GLOBAL_V4: [Ipv4Net; 19] = [
    v4(0, 0, 0, 0, 8),          // "this network"
    v4(10, 0, 0, 0, 8),         // private
    v4(100, 64, 0, 0, 10),      // shared address space (carrier-grade NAT)
    v4(127, 0, 0, 0, 8),        // loopback
    v4(169, 254, 0, 0, 16),     // link-local
    v4(172, 16, 0, 0, 12),      // private
    v4(192, 0, 0, 0, 24),       // IETF protocol assignments
    v4(192, 0, 2, 0, 24),       // documentation (TEST-NET-1)
    v4(192, 31, 196, 0, 24),    // AS112
    v4(192, 52, 193, 0, 24),    // AMT
    v4(192, 88, 99, 0, 24),     // deprecated 6to4 relay anycast
    v4(192, 168, 0, 0, 16),     // private
    v4(192, 175, 48, 0, 24),    // AS112 direct delegation
    v4(198, 18, 0, 0, 15),      // benchmarking
    v4(198, 51, 100, 0, 24),    // documentation (TEST-NET-2)
    v4(203, 0, 113, 0, 24),     // documentation (TEST-NET-3)
    v4(224, 0, 0, 0, 4),        // multicast
    v4(240, 0, 0, 0, 4),        // reserved, and the limited broadcast address
    v4(255, 255, 255, 255, 32), // limited broadcast (inside 240/4; named for the reader)
];

/// Global unicast (2000::/3): everything outside it is special or
/// unallocated — ::/8 (unspecified, loopback, IPv4-mapped, -translated and
/// -compatible), 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64), 100::/64
/// (discard), 5f00::/16 (SRv6), fc00::/7 (unique local), fe80::/10
/// (link-local), fec0::/10 (site-local) and ff00::/8 (multicast).
const GLOBAL_UNICAST_V6: Ipv6Net = v6(0x2000, 0, 3);

/// Special ranges inside global unicast.
const NOT_GLOBAL_V6: [Ipv6Net; 4] = [
    v6(0x2001, 0, 23),      // IETF protocol assignments, Teredo (2001::/32) among them
    v6(0x2001, 0x0db8, 32), // documentation
    v6(0x2002, 0, 16),      // 6to4, which embeds an IPv4 address
    v6(0x3fff, 0, 20),      // documentation (RFC 9637)
];

/// Whether a URL's host could be public: literal addresses are checked now,
/// names other than `localhost` when they are resolved.
pub(super) fn host_may_be_public(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Ipv4(v4) => is_public(IpAddr::V4(*v4)),
        url::Host::Ipv6(v6) => is_public(IpAddr::V6(*v6)),
        url::Host::Domain(name) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            !(name == "localhost" || name.ends_with(".localhost") || name.ends_with(".local"))
        }
    }
}
