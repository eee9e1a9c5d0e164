//! The JSON shapes of rotation requests and swaps.

pub use coophub_app::sharing::bodies::{RotationBody, SwapAnswer, SwapProposalBody};
pub use coophub_app::sharing::views::{
    RotationList, RotationView, SwapSuggestion, SwapSuggestionList, SwapView,
};
