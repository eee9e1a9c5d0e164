//! A cap on the requests one client address has in flight at once (429
//! beyond), shared by every worker: a client holding many connections open,
//! each trickling a body, cannot take the server's file descriptors and
//! workers from everyone else.

use crate::client_address::client_address;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use crate::problem::ApiError;

/// Requests in flight per address.
#[derive(Debug)]
pub struct AddressLimiter {
    max: usize,
    in_flight: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl AddressLimiter {
    /// At most `max` requests in flight from one address.
    pub fn new(max: usize) -> Self {
        Self {
            max,
            in_flight: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// A place for one more request from `address`, given back on drop; `None`
    /// when the address already has `max` in flight.
    fn enter(&self, address: IpAddr) -> Option<InFlight> {
        let mut counts = self.in_flight.lock().ok()?;
        let count = counts.entry(address).or_insert(0);
        if *count >= self.max {
            return None;
        }
        *count += 1;
        Some(InFlight {
            address,
            counts: Arc::clone(&self.in_flight),
        })
    }
}

/// One request in flight; leaving (even by a panic or a dropped connection)
/// frees its place.
struct InFlight {
    address: IpAddr,
    counts: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut counts) = self.counts.lock()
            && let Some(count) = counts.get_mut(&self.address)
        {
            *count = count.saturating_sub(1);
            if *count == 0 {
                counts.remove(&self.address);
            }
        }
    }
}

/// The middleware (see the module documentation).
pub async fn limit_per_address(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let limiter = req.app_data::<web::Data<AddressLimiter>>().cloned();
    let address = client_address(req.request());
    let _place = match (limiter, address) {
        (Some(limiter), Some(address)) => match limiter.enter(address) {
            Some(place) => Some(place),
            None => {
                return Err(ApiError::RateLimited {
                    retry_after: Duration::from_secs(1),
                }
                .into());
            }
        },
        _ => None,
    };
    next.call(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_counted_per_address_and_given_back() {
        let limiter = AddressLimiter::new(2);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let first = limiter.enter(a);
        let second = limiter.enter(a);
        assert!(first.is_some() && second.is_some());
        assert!(
            limiter.enter(a).is_none(),
            "a third from the same address waits"
        );
        assert!(limiter.enter(b).is_some(), "another address does not");
        drop(first);
        assert!(
            limiter.enter(a).is_some(),
            "a place given back is free again"
        );
    }
}
