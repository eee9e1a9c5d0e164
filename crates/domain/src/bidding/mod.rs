//! Winning work together: the rules of bids (their life, what they hold,
//! and how their value is shared) that must hold whatever the storage does,
//! tested without it.

mod bid;
pub(crate) mod cpv;
mod documents;
mod history;
mod input;
mod ocds;
mod opportunity;
mod readiness;
mod records;
mod relevance;
mod shares;
mod staffing;
mod suggest;
mod tender_words;

pub use bid::{BidAction, BidRefusal, BidState, Criterion, SectionStatus, late, weighted_score};
pub use cpv::{
    CPV_SKILLS, CpvSkills, cpv_codes, cpv_digits, cpv_entries, cpv_entry, skills_for_cpv,
};
pub use documents::{
    BidDocument, DOCUMENT_KIND_MAX, DOCUMENT_TITLE_MAX, DOCUMENT_URL_MAX, DocumentInput,
};
pub use history::{BidHappening, BidHistoryEntry};
pub use input::{
    BidDraft, BidInput, DEFAULT_LEAD_PREMIUM_BP, DecisionDraft, DecisionInput, MAX_CRITERIA,
    MAX_CRITERION_NAME, MAX_DAY_RATE, MAX_EFFORT_DAYS, MAX_LOT_ID, MAX_SCORE, RoleDraft, RoleInput,
    SectionDraft, SectionInput, WEIGHTS, tender_amount,
};
pub use ocds::{
    BIDS_EXTENSION, BidRelease, DocumentLink, LOTS_EXTENSION, Lot, Package, Party, Period,
    TenderRelease, TenderValue, bid_package, bid_release, read_package,
};
pub use opportunity::{
    CoopEvidence, CoopFit, Evidence, MAX_BUYER_NAME, MAX_DESCRIPTION, MAX_REGION, MAX_TITLE,
    ManualTender, Opportunity, OpportunityStatus, Provenance, coop_fit, status_of,
};
pub use readiness::{Readiness, ReadinessSnapshot};
pub use records::{Bid, BidMember, BidRole, BidSection, Decision, MemberStatus, ShareSettings};
pub use relevance::{
    Met, NEAR_KM, Need, NeedSource, REACH_KM, Relevance, relevance, stated_needs, tender_needs,
    tender_place,
};
pub use shares::{
    RoleWork, Share, ShareError, ShareTerms, Shares, WHOLE_BP, fair_shares, largest_remainder,
};
pub use staffing::{CoopTime, OfferTime, PersonTime};
pub use suggest::{PartnerFacts, best_partners_first, partner_score};
pub use tender_words::{Mention, skills_in_words};
