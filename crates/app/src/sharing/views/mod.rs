//! Offers, requests, placements, rotation requests, swaps, social-good
//! proposals and matches as answers show them: the same for every face.

mod matches;
mod offers;
mod placements;
mod requests;
mod rotations;
mod social_good;

pub use matches::{
    CoveredSkill, MatchExplanation, OfferMatch, OfferMatchList, RequestMatch, RequestMatchList,
};
pub use offers::{OfferList, OfferView};
pub use placements::{HistoryView, PlacementEventView, PlacementList, PlacementView};
pub use requests::{RequestList, RequestView};
pub use rotations::{
    RotationList, RotationView, SwapSide, SwapSuggestion, SwapSuggestionList, SwapView,
};
pub use social_good::{
    SocialGoodProposalView, SocialGoodRequestRef, SocialGoodSuggestion, SocialGoodSuggestionList,
};
