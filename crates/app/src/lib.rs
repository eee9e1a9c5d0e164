//! coophub's operations, named after what the hub does, called by every
//! face (the JSON API; workers, imports and the benchmark in `server` and
//! `bench`) and calling the store, the search index and the domain's rules:
//! nothing here knows HTTP. An operation takes a viewer, input already
//! parsed into domain types and a connection in the transaction it runs in.
//!
//! One module per area (`directory`, `sharing`, `bidding`, `telling`,
//! `fund`, `search`), with the views their answers show (`shapes` for the
//! pieces many share); `guard` is the one way to get hold of a record the
//! access rules guard, and [`AppError`] says why an operation did not
//! happen. Some writes still live in the JSON API's handlers and move here
//! next (issue 28).

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
