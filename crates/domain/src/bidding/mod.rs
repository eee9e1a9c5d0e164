//! Winning work together: the rules of bids (their life, and how their value
//! is shared) that must hold whatever the storage does, tested without it.

mod bid;
mod cpv;
mod ocds;
mod opportunity;
mod shares;

pub use bid::{BidAction, BidRefusal, BidState, Criterion, SectionStatus, late, weighted_score};
pub use cpv::{CPV_SKILLS, CpvSkills, cpv_digits, skills_for_cpv};
pub use ocds::{DocumentLink, Lot, Package, Period, TenderRelease, TenderValue, read_package};
pub use opportunity::{
    CoopEvidence, CoopFit, Evidence, ManualTender, Opportunity, OpportunityStatus, coop_fit,
    status_of,
};
pub use shares::{
    RoleWork, Share, ShareError, ShareTerms, Shares, WHOLE_BP, fair_shares, largest_remainder,
};
