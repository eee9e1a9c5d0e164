//! A bid's readiness as answers show it.

use chrono::NaiveDate;
use coophub_domain::bidding::Readiness;
use serde::Serialize;
use uuid::Uuid;

use crate::bidding::bids::BidCase;

/// A role or section named in a bid's readiness.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkRef {
    /// Its id.
    pub id: Uuid,
    /// Its title.
    pub title: String,
}

/// What still stands between the bid and submitting it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadinessView {
    /// Nothing does: submitting needs no confirmation.
    pub ready: bool,
    /// Roles no co-op of the consortium fills (nobody's, or an invited or
    /// declining co-op's).
    pub unstaffed_roles: Vec<WorkRef>,
    /// Sections not done.
    pub open_sections: Vec<WorkRef>,
    /// How many invited co-ops have not answered (named in `members` to
    /// those who may know them).
    pub pending_invitations: u32,
    /// Whole days from today to the deadline's day; `null` without a deadline.
    pub days_to_deadline: Option<i64>,
}

impl ReadinessView {
    /// Of `case` on `today`. Invited co-ops are counted, not named: the
    /// bid's members say who they are to those who may know.
    pub fn of(case: &BidCase, today: NaiveDate) -> Self {
        let ready = Readiness::of(
            &case.roles,
            &case.sections,
            &case.members,
            case.opportunity.tender.deadline,
            today,
        );
        ReadinessView {
            ready: ready.ready(),
            unstaffed_roles: case
                .roles
                .iter()
                .filter(|r| ready.unstaffed_roles.contains(&r.id))
                .map(|r| WorkRef {
                    id: r.id,
                    title: r.title.clone(),
                })
                .collect(),
            open_sections: case
                .sections
                .iter()
                .filter(|s| ready.open_sections.contains(&s.id))
                .map(|s| WorkRef {
                    id: s.id,
                    title: s.title.clone(),
                })
                .collect(),
            pending_invitations: u32::try_from(ready.pending_invitations.len()).unwrap_or(u32::MAX),
            days_to_deadline: ready.days_to_deadline,
        }
    }
}
