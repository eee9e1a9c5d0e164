//! Accounts opened per client address are limited: every account may put
//! skills into profiles, so unthrottled sign-up would let one client fill the
//! hub with accounts (and, through unapproved co-ops, the vocabulary that
//! network admins must curate). Kept in memory, per instance.

use std::net::{IpAddr, Ipv4Addr};
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::rate_limit::admit;
use crate::problem::ApiError;

/// The registration limit per client address.
#[derive(Debug)]
pub struct SignUpLimiter {
    by_address: DefaultKeyedRateLimiter<IpAddr>,
}

impl SignUpLimiter {
    /// Allows `per_hour` registrations an hour from one address (in a burst, if need be:
    /// a co-op signing its members up together).
    pub fn new(per_hour: NonZeroU32) -> Self {
        Self {
            by_address: RateLimiter::keyed(Quota::per_hour(per_hour)),
        }
    }

    /// Counts one registration; `RateLimited` with the wait when over the limit.
    pub fn check(&self, address: Option<IpAddr>) -> Result<(), ApiError> {
        admit(
            &self.by_address,
            &address.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_opens_only_so_many_accounts_an_hour() {
        let limits = SignUpLimiter::new(NonZeroU32::new(2).unwrap());
        let (one, other) = (
            Some("192.0.2.1".parse().unwrap()),
            Some("192.0.2.2".parse().unwrap()),
        );
        assert!(limits.check(one).is_ok());
        assert!(limits.check(one).is_ok());
        match limits.check(one) {
            Err(ApiError::RateLimited { retry_after }) => {
                assert!(retry_after.as_secs() > 60 && retry_after.as_secs() <= 1800)
            }
            other => panic!("expected a rate limit, got {other:?}"),
        }
        assert!(
            limits.check(other).is_ok(),
            "other addresses are not held up"
        );
    }
}
