//! Network totals: the proof of what the network has.

use coophub_domain::coop::MembershipStatus;
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coop_skills, coops, people, person_skills};

/// Totals over approved members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkStats {
    /// Approved co-ops.
    pub coops: i64,
    /// People in approved co-ops.
    pub people: i64,
    /// Distinct skills that approved co-ops or their people list.
    pub skills: i64,
    /// Case studies.
    pub case_studies: i64,
}

/// The totals now; with `public_only` (for viewers outside the network),
/// over what those viewers may see: public people, the skills approved co-ops
/// and public people list, and case studies an approved co-op published.
pub fn network(conn: &mut DbConnection, public_only: bool) -> Result<NetworkStats, StoreError> {
    let approved = MembershipStatus::Approved.as_str();
    let visibilities: &[&str] = if public_only {
        &["public"]
    } else {
        &["public", "network"]
    };
    let coop_count = coops::table
        .filter(coops::membership_status.eq(approved))
        .select(count_star())
        .first(conn)?;
    let people_count = people::table
        .inner_join(coops::table)
        .filter(coops::membership_status.eq(approved))
        .filter(people::visibility.eq_any(visibilities))
        .select(count_star())
        .first(conn)?;
    let mut skills: std::collections::HashSet<String> = coop_skills::table
        .inner_join(coops::table)
        .filter(coops::membership_status.eq(approved))
        .select(coop_skills::skill_slug)
        .load(conn)?
        .into_iter()
        .collect();
    skills.extend(
        person_skills::table
            .inner_join(people::table.inner_join(coops::table))
            .filter(coops::membership_status.eq(approved))
            .filter(people::visibility.eq_any(visibilities))
            .select(person_skills::skill_slug)
            .load::<String>(conn)?,
    );
    let filter = crate::case_studies::CaseStudyFilter {
        approved_owner_only: public_only,
        ..Default::default()
    };
    Ok(NetworkStats {
        coops: coop_count,
        people: people_count,
        skills: i64::try_from(skills.len()).unwrap_or(i64::MAX),
        case_studies: crate::case_studies::count(conn, filter)?,
    })
}
