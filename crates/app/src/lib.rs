//! coophub's operations, named after what the hub does, called by every
//! face (the JSON API; workers, imports and the benchmark in `server` and
//! `bench`) and calling the store, the search index and the domain's rules:
//! nothing here knows HTTP. An operation takes a viewer, input already
//! parsed into domain types and a connection in the transaction it runs in.
//!
//! Areas move here one by one (issue 28). So far: `telling` (who is told
//! what, worded once for every channel), the guarded loading of records
//! (`guard`), and the writes that tell alerts (tenders in `bidding`, people
//! in `directory`, offers in `sharing`).

pub mod bidding;
pub mod directory;
mod error;
pub mod fund;
pub mod guard;
pub mod search;
pub mod shapes;
pub mod sharing;
pub mod telling;

pub use error::{AppError, Clash, ConflictItem};
