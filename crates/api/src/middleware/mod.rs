//! Middleware wrapped around every route: telemetry outside, problem
//! documents inside.

mod problems;
pub(crate) mod read_your_writes;
mod telemetry;

pub use problems::problems;
pub use read_your_writes::read_your_writes;
pub use telemetry::{Metrics, REQUEST_ID, telemetry};
