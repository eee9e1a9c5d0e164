//! The one way an operation gets hold of a record the access rules guard:
//! find it with the neighbours its rules look at, decide, and answer
//! "not found" alike for what does not exist and what the viewer may not
//! know of. For a change the record is locked until the write transaction
//! ends, so the decision still holds when the change is written.

use coophub_domain::access::{Denied, Viewer};
use coophub_store::DbConnection;

use crate::AppError;

/// Whether a record is read as it is or locked for a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// Read as it is.
    Read,
    /// Locked until the write transaction ends.
    ForChange,
}

/// A record the access rules guard, loaded with what its rules need.
pub trait Guarded: Sized {
    /// How it is named: a slug or an id.
    type Key: ?Sized;
    /// A rule of `coophub_domain::access` about it.
    type Rule: Copy;

    /// What a viewer who may not see it, or asks for what does not exist,
    /// is told ("no co-op x").
    fn missing(key: &Self::Key) -> String;

    /// The record and its neighbours, if it exists.
    fn find(conn: &mut DbConnection, key: &Self::Key, lock: Lock)
    -> Result<Option<Self>, AppError>;

    /// What `rule` says about `viewer` and this record.
    fn decide(&self, viewer: &Viewer, rule: Self::Rule) -> Result<(), Denied>;
}

/// The record named by `key` if `rule` lets `viewer` have it.
pub fn load<T: Guarded>(
    conn: &mut DbConnection,
    viewer: &Viewer,
    key: &T::Key,
    rule: T::Rule,
    lock: Lock,
) -> Result<T, AppError> {
    let missing = || T::missing(key);
    let found = T::find(conn, key, lock)?.ok_or_else(|| AppError::NotFound(missing()))?;
    found
        .decide(viewer, rule)
        .map_err(|denied| AppError::refused(denied, missing))?;
    Ok(found)
}
