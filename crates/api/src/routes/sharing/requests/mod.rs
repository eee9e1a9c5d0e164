//! Requests for time: `/api/v1/requests` and `/api/v1/requests/{id}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod show;
pub mod update;
mod view;

pub use view::{RequestBody, RequestList, RequestView, request_response};
