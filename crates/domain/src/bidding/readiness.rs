//! Whether a bid is ready to submit: every role staffed by a co-op of the
//! consortium, every section done, no invitation unanswered, and how many
//! days are left. Submitting a bid that is not ready takes a confirmation;
//! a go/no-go decision keeps the readiness it was taken with.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{BidMember, BidRole, BidSection, MemberStatus, SectionStatus};

/// What still stands between a bid and submitting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// Roles no co-op of the consortium fills.
    pub unstaffed_roles: Vec<Uuid>,
    /// Sections not done.
    pub open_sections: Vec<Uuid>,
    /// Co-ops invited that have not answered.
    pub pending_invitations: Vec<Uuid>,
    /// Whole days from today to the deadline's day (negative once past);
    /// `None` when the tender has no deadline.
    pub days_to_deadline: Option<i64>,
}

impl Readiness {
    /// Of a bid with `roles`, `sections` and `members`, whose tender closes
    /// at `deadline`, on `today`.
    pub fn of(
        roles: &[BidRole],
        sections: &[BidSection],
        members: &[BidMember],
        deadline: Option<DateTime<Utc>>,
        today: NaiveDate,
    ) -> Self {
        let in_consortium = |coop: Uuid| {
            members
                .iter()
                .any(|m| m.coop_id == coop && m.status.in_consortium())
        };
        Self {
            unstaffed_roles: roles
                .iter()
                .filter(|role| !role.coop_id.is_some_and(in_consortium))
                .map(|role| role.id)
                .collect(),
            open_sections: sections
                .iter()
                .filter(|section| section.status != SectionStatus::Done)
                .map(|section| section.id)
                .collect(),
            pending_invitations: members
                .iter()
                .filter(|m| m.status == MemberStatus::Invited)
                .map(|m| m.coop_id)
                .collect(),
            days_to_deadline: deadline.map(|d| (d.date_naive() - today).num_days()),
        }
    }

    /// Nothing stands in the way.
    pub fn ready(&self) -> bool {
        self.unstaffed_roles.is_empty()
            && self.open_sections.is_empty()
            && self.pending_invitations.is_empty()
    }

    /// What a decision keeps: titles and counts as they were, naming no co-op.
    pub fn snapshot(&self, roles: &[BidRole], sections: &[BidSection]) -> ReadinessSnapshot {
        ReadinessSnapshot {
            ready: self.ready(),
            unstaffed_roles: roles
                .iter()
                .filter(|r| self.unstaffed_roles.contains(&r.id))
                .map(|r| r.title.clone())
                .collect(),
            open_sections: sections
                .iter()
                .filter(|s| self.open_sections.contains(&s.id))
                .map(|s| s.title.clone())
                .collect(),
            pending_invitations: u32::try_from(self.pending_invitations.len()).unwrap_or(u32::MAX),
            days_to_deadline: self.days_to_deadline,
        }
    }
}

/// Readiness as a decision recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadinessSnapshot {
    /// Nothing stood in the way.
    pub ready: bool,
    /// Titles of the roles unstaffed.
    pub unstaffed_roles: Vec<String>,
    /// Titles of the sections not done.
    pub open_sections: Vec<String>,
    /// How many invitations were unanswered.
    pub pending_invitations: u32,
    /// Days to the deadline.
    pub days_to_deadline: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: u128, coop: Option<u128>) -> BidRole {
        BidRole {
            id: Uuid::from_u128(id),
            lot_id: None,
            title: format!("role {id}"),
            skills: Vec::new(),
            effort_days: 10,
            period: None,
            day_rate: None,
            coop_id: coop.map(Uuid::from_u128),
        }
    }

    fn member(coop: u128, status: MemberStatus) -> BidMember {
        BidMember {
            coop_id: Uuid::from_u128(coop),
            status,
            invited_at: "2027-01-01T00:00:00Z".parse().unwrap(),
            answered_at: None,
        }
    }

    fn section(id: u128, status: SectionStatus) -> BidSection {
        BidSection {
            id: Uuid::from_u128(id),
            title: format!("section {id}"),
            owner_coop_id: None,
            owner_person_id: None,
            due: None,
            status,
        }
    }

    #[test]
    fn a_bid_is_ready_when_staffed_written_and_answered() {
        let today = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
        let deadline = Some("2027-01-24T12:00:00Z".parse().unwrap());
        let members = [
            member(1, MemberStatus::Lead),
            member(2, MemberStatus::Accepted),
            member(3, MemberStatus::Invited),
            member(4, MemberStatus::Declined),
        ];
        let roles = [
            role(10, Some(1)),
            role(11, Some(2)),
            role(12, Some(3)),
            role(13, Some(4)),
            role(14, None),
        ];
        let sections = [
            section(20, SectionStatus::Done),
            section(21, SectionStatus::Review),
        ];
        let readiness = Readiness::of(&roles, &sections, &members, deadline, today);
        assert_eq!(
            readiness.unstaffed_roles,
            [12, 13, 14].map(Uuid::from_u128),
            "invited, declined and nobody's roles are not staffed"
        );
        assert_eq!(readiness.open_sections, [Uuid::from_u128(21)]);
        assert_eq!(readiness.pending_invitations, [Uuid::from_u128(3)]);
        assert_eq!(readiness.days_to_deadline, Some(14));
        assert!(!readiness.ready());
        let snapshot = readiness.snapshot(&roles, &sections);
        assert_eq!(snapshot.unstaffed_roles, ["role 12", "role 13", "role 14"]);
        assert_eq!(snapshot.open_sections, ["section 21"]);
        assert_eq!(snapshot.pending_invitations, 1);

        let ready = Readiness::of(&roles[..2], &sections[..1], &members[..2], None, today);
        assert!(ready.ready());
        assert_eq!(ready.days_to_deadline, None);
    }
}
