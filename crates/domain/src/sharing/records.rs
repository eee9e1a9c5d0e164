//! Offers, requests and placements as stored, with the rules that read the
//! clock: an offer lapses 30 days after its last reconfirmation, and an
//! accepted placement is under way from its start date.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

use super::{
    Booking, DateRange, HalfDays, Money, OfferStatus, PlacementAction, PlacementState, ProjectKind,
    RequestStatus, WorkMode,
};
use crate::skills::Skill;

/// Days after its last reconfirmation that an offer lapses.
pub const OFFER_DAYS: i64 = 30;

/// A skill with a level: what an offer brings, or the least a request takes.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelledSkill {
    /// The skill.
    pub skill: Skill,
    /// 1 to 5.
    pub level: u8,
}

/// An offer of time as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    /// Stable identifier.
    pub id: Uuid,
    /// The offering co-op.
    pub coop_id: Uuid,
    /// The named person, or `None` for an unnamed role.
    pub person_id: Option<Uuid>,
    /// What is offered.
    pub title: String,
    /// Skills and levels.
    pub skills: Vec<LevelledSkill>,
    /// Capacity a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// How.
    pub work_mode: WorkMode,
    /// Where the person works from, when not where the co-op is.
    pub location: Option<(f64, f64)>,
    /// Day rate (network members only).
    pub day_rate: Option<Money>,
    /// Rate for social-good work (network members only).
    pub robin_hood_rate: Option<Money>,
    /// Free text.
    pub notes: String,
    /// Availability as the co-op set it.
    pub status: OfferStatus,
    /// Last said to still hold.
    pub reconfirmed_at: DateTime<Utc>,
    /// Bumped on every change.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl Offer {
    /// When it lapses unless reconfirmed.
    pub fn lapses_at(&self) -> DateTime<Utc> {
        self.reconfirmed_at + Duration::days(OFFER_DAYS)
    }

    /// Whether it has lapsed at `now`.
    pub fn lapsed(&self, now: DateTime<Utc>) -> bool {
        now >= self.lapses_at()
    }

    /// Open and not lapsed: in search and matching, open to requests.
    pub fn live(&self, now: DateTime<Utc>) -> bool {
        self.status == OfferStatus::Open && !self.lapsed(now)
    }
}

/// A request for time as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Stable identifier.
    pub id: Uuid,
    /// The asking co-op.
    pub coop_id: Uuid,
    /// What is needed.
    pub title: String,
    /// Skills and the least level that will do.
    pub skills: Vec<LevelledSkill>,
    /// Time a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// How; `None`: any way.
    pub work_mode: Option<WorkMode>,
    /// Where, for on-site and hybrid work.
    pub location: Option<(f64, f64)>,
    /// Highest day rate (network members only).
    pub budget: Option<Money>,
    /// What the work is for.
    pub project_kind: ProjectKind,
    /// Whether it still wants people.
    pub status: RequestStatus,
    /// Bumped on every change.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// A placement as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// Stable identifier.
    pub id: Uuid,
    /// The offer whose time it books (`None` for a rotation swap).
    pub offer_id: Option<Uuid>,
    /// The co-op that gives the time.
    pub offering_coop_id: Uuid,
    /// The person placed, when named.
    pub person_id: Option<Uuid>,
    /// The co-op that asked for it.
    pub requesting_coop_id: Uuid,
    /// The request it answers, if any.
    pub request_id: Option<Uuid>,
    /// Time a week.
    pub half_days: HalfDays,
    /// When.
    pub dates: DateRange,
    /// What the requesting co-op wrote.
    pub message: String,
    /// The day rate the two co-ops agreed, if recorded.
    pub agreed_day_rate: Option<super::Money>,
    /// As last recorded (see [`Placement::state_on`]).
    pub state: PlacementState,
    /// Bumped on every change.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl Placement {
    /// The state as of `today` (accepted ones are active from their start).
    pub fn state_on(&self, today: NaiveDate) -> PlacementState {
        self.state.on(self.dates.start, today)
    }

    /// The time it takes, whatever its state.
    pub fn booking(&self) -> Booking {
        Booking {
            range: self.dates,
            half_days: self.half_days,
        }
    }
}

/// One change in a placement's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementEvent {
    /// 1 for the request, then one more per change.
    pub seq: i32,
    /// The state it left the placement in.
    pub state: PlacementState,
    /// What was done (`None` for the request itself).
    pub action: Option<PlacementAction>,
    /// Who did it (`None` when the clock did, or the account is gone).
    pub user_id: Option<Uuid>,
    /// Why, as they said.
    pub reason: String,
    /// When.
    pub at: DateTime<Utc>,
}
