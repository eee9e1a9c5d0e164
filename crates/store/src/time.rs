//! Timestamps are stored as UTC `TIMESTAMP` columns set from Rust, truncated to
//! microseconds so that SQLite and PostgreSQL hand back the same value.

use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};

/// The column value for `instant`.
pub(crate) fn to_db(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.naive_utc().trunc_subsecs(6)
}

/// The instant a column value stands for.
pub(crate) fn from_db(value: NaiveDateTime) -> DateTime<Utc> {
    value.and_utc()
}
