//! Which addresses deliveries may go to. An endpoint must not reach into
//! the network the hub runs in (server-side request forgery): by default only
//! public unicast addresses are allowed, checked on the URL when an endpoint
//! is registered and again on every address a name resolves to when it is
//! delivered to (a name can resolve elsewhere later).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

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

/// Whether `ip` is a public unicast address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        // Carrier-grade NAT (100.64.0.0/10) and benchmarking (198.18.0.0/15).
        || (a == 100 && (64..128).contains(&b))
        || (a == 198 && (b == 18 || b == 19))
        // Reserved for future use (240.0.0.0/4).
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || ip.is_unique_local()
        || ip.is_unicast_link_local()
        // Documentation (2001:db8::/32) and the NAT64 prefix (64:ff9b::/96).
        || (first == 0x2001 && ip.segments()[1] == 0x0db8)
        || first == 0x0064)
}

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
