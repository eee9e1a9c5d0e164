//! Middleware wrapped around every route: telemetry outside, problem
//! documents inside.

mod problems;
mod telemetry;

pub use problems::problems;
pub use telemetry::{Metrics, REQUEST_ID, telemetry};
