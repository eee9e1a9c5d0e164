//! Co-ops: the members of the network, their profile and their membership.

mod claim;
mod contact;
mod country;
mod enquiry;
mod input;
pub mod limits;
mod membership;
mod names;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::skills::Skill;

pub use claim::{ClaimStatus, claim_message, email_at_website};
pub use contact::{CONTACT_URL_MAX, Contact, ContactDraft, ContactVisibility, PHONE_LENGTHS};
pub use country::{CODES as COUNTRY_CODES, is_country_code};
pub use enquiry::{
    ENQUIRIES_PER_WINDOW, ENQUIRY_MESSAGE_MAX, ENQUIRY_SUBJECT_MAX, ENQUIRY_WINDOW, EnquiryDraft,
    EnquiryInput,
};
pub use input::{CoopDraft, CoopInput, LocationInput, Slug};
pub use membership::{INVITATION_DAYS, Lapse, LapseReason, MembershipAction, MembershipError};

/// The legal form a co-op chose; co-ops ask each other about these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalForm {
    /// Registered society under the Co-operative and Community Benefit Societies Act.
    CooperativeSociety,
    /// Company limited by guarantee.
    CompanyLimitedByGuarantee,
    /// Company limited by shares.
    CompanyLimitedByShares,
    /// Limited liability partnership.
    Llp,
    /// Community interest company.
    Cic,
    /// Anything else.
    Other,
}

/// How the co-op is owned and run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationalStructure {
    /// Owned by the people who work in it.
    WorkerCoop,
    /// Owned by several kinds of stakeholder.
    MultiStakeholder,
    /// Owned by its customers.
    Consumer,
    /// A co-op of co-ops.
    Secondary,
    /// Anything else.
    Other,
}

/// What a user may do for a co-op.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CoopRole {
    /// Edits the co-op and its people, adds users.
    Admin,
    /// Belongs to the co-op.
    Member,
}

/// Where a co-op stands with the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MembershipStatus {
    /// Asked to join; not yet decided.
    Applied,
    /// Invited; lapses if not accepted within 60 days.
    Invited,
    /// A member.
    Approved,
    /// No longer a member (invitation not taken up, or left).
    Lapsed,
    /// Removed by the network.
    Removed,
}

/// How a member became one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MembershipOrigin {
    /// A founding member.
    Founding,
    /// Approved by the network later.
    Approved,
}

/// Whether a member pays into the optional network fund.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FundContribution {
    /// Contributes.
    Paying,
    /// Does not contribute (the fund is optional).
    NonPaying,
}

/// A co-op's membership of the network.
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    /// Current status.
    pub status: MembershipStatus,
    /// Founding or approved; `None` until approved.
    pub origin: Option<MembershipOrigin>,
    /// Fund contribution; `None` when unknown.
    pub fund_contribution: Option<FundContribution>,
    /// When the current invitation was sent.
    pub invited_at: Option<DateTime<Utc>>,
    /// The day the co-op last became a member (kept when it lapses); `None`
    /// when never a member or not known.
    pub member_since: Option<NaiveDate>,
    /// When the status last changed.
    pub changed_at: DateTime<Utc>,
}

impl Membership {
    /// Whether the co-op was a member at some time, and so was shown to
    /// everyone: what outsiders may hear about it later (that it is gone).
    pub fn ever_approved(&self) -> bool {
        self.origin.is_some()
    }
}

/// A co-op as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Coop {
    /// Stable identifier.
    pub id: Uuid,
    /// Unique URL name.
    pub slug: String,
    /// The profile.
    pub profile: CoopProfile,
    /// Technologies, canonical.
    pub technologies: Vec<Skill>,
    /// Services, canonical.
    pub services: Vec<Skill>,
    /// Membership of the network.
    pub membership: Membership,
    /// Bumped by every change; the ETag.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// The descriptive part of a co-op, validated.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoopProfile {
    /// Display name.
    pub name: String,
    /// One or two sentences.
    pub summary: String,
    /// Longer description (Markdown).
    pub description: String,
    /// Home page.
    pub website: Option<String>,
    /// Where it is.
    pub location: Location,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// Organisational structure.
    pub organisational_structure: Option<OrganisationalStructure>,
    /// Registration number (society or company).
    pub registration_number: Option<String>,
    /// Number of members (people).
    pub member_count: Option<i32>,
    /// Sectors worked in, free text.
    pub sectors: Vec<String>,
    /// Notable clients, free text.
    pub clients: Vec<String>,
    /// Willing to talk to other co-ops about their legal form and ways of
    /// working; `None` until the co-op says.
    pub happy_to_share_experience: Option<bool>,
    /// How to reach the co-op.
    pub contact: Contact,
    /// Who may see [`Self::contact`].
    pub contact_visibility: ContactVisibility,
}

/// Where a co-op is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Location {
    /// Street address.
    pub address: Option<String>,
    /// Town or city.
    pub locality: Option<String>,
    /// Region or nation, e.g. `Yorkshire and the Humber`.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: Option<String>,
    /// Postal code.
    pub postcode: Option<String>,
    /// WGS 84 latitude; set together with the longitude.
    pub latitude: Option<f64>,
    /// WGS 84 longitude; set together with the latitude.
    pub longitude: Option<f64>,
}
