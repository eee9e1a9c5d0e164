//! Opportunities: imported OCDS releases (the newest release of a process
//! wins; older ones change nothing) and tenders entered by hand, read, and
//! listed with filters.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use coophub_domain::bidding::{
    Opportunity, OpportunityStatus, Provenance, TenderRelease, skills_for_cpv,
};
use coophub_domain::skills::{Skill, SkillCategory, SkillName};
use diesel::prelude::*;
use uuid::Uuid;

pub(crate) use super::row::OpportunityRow;
use super::row::Stamp;
use crate::changes::{self, Entity};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{opportunities, opportunity_cpv, opportunity_skills, skills};
use crate::skills::SkillRow;
use crate::sql::lower;
use crate::{Page, time};

type Backend = <DbConnection as diesel::Connection>::Backend;

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    /// A process not seen before.
    Created(Uuid),
    /// A newer release of a known process.
    Updated(Uuid),
    /// A release no newer than the one kept: nothing changed.
    Unchanged(Uuid),
    /// The process is another source's: the release was not applied.
    Kept(Uuid),
}

fn uuid(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| {
        StoreError::Database(diesel::result::Error::DeserializationError(
            "invalid id in an opportunities row".into(),
        ))
    })
}

fn with_skills(
    conn: &mut DbConnection,
    rows: Vec<OpportunityRow>,
) -> Result<Vec<Opportunity>, StoreError> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let links: Vec<(String, SkillRow)> = opportunity_skills::table
        .inner_join(skills::table)
        .filter(opportunity_skills::opportunity_id.eq_any(&ids))
        .order((
            opportunity_skills::opportunity_id,
            opportunity_skills::position,
        ))
        .select((opportunity_skills::opportunity_id, SkillRow::as_select()))
        .load(conn)?;
    let mut by_id: HashMap<String, Vec<Skill>> = HashMap::new();
    for (id, skill) in links {
        by_id.entry(id).or_default().push(Skill::from(skill));
    }
    rows.into_iter()
        .map(|row| {
            Ok(Opportunity {
                id: uuid(&row.id)?,
                tender: row.tender()?,
                required_skills: by_id.remove(&row.id).unwrap_or_default(),
                manual: row.manual,
                provenance: row.provenance()?,
                version: row.version,
                created_at: time::from_db(row.created_at),
                updated_at: time::from_db(row.updated_at),
            })
        })
        .collect()
}

/// The opportunity with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Opportunity>, StoreError> {
    let row = opportunities::table
        .find(id.to_string())
        .select(OpportunityRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_skills(conn, row.into_iter().collect())?.pop())
}

/// The skills a tender needs: what its CPV codes imply, then `extra`.
fn write_links(
    conn: &mut DbConnection,
    id: &str,
    tender: &TenderRelease,
    extra: &[SkillName],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::delete(opportunity_skills::table.filter(opportunity_skills::opportunity_id.eq(id)))
        .execute(conn)?;
    diesel::delete(opportunity_cpv::table.filter(opportunity_cpv::opportunity_id.eq(id)))
        .execute(conn)?;
    let mut codes: Vec<&String> = tender.cpv.iter().collect();
    codes.sort();
    codes.dedup();
    for code in codes {
        diesel::insert_into(opportunity_cpv::table)
            .values((
                opportunity_cpv::opportunity_id.eq(id),
                opportunity_cpv::code.eq(code),
            ))
            .execute(conn)?;
    }
    let implied = skills_for_cpv(tender.cpv.iter().map(String::as_str))
        .into_iter()
        .filter_map(|slug| SkillName::parse(slug, "").ok());
    let mut seen = std::collections::HashSet::new();
    for name in implied.chain(extra.iter().cloned()) {
        let skill = crate::skills::resolve(conn, &name, SkillCategory::Technology, now)?;
        if !seen.insert(skill.slug.clone()) {
            continue;
        }
        diesel::insert_into(opportunity_skills::table)
            .values((
                opportunity_skills::opportunity_id.eq(id),
                opportunity_skills::skill_slug.eq(&skill.slug),
                opportunity_skills::position.eq(i32::try_from(seen.len()).unwrap_or(i32::MAX)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Where a release comes from: by hand or imported, and whose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Entered by hand.
    pub manual: bool,
    /// Whose.
    pub provenance: Provenance,
}

impl Source {
    /// An import by the network: a steward, the CLI or a sync.
    pub const NETWORK_IMPORT: Self = Self {
        manual: false,
        provenance: Provenance::Network,
    };
}

/// Records `tender` from `source`: a new process is created; a known one is
/// replaced only by a newer release from a source that may update it (see
/// [`Provenance::updatable_by`]), and then becomes that source's. `extra`
/// skills are added to those its CPV codes imply.
pub fn upsert(
    conn: &mut DbConnection,
    tender: &TenderRelease,
    extra: &[SkillName],
    source: Source,
    now: DateTime<Utc>,
) -> Result<Upserted, StoreError> {
    crate::write(conn, |conn| {
        let existing: Option<OpportunityRow> = opportunities::table
            .filter(opportunities::ocid.eq(&tender.ocid))
            .select(OpportunityRow::as_select())
            .first(conn)
            .optional()?;
        let stamp = |id: String, version: i32, created_at| Stamp {
            id,
            manual: source.manual,
            provenance: source.provenance,
            version,
            created_at,
            updated_at: time::to_db(now),
        };
        match existing {
            Some(row) if !row.provenance()?.updatable_by(source.provenance) => {
                Ok(Upserted::Kept(uuid(&row.id)?))
            }
            Some(row) if row.release_date >= time::to_db(tender.release_date) => {
                Ok(Upserted::Unchanged(uuid(&row.id)?))
            }
            Some(row) => {
                let next = OpportunityRow::new(
                    tender,
                    stamp(row.id.clone(), row.version + 1, row.created_at),
                );
                diesel::update(opportunities::table.find(&row.id))
                    .set(&next)
                    .execute(conn)?;
                write_links(conn, &row.id, tender, extra, now)?;
                let id = uuid(&row.id)?;
                changes::record(conn, Entity::Opportunity, id, now)?;
                Ok(Upserted::Updated(id))
            }
            None => {
                let id = Uuid::new_v4();
                let row = OpportunityRow::new(tender, stamp(id.to_string(), 1, time::to_db(now)));
                diesel::insert_into(opportunities::table)
                    .values(&row)
                    .execute(conn)?;
                write_links(conn, &row.id, tender, extra, now)?;
                changes::record(conn, Entity::Opportunity, id, now)?;
                Ok(Upserted::Created(id))
            }
        }
    })
}

/// Which opportunities a list shows.
#[derive(Debug, Clone, Default)]
pub struct OpportunityFilter {
    /// Words in the title, description or buyer (case-insensitive).
    pub q: Option<String>,
    /// CPV codes starting with these digits.
    pub cpv: Option<String>,
    /// Needing this skill (canonical slug).
    pub skill: Option<String>,
    /// Buyer's name or identifier containing this (case-insensitive).
    pub buyer: Option<String>,
    /// Deadline after this instant.
    pub deadline_after: Option<DateTime<Utc>>,
    /// Value at least this (minor units).
    pub value_min: Option<i64>,
    /// Value at most this (minor units).
    pub value_max: Option<i64>,
    /// Suitable for SMEs.
    pub sme: bool,
    /// Suitable for VCSEs.
    pub vcse: bool,
    /// Only those in this status at this instant.
    pub status: Option<(OpportunityStatus, DateTime<Utc>)>,
}

fn like(text: &str) -> String {
    format!(
        "%{}%",
        text.to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// Tags of calls for tenders, and of planning notices, as stored (JSON).
const TENDER_TAGS: &str = "(tags LIKE '%\"tender\"%' OR tags LIKE '%\"tenderUpdate\"%')";
const PLANNING_TAGS: &str = "(tags LIKE '%\"planning\"%' OR tags LIKE '%\"planningUpdate\"%')";

/// The SQL for "in `status` at `now`", as `domain::bidding::status_of` decides it.
fn status_is(
    status: OpportunityStatus,
    now: DateTime<Utc>,
) -> diesel::expression::SqlLiteral<
    diesel::sql_types::Bool,
    impl diesel::query_builder::QueryFragment<Backend> + Send + 'static,
> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Timestamp};
    let (before, after) = match status {
        OpportunityStatus::Open => ("(", ")".to_owned()),
        OpportunityStatus::Planning => ("(NOT (", format!(") AND {PLANNING_TAGS})")),
        OpportunityStatus::Closed => ("(NOT (", format!(") AND NOT {PLANNING_TAGS})")),
    };
    sql::<Bool>(&format!(
        "{before}{TENDER_TAGS} AND (deadline IS NULL OR deadline > "
    ))
    .bind::<Timestamp, _>(time::to_db(now))
    .sql(&format!("){after}"))
}

fn filtered(filter: &OpportunityFilter) -> opportunities::BoxedQuery<'static, Backend> {
    let mut query = opportunities::table.into_boxed();
    if let Some(q) = &filter.q {
        let pattern = like(q);
        query = query.filter(
            lower(opportunities::title.nullable())
                .like(pattern.clone())
                .escape('\\')
                .or(lower(opportunities::description.nullable())
                    .like(pattern.clone())
                    .escape('\\'))
                .or(lower(opportunities::buyer_name).like(pattern).escape('\\')),
        );
    }
    if let Some(buyer) = &filter.buyer {
        let pattern = like(buyer);
        query = query.filter(
            lower(opportunities::buyer_name)
                .like(pattern.clone())
                .escape('\\')
                .or(lower(opportunities::buyer_id).like(pattern).escape('\\')),
        );
    }
    if let Some(prefix) = &filter.cpv {
        let coded = opportunity_cpv::table
            .filter(opportunity_cpv::code.like(format!("{prefix}%")))
            .select(opportunity_cpv::opportunity_id);
        query = query.filter(opportunities::id.eq_any(coded));
    }
    if let Some(skill) = &filter.skill {
        let needing = opportunity_skills::table
            .filter(opportunity_skills::skill_slug.eq(skill.clone()))
            .select(opportunity_skills::opportunity_id);
        query = query.filter(opportunities::id.eq_any(needing));
    }
    if let Some(after) = filter.deadline_after {
        query = query.filter(opportunities::deadline.gt(time::to_db(after)));
    }
    if let Some(min) = filter.value_min {
        query = query.filter(opportunities::value_amount.ge(min));
    }
    if let Some(max) = filter.value_max {
        query = query.filter(opportunities::value_amount.le(max));
    }
    if filter.sme {
        query = query.filter(opportunities::suitable_for_sme.eq(true));
    }
    if filter.vcse {
        query = query.filter(opportunities::suitable_for_vcse.eq(true));
    }
    if let Some((status, now)) = filter.status {
        query = query.filter(status_is(status, now));
    }
    query
}

/// A page of opportunities (soonest deadline first, none last), and the total.
pub fn list(
    conn: &mut DbConnection,
    filter: &OpportunityFilter,
    page: Page,
) -> Result<(Vec<Opportunity>, i64), StoreError> {
    let total = filtered(filter).count().get_result(conn)?;
    let rows = filtered(filter)
        .order((
            opportunities::deadline.is_null(),
            opportunities::deadline,
            opportunities::id,
        ))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(OpportunityRow::as_select())
        .load(conn)?;
    Ok((with_skills(conn, rows)?, total))
}

/// Every call for tenders open at `now`, for ranking by fit.
pub fn open(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<Vec<Opportunity>, StoreError> {
    let filter = OpportunityFilter {
        status: Some((OpportunityStatus::Open, now)),
        ..OpportunityFilter::default()
    };
    let rows = filtered(&filter)
        .order(opportunities::id)
        .select(OpportunityRow::as_select())
        .load(conn)?;
    with_skills(conn, rows)
}

/// The opportunities after `after` in id order, at most `limit`: a page of
/// a rebuild of the search index.
pub fn page_after(
    conn: &mut DbConnection,
    after: Option<Uuid>,
    limit: usize,
) -> Result<Vec<Opportunity>, StoreError> {
    let mut query = opportunities::table.into_boxed();
    if let Some(after) = after {
        query = query.filter(opportunities::id.gt(after.to_string()));
    }
    let rows = query
        .order(opportunities::id)
        .limit(i64::try_from(limit).unwrap_or(i64::MAX))
        .select(OpportunityRow::as_select())
        .load(conn)?;
    with_skills(conn, rows)
}
