//! Bids and tenders as answers show them: the same for every face.

mod bids;
mod opportunities;
mod readiness;

pub use bids::{BidList, BidOpportunity, BidView, DecisionView, MemberView, RoleView, SectionView};
pub use opportunities::{
    DocumentView, ImportedItem, LotView, OpportunityList, OpportunityView, PeriodView, ValueView,
};
pub use readiness::{ReadinessView, WorkRef};
