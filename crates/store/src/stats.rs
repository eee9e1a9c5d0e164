//! Network totals: the proof of what the network has.

use coophub_domain::coop::MembershipStatus;
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coops, people};

/// Totals over approved members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkStats {
    /// Approved co-ops.
    pub coops: i64,
    /// People in approved co-ops.
    pub people: i64,
    /// Distinct skills that approved co-ops, their people or their case studies list.
    pub skills: i64,
    /// Case studies.
    pub case_studies: i64,
}

/// The totals now; with `public_only` (for viewers outside the network),
/// over what those viewers may see: public people, the skills approved co-ops,
/// public people and published case studies list, and case studies an
/// approved co-op published.
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
    let filter = crate::case_studies::CaseStudyFilter {
        approved_owner_only: public_only,
        ..Default::default()
    };
    Ok(NetworkStats {
        coops: coop_count,
        people: people_count,
        skills: crate::vocabulary::count_listed(conn, public_only)?,
        case_studies: crate::case_studies::count(conn, filter)?,
    })
}
