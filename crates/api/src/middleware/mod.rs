//! Middleware wrapped around every route: telemetry outside, problem
//! documents inside.

mod clean_input;
mod per_address;
mod problems;
pub(crate) mod read_your_writes;
pub(crate) mod security_headers;
mod telemetry;

pub use clean_input::refuse_control_characters;
pub use per_address::{AddressLimiter, limit_per_address};
pub use problems::problems;
pub use read_your_writes::read_your_writes;
pub use security_headers::security_headers;
pub use telemetry::{Gauges, Metrics, REQUEST_ID, telemetry};
