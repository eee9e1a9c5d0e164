//! Co-ops: `/api/v1/coops` and `/api/v1/coops/{slug}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod membership;
pub mod murmurations;
pub mod patch;
pub mod show;
pub mod update;
pub mod users;
pub(crate) mod view;

pub use coophub_app::directory::coops::{CoopList, CoopView};
pub use view::{CoopRequest, coop_response};
