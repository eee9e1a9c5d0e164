//! Bids and tenders as answers show them: the same for every face.

mod bids;
mod history;
mod opportunities;
mod readiness;

pub use bids::{
    BidList, BidOpportunity, BidView, DecisionView, DocumentLinkView, MemberView, RoleView,
    SectionView,
};
pub use history::{BidHistoryView, HistoryItemView};
pub use opportunities::{
    DocumentView, ImportedItem, LotView, OpportunityList, OpportunityView, PeriodView, ValueView,
};
pub use readiness::{ReadinessView, WorkRef};
