//! Offers of time: `/api/v1/offers` and `/api/v1/offers/{id}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod reconfirm;
pub mod show;
pub mod update;
mod view;

pub use view::{OfferList, OfferRequest, OfferSkillBody, OfferView, offer_response};
