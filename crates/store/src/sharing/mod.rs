//! Sharing people: offers, requests and placements. Capacity decisions lock
//! the offering co-op's row first ([`lock_capacity`]): every offer of a
//! person belongs to the person's co-op, so one lock orders every write that
//! could book the same time, on both backends.

pub mod feeds;
pub mod offers;
pub mod placements;
pub mod requests;
pub mod rotations;
pub(crate) mod skills;
pub mod social_good;
pub mod swaps;

use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::transaction::{self, Row};

/// Takes the lock that orders capacity decisions of `coop` (see the module
/// documentation); `NotFound` when the co-op is gone.
pub fn lock_capacity(conn: &mut DbConnection, coop: Uuid) -> Result<(), StoreError> {
    if transaction::lock(conn, Row::CoopById(&coop.to_string()))? {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// Takes the capacity locks of every co-op in `coops`, in id order, so that
/// two decisions over the same co-ops never wait for each other.
pub fn lock_capacities(conn: &mut DbConnection, coops: &[Uuid]) -> Result<(), StoreError> {
    let mut ordered = coops.to_vec();
    ordered.sort();
    ordered.dedup();
    for coop in ordered {
        lock_capacity(conn, coop)?;
    }
    Ok(())
}

/// Whose offers and requests a list shows, beyond the live ones of approved
/// co-ops that everyone sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// Network admins: every record, whatever its state.
    Everything,
    /// Someone with no role in a co-op.
    Outsider,
    /// Users with roles in these co-ops: also every record of theirs.
    MemberOf(Vec<Uuid>),
}

/// The stored name of a unit enum (`remote`, `social_good`): its serde name.
pub(crate) fn name_of<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The unit enum stored as `name`; a row holding anything else is corrupt.
pub(crate) fn named<T: DeserializeOwned>(name: &str, what: &str) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).map_err(|_| corrupt(what))
}

/// A row that does not hold what the store writes.
pub(crate) fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in a sharing row").into(),
    ))
}

/// The id stored as `text`.
pub(crate) fn uuid(text: &str, what: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| corrupt(what))
}

/// Money stored as an amount and a currency column.
pub(crate) fn money(
    amount: Option<i64>,
    currency: Option<String>,
) -> Option<coophub_domain::sharing::Money> {
    Some(coophub_domain::sharing::Money {
        amount: amount?,
        currency: currency?,
    })
}
