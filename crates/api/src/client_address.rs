//! Who a request comes from, for the limits kept per client address (logins,
//! registrations, requests in flight). Behind a reverse proxy every request
//! comes from the proxy, so every client would share one allowance; the proxy
//! says who its client was in `X-Forwarded-For`. That header is believed only
//! from the proxies named in `trusted_proxies`, since anyone can send it.

use std::net::IpAddr;

use actix_web::HttpRequest;
use actix_web::web;
use ipnet::IpNet;

/// Addresses (or networks) of the reverse proxies in front of coophub.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Reads a comma-separated list of addresses and networks
    /// (`127.0.0.1, 10.0.0.0/8, ::1`); empty: no proxy is trusted.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let net = item
                .parse::<IpNet>()
                .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| {
                    format!("`{item}` is not an IP address or network such as 10.0.0.0/8")
                })?;
            nets.push(net);
        }
        Ok(Self(nets))
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client behind `peer`: the peer itself unless it is a trusted
    /// proxy; then, walking `X-Forwarded-For` from the right (each proxy
    /// appends the address it was reached from), the first address that is
    /// not a trusted proxy. A header that cannot be read counts as absent.
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        let mut client = peer;
        let hops = forwarded_for
            .iter()
            .rev()
            .flat_map(|line| line.rsplit(','))
            .map(|hop| hop.trim().parse::<IpAddr>());
        for hop in hops {
            if !self.trusts(client) {
                break;
            }
            match hop {
                Ok(address) => client = address,
                Err(_) => break,
            }
        }
        client
    }
}

/// The address of the client that sent `req` (see the module documentation).
pub fn client_address(req: &HttpRequest) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let Some(proxies) = req.app_data::<web::Data<TrustedProxies>>() else {
        return Some(peer);
    };
    let forwarded_for: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|value| value.to_str().ok())
        .collect();
    Some(proxies.client(peer, &forwarded_for))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_header_is_believed_only_from_a_trusted_proxy() {
        let proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").unwrap();
        // Straight from a client: its header is its own invention.
        assert_eq!(
            proxies.client(ip("192.0.2.7"), &["203.0.113.9"]),
            ip("192.0.2.7")
        );
        // Through the proxy: the address the proxy saw.
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &["192.0.2.7"]),
            ip("192.0.2.7")
        );
        // A client's forged first entry stays to the left of what the proxy appended.
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &["203.0.113.9, 192.0.2.7"]),
            ip("192.0.2.7")
        );
        // Two trusted hops, and headers split over several lines.
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &["203.0.113.9", "192.0.2.7, 10.1.2.3"]),
            ip("192.0.2.7")
        );
        // No header, or one that cannot be read: the proxy itself.
        assert_eq!(proxies.client(ip("127.0.0.1"), &[]), ip("127.0.0.1"));
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &["unknown"]),
            ip("127.0.0.1")
        );
        // Nobody trusted: the header is never read.
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("127.0.0.1"), &["192.0.2.7"]),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn a_list_that_cannot_be_read_says_what_was_expected() {
        assert_eq!(
            TrustedProxies::parse(" ").unwrap(),
            TrustedProxies::default()
        );
        assert!(TrustedProxies::parse("::1,fd00::/8").is_ok());
        let problem = TrustedProxies::parse("127.0.0.1, proxy.local").unwrap_err();
        assert!(problem.contains("`proxy.local`"), "{problem}");
    }
}
