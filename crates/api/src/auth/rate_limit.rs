//! Password guesses are limited so that nobody can try many, and so that
//! somebody else's guesses never lock the owner out:
//!
//! - per account *and* address: `per_account` attempts a minute: one client
//!   guessing one account is slowed at once;
//! - per address: `per_address` attempts a minute, whatever the account;
//! - per account, from every address together: at most `per_account × 12`
//!   *failures* an hour. Past that, the addresses that failed for the account
//!   are refused until the hour's budget recovers, while an address that has
//!   not failed for it (the owner's) still signs in. A guesser with many
//!   addresses gets one guess per fresh address, no more.
//!
//! The limits are kept in memory, per instance: behind a load balancer each
//! instance enforces its own share.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::problem::ApiError;

/// Above this many tracked keys, idle ones are dropped to bound memory.
const MAX_TRACKED_KEYS: usize = 10_000;
/// Account-wide failures an hour, as a multiple of the per-account minute.
const ACCOUNT_HOURLY_FACTOR: NonZeroU32 = match NonZeroU32::new(12) {
    Some(factor) => factor,
    None => NonZeroU32::MIN,
};
/// How long an address that failed for an account counts as a guesser of it.
const SUSPECT_FOR: Duration = Duration::from_secs(3600);

/// Counts one event for `key` in `limiter`: `RateLimited` with the wait when
/// over its quota. Idle keys are dropped once many are tracked, to bound memory.
pub(super) fn admit<K: Clone + Eq + std::hash::Hash>(
    limiter: &DefaultKeyedRateLimiter<K>,
    key: &K,
) -> Result<(), ApiError> {
    if limiter.len() > MAX_TRACKED_KEYS {
        limiter.retain_recent();
    }
    limiter
        .check_key(key)
        .map_err(|not_until| ApiError::RateLimited {
            retry_after: not_until.wait_time_from(DefaultClock::default().now()),
        })
}

/// Rate limits for password checks.
#[derive(Debug)]
pub struct LoginLimiter {
    by_pair: DefaultKeyedRateLimiter<(String, IpAddr)>,
    by_address: DefaultKeyedRateLimiter<IpAddr>,
    account_failures: DefaultKeyedRateLimiter<String>,
    guessed: Mutex<HashMap<String, Guessed>>,
}

/// An account whose hourly failure budget ran out.
#[derive(Debug, Default)]
struct Guessed {
    /// Refused (for addresses that failed) until then.
    locked_until: Option<Instant>,
    /// When each address last failed for the account.
    failed_from: HashMap<IpAddr, Instant>,
}

impl LoginLimiter {
    /// Allows `per_account` attempts a minute for one account from one address
    /// and `per_address` a minute from one address (each may come in a burst).
    pub fn new(per_account: NonZeroU32, per_address: NonZeroU32) -> Self {
        let hourly = per_account.saturating_mul(ACCOUNT_HOURLY_FACTOR);
        Self {
            by_pair: RateLimiter::keyed(Quota::per_minute(per_account)),
            by_address: RateLimiter::keyed(Quota::per_minute(per_address)),
            account_failures: RateLimiter::keyed(Quota::per_hour(hourly)),
            guessed: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one attempt; `RateLimited` with the wait when over a limit.
    pub fn check(&self, account: &str, address: Option<IpAddr>) -> Result<(), ApiError> {
        let address = address.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        admit(&self.by_address, &address)?;
        admit(&self.by_pair, &(account.to_owned(), address))?;
        if let Some(wait) = self.locked_for(account, address, Instant::now()) {
            return Err(ApiError::RateLimited { retry_after: wait });
        }
        Ok(())
    }

    /// Records a wrong password for `account` from `address`.
    pub fn failed(&self, account: &str, address: Option<IpAddr>) {
        let address = address.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        let at = Instant::now();
        let over = self
            .account_failures
            .check_key(&account.to_owned())
            .err()
            .map(|not_until| not_until.wait_time_from(DefaultClock::default().now()));
        let Ok(mut guessed) = self.guessed.lock() else {
            return;
        };
        if guessed.len() > MAX_TRACKED_KEYS {
            guessed.retain(|_, g| {
                g.failed_from
                    .values()
                    .any(|t| at.duration_since(*t) < SUSPECT_FOR)
            });
        }
        let entry = guessed.entry(account.to_owned()).or_default();
        entry.failed_from.insert(address, at);
        if let Some(wait) = over {
            entry.locked_until = Some(at + wait);
        }
    }

    /// How long `address` must wait for `account`, if the account's failure
    /// budget ran out and this address is one that failed for it.
    fn locked_for(&self, account: &str, address: IpAddr, now: Instant) -> Option<Duration> {
        let guessed = self.guessed.lock().ok()?;
        let entry = guessed.get(account)?;
        let until = entry.locked_until.filter(|until| *until > now)?;
        let failed_at = entry.failed_from.get(&address)?;
        (now.duration_since(*failed_at) < SUSPECT_FOR).then(|| until - now)
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

    fn ip(text: &str) -> Option<IpAddr> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn one_address_guessing_one_account_is_slowed_at_once() {
        let limits = limiter(2, 100);
        assert!(limits.check("ada@example.org", ip("192.0.2.1")).is_ok());
        assert!(limits.check("ada@example.org", ip("192.0.2.1")).is_ok());
        match limits.check("ada@example.org", ip("192.0.2.1")) {
            Err(ApiError::RateLimited { retry_after }) => assert!(retry_after.as_secs() <= 30),
            other => panic!("expected a rate limit, got {other:?}"),
        }
        // The owner, elsewhere, is not slowed by someone else's guesses.
        assert!(limits.check("ada@example.org", ip("192.0.2.7")).is_ok());
        assert!(limits.check("grace@example.org", ip("192.0.2.1")).is_ok());
    }

    #[test]
    fn an_address_is_limited_whatever_the_account() {
        let limits = limiter(100, 2);
        let a = ip("192.0.2.1");
        assert!(limits.check("one@example.org", a).is_ok());
        assert!(limits.check("two@example.org", a).is_ok());
        assert!(matches!(
            limits.check("three@example.org", a),
            Err(ApiError::RateLimited { .. })
        ));
        assert!(limits.check("three@example.org", ip("192.0.2.9")).is_ok());
    }

    #[test]
    fn past_the_hourly_failures_guessers_wait_and_the_owner_does_not() {
        let limits = limiter(2, 1_000);
        // 24 failures an hour for per_account = 2, from as many addresses.
        for n in 0..25 {
            let address = ip(&format!("198.51.100.{n}"));
            assert!(limits.check("ada@example.org", address).is_ok(), "{n}");
            limits.failed("ada@example.org", address);
        }
        match limits.check("ada@example.org", ip("198.51.100.5")) {
            Err(ApiError::RateLimited { retry_after }) => assert!(retry_after.as_secs() > 60),
            other => panic!("a guessing address waits, got {other:?}"),
        }
        assert!(
            limits.check("ada@example.org", ip("203.0.113.1")).is_ok(),
            "an address that never failed still signs in"
        );
    }
}
