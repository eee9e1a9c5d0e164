//! coophub's operations, named after what the hub does, called by every
//! face (the JSON API; workers, imports and the benchmark in `server` and
//! `bench`) and calling the store, the search index and the domain's rules:
//! nothing here knows HTTP. An operation takes a viewer, input already
//! parsed into domain types and a connection in the transaction it runs in.
//!
//! One module per area (`directory`, `sharing`, `bidding`, `telling`,
//! `fund`, `search`), with the views their answers show and the bodies a
//! client sends (`shapes` for the pieces many share); `guard` is the one way
//! to get hold of a record the access rules guard, and [`AppError`] says why
//! an operation did not happen. A face reads its request into these bodies
//! or domain input, calls one operation and writes the answer in its own
//! format (the JSON API: JSON, problem documents, iCalendar, OCDS packages).

pub mod bidding;
pub mod directory;
mod error;
pub mod fund;
pub mod guard;
pub mod search;
pub mod shapes;
pub mod sharing;
pub mod telling;

pub use error::{AppError, Clash, ConflictItem, signed_in};
