//! Login attempts are limited per account and per client address, so that
//! neither one account nor one client can try passwords quickly.
//!
//! The limits are kept in memory, per instance: behind a load balancer each
//! instance enforces its own share.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::problem::ApiError;

/// Above this many tracked keys, idle ones are dropped to bound memory.
const MAX_TRACKED_KEYS: usize = 10_000;

/// Rate limits for password checks.
#[derive(Debug)]
pub struct LoginLimiter {
    by_account: DefaultKeyedRateLimiter<String>,
    by_address: DefaultKeyedRateLimiter<IpAddr>,
}

impl LoginLimiter {
    /// Allows `per_account` attempts a minute for one account and `per_address`
    /// a minute from one address (each may be used in a burst).
    pub fn new(per_account: NonZeroU32, per_address: NonZeroU32) -> Self {
        Self {
            by_account: RateLimiter::keyed(Quota::per_minute(per_account)),
            by_address: RateLimiter::keyed(Quota::per_minute(per_address)),
        }
    }

    /// Counts one attempt; `RateLimited` with the wait when over either limit.
    pub fn check(&self, account: &str, address: Option<IpAddr>) -> Result<(), ApiError> {
        if self.by_account.len() > MAX_TRACKED_KEYS {
            self.by_account.retain_recent();
        }
        if self.by_address.len() > MAX_TRACKED_KEYS {
            self.by_address.retain_recent();
        }
        let now = DefaultClock::default().now();
        if let Some(address) = address {
            self.by_address
                .check_key(&address)
                .map_err(|not_until| ApiError::RateLimited {
                    retry_after: not_until.wait_time_from(now),
                })?;
        }
        self.by_account
            .check_key(&account.to_owned())
            .map_err(|not_until| ApiError::RateLimited {
                retry_after: not_until.wait_time_from(now),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(account: u32, address: u32) -> LoginLimiter {
        LoginLimiter::new(
            NonZeroU32::new(account).unwrap(),
            NonZeroU32::new(address).unwrap(),
        )
    }

    #[test]
    fn an_account_is_limited_whatever_the_address() {
        let limits = limiter(2, 100);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!(limits.check("ada@example.org", Some(a)).is_ok());
        assert!(limits.check("ada@example.org", Some(b)).is_ok());
        match limits.check("ada@example.org", Some(a)) {
            Err(ApiError::RateLimited { retry_after }) => assert!(retry_after.as_secs() <= 30),
            other => panic!("expected a rate limit, got {other:?}"),
        }
        assert!(limits.check("grace@example.org", Some(a)).is_ok());
    }

    #[test]
    fn an_address_is_limited_whatever_the_account() {
        let limits = limiter(100, 2);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        assert!(limits.check("one@example.org", Some(a)).is_ok());
        assert!(limits.check("two@example.org", Some(a)).is_ok());
        assert!(matches!(
            limits.check("three@example.org", Some(a)),
            Err(ApiError::RateLimited { .. })
        ));
        assert!(
            limits
                .check("three@example.org", Some("192.0.2.9".parse().unwrap()))
                .is_ok()
        );
    }
}
