//! Rotation requests and swaps: `/api/v1/rotations` and `/api/v1/swaps`.
//! A rotation request is private to the person and their co-op's admins
//! (everyone else gets 404, and it is in no list, count or search); a swap
//! is seen by its four parties.

pub mod answer;
pub mod create;
pub mod show;
pub mod swaps;
mod view;
pub mod withdraw;

pub use view::{
    RotationBody, RotationList, RotationView, SwapAnswer, SwapProposalBody, SwapSuggestion,
    SwapSuggestionList, SwapView,
};
