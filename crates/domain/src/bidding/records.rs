//! Bids as stored: the bid, its consortium, its roles and its sections.
//! Consortium members other than the lead are named to anyone only once
//! their admins accepted.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{BidState, Criterion, SectionStatus};
use crate::sharing::{DateRange, LevelledSkill, Money};

/// Where a co-op stands in a bid's consortium.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    /// The co-op that leads the bid.
    Lead,
    /// Invited; its admins have not answered.
    Invited,
    /// Its admins accepted: a member.
    Accepted,
    /// Its admins declined: left out of suggestions for this bid.
    Declined,
}

impl MemberStatus {
    /// In the consortium: sees the bid with its rates, named in it.
    pub fn in_consortium(self) -> bool {
        matches!(self, MemberStatus::Lead | MemberStatus::Accepted)
    }

    /// Where it stands, in a person's words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Lead => "leads the bid",
            Self::Invited => "invited, not answered yet",
            Self::Accepted => "a partner",
            Self::Declined => "declined",
        }
    }
}

/// A co-op's place in a bid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidMember {
    /// The co-op.
    pub coop_id: Uuid,
    /// Where it stands.
    pub status: MemberStatus,
    /// When it was invited (the lead: when the bid was opened).
    pub invited_at: DateTime<Utc>,
    /// When its admins answered.
    pub answered_at: Option<DateTime<Utc>>,
}

/// The go/no-go decision, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Go (`true`) or no-go.
    pub go: bool,
    /// Why.
    pub reasons: String,
    /// Optional weighted criteria.
    pub criteria: Vec<Criterion>,
    /// When.
    pub decided_at: DateTime<Utc>,
    /// How ready the bid was when it was taken (`None`: decided before
    /// readiness was kept).
    pub readiness: Option<super::ReadinessSnapshot>,
}

/// What a bid's value is split by, beyond its roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareSettings {
    /// The lead premium in basis points (500 = 5%).
    pub lead_premium_bp: u32,
    /// The optional network-fund contribution in basis points.
    pub fund_bp: Option<u32>,
}

/// A bid on an opportunity (optionally one lot), led by one co-op.
#[derive(Debug, Clone, PartialEq)]
pub struct Bid {
    /// Stable identifier.
    pub id: Uuid,
    /// The tender.
    pub opportunity_id: Uuid,
    /// The lot bid for, if one.
    pub lot_id: Option<String>,
    /// The lead co-op.
    pub lead_coop_id: Uuid,
    /// One of the lead co-op's people who coordinates the bid.
    pub coordinator_id: Option<Uuid>,
    /// Name of the bid.
    pub title: String,
    /// Where it stands.
    pub state: BidState,
    /// The go/no-go decision, once taken.
    pub decision: Option<Decision>,
    /// The price bid; `None`: the tender's (or lot's) value.
    pub value: Option<Money>,
    /// Premium and fund.
    pub shares: ShareSettings,
    /// The case study it became, once won.
    pub case_study_slug: Option<String>,
    /// When it was submitted.
    pub submitted_at: Option<DateTime<Utc>>,
    /// When it was won, lost or withdrawn.
    pub closed_at: Option<DateTime<Utc>>,
    /// Optimistic concurrency version.
    pub version: i32,
    /// Opened.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// A role to fill in a bid.
#[derive(Debug, Clone, PartialEq)]
pub struct BidRole {
    /// Stable identifier.
    pub id: Uuid,
    /// The lot it is for, if one.
    pub lot_id: Option<String>,
    /// What the role is.
    pub title: String,
    /// Skills with the least level wanted.
    pub skills: Vec<LevelledSkill>,
    /// Effort in days.
    pub effort_days: u32,
    /// When the work happens, if known.
    pub period: Option<DateRange>,
    /// Internal day rate in minor units of the bid's currency.
    pub day_rate: Option<i64>,
    /// The co-op that fills it (invited or member).
    pub coop_id: Option<Uuid>,
}

/// A section of the bid document to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidSection {
    /// Stable identifier.
    pub id: Uuid,
    /// What the section is.
    pub title: String,
    /// The co-op that writes it.
    pub owner_coop_id: Option<Uuid>,
    /// The person who writes it.
    pub owner_person_id: Option<Uuid>,
    /// When it is due.
    pub due: Option<NaiveDate>,
    /// Where it stands.
    pub status: SectionStatus,
}
