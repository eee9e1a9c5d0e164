//! Reading co-ops: one by slug, filtered pages, tombstones.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use coophub_domain::coop::{Coop, INVITATION_DAYS, MembershipStatus};
use coophub_domain::skills::Skill;
use diesel::prelude::*;

use super::row::CoopRow;
use super::{CoopFilter, DELETED_COOP, Page, SERVICE, TECHNOLOGY, UNLISTED_COOP};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coop_skills, coops, skills, tombstones};
use crate::skills::SkillRow;
use crate::sql::lower;
use crate::time;

type Backend = <DbConnection as diesel::Connection>::Backend;

/// A deleted record, for clients that sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    /// Id of the deleted record.
    pub id: String,
    /// Its slug, if it had one.
    pub slug: Option<String>,
    /// When it was deleted.
    pub deleted_at: DateTime<Utc>,
}

/// Fills in the technologies and services of `coops`.
fn with_skills(conn: &mut DbConnection, rows: Vec<CoopRow>) -> Result<Vec<Coop>, StoreError> {
    let ids: Vec<String> = rows.iter().map(|row| row.id.clone()).collect();
    let links: Vec<(String, String, SkillRow)> = coop_skills::table
        .inner_join(skills::table)
        .filter(coop_skills::coop_id.eq_any(&ids))
        .order((
            coop_skills::coop_id,
            coop_skills::kind,
            coop_skills::position,
        ))
        .select((
            coop_skills::coop_id,
            coop_skills::kind,
            SkillRow::as_select(),
        ))
        .load(conn)?;
    let mut by_coop: HashMap<String, (Vec<Skill>, Vec<Skill>)> = HashMap::new();
    for (coop_id, kind, skill) in links {
        let entry = by_coop.entry(coop_id).or_default();
        match kind.as_str() {
            TECHNOLOGY => entry.0.push(skill.into()),
            SERVICE => entry.1.push(skill.into()),
            _ => {}
        }
    }
    rows.into_iter()
        .map(|row| {
            let skills = by_coop.remove(&row.id).unwrap_or_default();
            let mut coop = row.into_coop()?;
            (coop.technologies, coop.services) = skills;
            Ok(coop)
        })
        .collect()
}

/// The co-op with this slug.
pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> Result<Option<Coop>, StoreError> {
    let row = coops::table
        .filter(coops::slug.eq(slug))
        .select(CoopRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_skills(conn, row.into_iter().collect())?.pop())
}

/// How many co-ops there are, whatever their membership (progress of a rebuild).
pub fn count(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(coops::table.count().get_result(conn)?)
}

/// Up to `limit` co-ops (at most [`crate::CHUNK`]) in id order, after the one
/// with id `after`: walks every co-op a page at a time (rebuilding the search
/// index) without holding them all in memory.
pub fn page_after(
    conn: &mut DbConnection,
    after: Option<uuid::Uuid>,
    limit: usize,
) -> Result<Vec<Coop>, StoreError> {
    let limit = i64::try_from(limit.min(crate::CHUNK)).unwrap_or(1);
    let mut query = coops::table
        .order(coops::id)
        .limit(limit)
        .select(CoopRow::as_select())
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(coops::id.gt(after.to_string()));
    }
    let rows = query.load(conn)?;
    with_skills(conn, rows)
}

/// Every co-op, in id order, a page at a time: for the network's own
/// lists (fund answers, CRM exports), which span tens of co-ops, not
/// thousands.
pub fn all(conn: &mut DbConnection) -> Result<Vec<Coop>, StoreError> {
    let mut every: Vec<Coop> = Vec::new();
    loop {
        let page = page_after(conn, every.last().map(|c| c.id), crate::CHUNK)?;
        if page.is_empty() {
            return Ok(every);
        }
        every.extend(page);
    }
}

/// The co-op with this id.
pub fn find_by_id(conn: &mut DbConnection, id: uuid::Uuid) -> Result<Option<Coop>, StoreError> {
    let row = coops::table
        .find(id.to_string())
        .select(CoopRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_skills(conn, row.into_iter().collect())?.pop())
}

/// `query` narrowed to co-ops whose membership is in `status` at `now`:
/// an invitation sent [`INVITATION_DAYS`] or more ago reads as lapsed.
fn with_status(
    query: coops::BoxedQuery<'static, Backend>,
    status: MembershipStatus,
    now: DateTime<Utc>,
) -> coops::BoxedQuery<'static, Backend> {
    let cutoff = time::to_db(now - chrono::Duration::days(INVITATION_DAYS));
    let invited = coops::membership_status.eq(MembershipStatus::Invited.as_str());
    match status {
        MembershipStatus::Invited => {
            query.filter(invited.and(coops::invited_at.is_null().or(coops::invited_at.gt(cutoff))))
        }
        MembershipStatus::Lapsed => query.filter(
            coops::membership_status
                .eq(MembershipStatus::Lapsed.as_str())
                .or(invited.and(coops::invited_at.le(cutoff))),
        ),
        other => query.filter(coops::membership_status.eq(other.as_str())),
    }
}

fn filtered(filter: &CoopFilter) -> coops::BoxedQuery<'static, Backend> {
    let mut query = coops::table.into_boxed();
    if filter.approved_only {
        let approved = coops::membership_status.eq(MembershipStatus::Approved.as_str());
        let own: Vec<String> = filter.own.iter().map(ToString::to_string).collect();
        query = query.filter(approved.or(coops::id.eq_any(own)));
    }
    if let Some((status, now)) = filter.status {
        query = with_status(query, status, now);
    }
    if let Some(region) = &filter.region {
        query = query.filter(lower(coops::region).eq(region.to_lowercase()));
    }
    if let Some(country) = &filter.country {
        query = query.filter(coops::country.eq(country.to_uppercase()));
    }
    if let Some(form) = filter.legal_form {
        query = query.filter(coops::legal_form.eq(form.as_str()));
    }
    for (kind, slug) in [(TECHNOLOGY, &filter.technology), (SERVICE, &filter.service)] {
        if let Some(slug) = slug {
            query = query.filter(
                coops::id.eq_any(
                    coop_skills::table
                        .filter(coop_skills::kind.eq(kind))
                        .filter(coop_skills::skill_slug.eq(slug.clone()))
                        .select(coop_skills::coop_id),
                ),
            );
        }
    }
    if let Some(happy) = filter.happy_to_share_experience {
        query = query.filter(coops::happy_to_share_experience.eq(happy));
    }
    if let Some((lat, lon, radius_km)) = filter.near {
        let area = coophub_domain::geo::bounding_box((lat, lon), radius_km);
        query = query.filter(coops::latitude.between(area.latitudes.0, area.latitudes.1));
        if let Some((west, east)) = area.longitudes {
            query = query.filter(coops::longitude.between(west, east));
        }
        // Degrees to km: a degree of latitude is 111.2 km; one of longitude
        // that times the cosine of the latitude.
        let (north, east) = (111.195, 111.195 * lat.to_radians().cos());
        let dy = (coops::latitude - lat) * north;
        let dx = (coops::longitude - lon) * east;
        query = query.filter((dy * dy + dx * dx).le(radius_km * radius_km));
    }
    if let Some(since) = filter.updated_since {
        query = query.filter(coops::updated_at.gt(time::to_db(since)));
    }
    query
}

/// One page of the co-ops matching `filter`, in slug order, and how many match in all.
pub fn list(
    conn: &mut DbConnection,
    filter: &CoopFilter,
    page: Page,
) -> Result<(Vec<Coop>, i64), StoreError> {
    let total: i64 = filtered(filter).count().get_result(conn)?;
    let rows = filtered(filter)
        .order(coops::slug.asc())
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(CoopRow::as_select())
        .load(conn)?;
    Ok((with_skills(conn, rows)?, total))
}

/// Co-ops deleted after `since`, oldest first; with `public_only` (for
/// viewers outside the network) only those that were ever shown to them,
/// and also those that are no longer shown to them (membership ended).
pub fn deleted_since(
    conn: &mut DbConnection,
    since: DateTime<Utc>,
    public_only: bool,
) -> Result<Vec<Tombstone>, StoreError> {
    let mut query = tombstones::table
        .filter(tombstones::deleted_at.gt(time::to_db(since)))
        .into_boxed();
    if public_only {
        query = query
            .filter(tombstones::entity.eq_any([DELETED_COOP, UNLISTED_COOP]))
            .filter(tombstones::public.eq(true));
    } else {
        query = query.filter(tombstones::entity.eq(DELETED_COOP));
    }
    let rows: Vec<(String, Option<String>, chrono::NaiveDateTime)> = query
        .order((tombstones::deleted_at.asc(), tombstones::entity_id.asc()))
        .select((
            tombstones::entity_id,
            tombstones::slug,
            tombstones::deleted_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, slug, at)| Tombstone {
            id,
            slug,
            deleted_at: time::from_db(at),
        })
        .collect())
}
