//! What can go wrong in storage, in terms the API can map to answers.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule was broken: `what` names the value already taken.
    #[error("{what} is already taken")]
    Conflict {
        /// The field whose value is taken, e.g. `email`.
        what: &'static str,
    },
    /// The record does not exist.
    #[error("not found")]
    NotFound,
    /// The record changed since the caller read it (`If-Match` mismatch).
    #[error("the record has changed (now version {current})")]
    Stale {
        /// The current version.
        current: i32,
    },
    /// No connection could be had (database down, pool exhausted).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// Amounts of money add up to more than can be counted in minor units.
    #[error("{0}")]
    SumTooLarge(#[from] coophub_domain::money::SumTooLarge),
    /// Applying migrations failed.
    #[error("migration failed: {0}")]
    Migration(String),
    /// Any other database error: a bug or an outage, never the caller's fault.
    #[error("database error: {0}")]
    Database(#[from] DieselError),
}

impl StoreError {
    /// Maps a unique violation to [`StoreError::Conflict`] on `what`.
    pub(crate) fn unique_as(what: &'static str) -> impl FnOnce(DieselError) -> Self {
        move |error| match error {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                Self::Conflict { what }
            }
            other => Self::Database(other),
        }
    }
}

impl crate::transaction::Retryable for StoreError {
    fn lost_a_race(&self) -> bool {
        matches!(self, Self::Database(error) if error.lost_a_race())
    }
}
