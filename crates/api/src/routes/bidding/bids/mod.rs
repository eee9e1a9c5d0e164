//! Bids: `/api/v1/bids`. A lead co-op opens a bid on an opportunity, adds
//! roles and sections, invites partners (whose admins accept or decline),
//! asks for suggestions and gaps, decides go or no-go, submits, and records
//! the result. A bid is its consortium's business: everyone else gets 404
//! and finds it in no list or count (`coophub_domain::access::bidding`).

pub mod consortium;
pub mod create;
pub mod documents;
pub mod gaps;
pub mod messages;
pub mod moves;
pub mod ocds;
pub mod partners;
pub mod roles;
pub mod sections;
pub mod shares;
pub mod show;
pub mod suggestions;
pub mod terms;

pub use coophub_app::bidding::bodies::{
    BidBody, BidTermsBody, DecisionBody, InvitationAnswer, InvitationBody, RoleBody, SectionBody,
};
pub use coophub_app::bidding::views::{BidList, BidView};
