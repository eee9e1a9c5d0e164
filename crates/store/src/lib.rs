//! coophub's storage: one diesel code path over SQLite (the embedded default)
//! and PostgreSQL (production, several instances).
//!
//! Every function here is synchronous, as diesel is: callers run them on a
//! blocking pool, never on the HTTP worker threads.

pub mod access;
pub mod alerts;
pub mod backup;
pub mod bidding;
pub mod case_studies;
pub mod changes;
mod connection;
mod contact;
pub mod coops;
pub mod deadline_feeds;
mod error;
pub mod fund;
pub mod mail;
pub mod messages;
mod migrations;
pub mod notifications;
mod page;
pub mod people;
mod pool;
pub mod reminders;
pub mod schema;
pub mod sharing;
mod skill_refs;
pub mod skills;
mod sql;
pub mod stats;
mod time;
pub mod transaction;
pub mod users;
mod versioning;
mod vocabulary;
pub mod web_sessions;
pub mod webhooks;

pub use connection::{Backend, DbConnection};
pub use error::StoreError;
pub use page::Page;
pub use transaction::{Retryable, write};

/// Most ids bound in one query (SQLite and PostgreSQL both limit parameters).
pub(crate) const CHUNK: usize = 1000;
pub use pool::{PoolOptions, Store, StoreConnection};
