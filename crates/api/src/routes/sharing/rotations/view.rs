//! The JSON shapes of rotation requests, swaps and social-good proposals.

pub use coophub_app::sharing::bodies::{
    RotationBody, SocialGoodProposalBody, SwapAnswer, SwapProposalBody,
};
pub use coophub_app::sharing::views::{
    RotationList, RotationView, SocialGoodProposalView, SocialGoodSuggestionList, SwapSuggestion,
    SwapSuggestionList, SwapView,
};
