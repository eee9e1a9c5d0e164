//! coophub's HTTP API: routes, authentication, problem+json errors,
//! telemetry and the OpenAPI document.
//!
//! Handlers are thin: they parse input into domain types, check who may do
//! what, call the store on the blocking pool and map errors to problems.

mod app;
pub mod auth;
pub mod client_address;
mod conversation;
pub mod etag;
pub mod extract;
#[cfg(test)]
mod fuzz;
pub mod ics;
pub mod middleware;
mod openapi;
pub mod paging;
pub mod problem;
pub mod routes;
pub mod shapes;
pub mod state;

pub use app::{CorsPolicy, HttpSettings, Shared, app};
pub use openapi::{spec, spec_json};
pub use problem::{ApiError, PROBLEM_JSON, Problem};
pub use state::AppState;
