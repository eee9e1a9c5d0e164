//! Rotation requests, swaps and social-good proposals: `/api/v1/rotations`,
//! `/api/v1/swaps` and `/api/v1/social-good-proposals`. A rotation request
//! is private to the person and their co-op's admins (everyone else gets
//! 404, and it is in no list, count or search); a swap is seen by its four
//! parties, a social-good proposal by its three.

pub mod answer;
pub mod create;
pub mod show;
pub mod social_good;
pub mod swaps;
mod view;
pub mod withdraw;

pub use view::{
    RotationBody, RotationList, RotationView, SocialGoodProposalBody, SocialGoodProposalView,
    SocialGoodSuggestionList, SwapAnswer, SwapProposalBody, SwapSuggestion, SwapSuggestionList,
    SwapView,
};
