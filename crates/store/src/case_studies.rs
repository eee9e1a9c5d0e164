//! Case studies: create, read, list by co-op or skill, update under version
//! checks, delete.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::case_study::{CaseStudy, CaseStudyInput, CoopMention, ValueBand};
use coophub_domain::consent::Consent;
use coophub_domain::coop::MembershipStatus;
use coophub_domain::skills::{Skill, SkillCategory};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{case_studies, case_study_coops, case_study_skills, coops, skills};
use crate::skills::SkillRow;
use crate::transaction::{self, Row};
use crate::{Page, time, versioning};

#[derive(
    Debug,
    Clone,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
    serde::Serialize,
    serde::Deserialize,
)]
#[diesel(table_name = case_studies, treat_none_as_null = true)]
pub(crate) struct CaseStudyRow {
    id: String,
    slug: String,
    title: String,
    client: String,
    summary: String,
    year: Option<i32>,
    value_band: Option<String>,
    outcome: String,
    links: String,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    #[serde(default)]
    value_amount: Option<i64>,
    #[serde(default)]
    value_currency: Option<String>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in case_studies row").into(),
    ))
}

impl CaseStudyRow {
    fn new(
        id: Uuid,
        input: &CaseStudyInput,
        version: i32,
        created: NaiveDateTime,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id: id.to_string(),
            slug: input.slug.as_str().to_owned(),
            title: input.title.clone(),
            client: input.client.clone(),
            summary: input.summary.clone(),
            year: input.year,
            value_band: input.value_band.map(|b| b.as_str().to_owned()),
            outcome: input.outcome.clone(),
            links: serde_json::to_string(&input.links).unwrap_or_else(|_| "[]".into()),
            version,
            created_at: created,
            updated_at: time::to_db(now),
            value_amount: input.value.as_ref().map(|v| v.amount),
            value_currency: input.value.as_ref().map(|v| v.currency.clone()),
        }
    }
}

fn load(conn: &mut DbConnection, rows: Vec<CaseStudyRow>) -> Result<Vec<CaseStudy>, StoreError> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let mentions: Vec<(String, String, String, String, String, String)> = case_study_coops::table
        .inner_join(coops::table)
        .filter(case_study_coops::case_study_id.eq_any(&ids))
        .order((case_study_coops::case_study_id, case_study_coops::position))
        .select((
            case_study_coops::case_study_id,
            coops::id,
            coops::slug,
            coops::name,
            coops::membership_status,
            case_study_coops::consent,
        ))
        .load(conn)?;
    let mut coops_of: HashMap<String, Vec<CoopMention>> = HashMap::new();
    for (study, id, slug, name, status, consent) in mentions {
        let id = Uuid::parse_str(&id).map_err(|_| corrupt("coop id"))?;
        let approved = status == MembershipStatus::Approved.as_str();
        let consent = Consent::parse(&consent).ok_or_else(|| corrupt("consent"))?;
        coops_of.entry(study).or_default().push(CoopMention {
            id,
            slug,
            name,
            approved,
            consent,
        });
    }
    let used: Vec<(String, SkillRow)> = case_study_skills::table
        .inner_join(skills::table)
        .filter(case_study_skills::case_study_id.eq_any(&ids))
        .order((
            case_study_skills::case_study_id,
            case_study_skills::position,
        ))
        .select((case_study_skills::case_study_id, SkillRow::as_select()))
        .load(conn)?;
    let mut skills_of: HashMap<String, Vec<Skill>> = HashMap::new();
    for (study, skill) in used {
        skills_of.entry(study).or_default().push(skill.into());
    }
    rows.into_iter()
        .map(|row| {
            Ok(CaseStudy {
                id: Uuid::parse_str(&row.id).map_err(|_| corrupt("id"))?,
                coops: coops_of.remove(&row.id).unwrap_or_default(),
                skills: skills_of.remove(&row.id).unwrap_or_default(),
                slug: row.slug,
                title: row.title,
                client: row.client,
                summary: row.summary,
                year: row.year,
                value_band: row
                    .value_band
                    .as_deref()
                    .map(|b| ValueBand::parse(b).ok_or_else(|| corrupt("value_band")))
                    .transpose()?,
                value: crate::sharing::money(row.value_amount, row.value_currency),
                outcome: row.outcome,
                links: serde_json::from_str(&row.links).map_err(|_| corrupt("links"))?,
                version: row.version,
                created_at: time::from_db(row.created_at),
                updated_at: time::from_db(row.updated_at),
            })
        })
        .collect()
}

fn write_links(
    conn: &mut DbConnection,
    id: &str,
    input: &CaseStudyInput,
    coops_named: &[(Uuid, Consent)],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    // Skills first, links after: the order a skill merge takes its locks in.
    let skills = input
        .skills
        .iter()
        .map(|name| crate::skills::resolve(conn, name, SkillCategory::Service, now))
        .collect::<Result<Vec<_>, _>>()?;
    diesel::delete(case_study_coops::table.filter(case_study_coops::case_study_id.eq(id)))
        .execute(conn)?;
    diesel::delete(case_study_skills::table.filter(case_study_skills::case_study_id.eq(id)))
        .execute(conn)?;
    let mut seen = std::collections::HashSet::new();
    for (coop, consent) in coops_named {
        if !seen.insert(*coop) {
            continue;
        }
        diesel::insert_into(case_study_coops::table)
            .values((
                case_study_coops::case_study_id.eq(id),
                case_study_coops::coop_id.eq(coop.to_string()),
                case_study_coops::position.eq(i32::try_from(seen.len()).unwrap_or(i32::MAX)),
                case_study_coops::consent.eq(consent.as_str()),
            ))
            .execute(conn)?;
    }
    let mut slugs = std::collections::HashSet::new();
    for skill in skills {
        if slugs.insert(skill.slug.clone()) {
            diesel::insert_into(case_study_skills::table)
                .values((
                    case_study_skills::case_study_id.eq(id),
                    case_study_skills::skill_slug.eq(&skill.slug),
                    case_study_skills::position.eq(i32::try_from(slugs.len()).unwrap_or(i32::MAX)),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// The case study with this slug.
pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> Result<Option<CaseStudy>, StoreError> {
    let row = case_studies::table
        .filter(case_studies::slug.eq(slug))
        .select(CaseStudyRow::as_select())
        .first(conn)
        .optional()?;
    Ok(load(conn, row.into_iter().collect())?.pop())
}

/// Which case studies a list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct CaseStudyFilter<'a> {
    /// Only those whose owner co-op is an approved member (what outsiders see).
    pub approved_owner_only: bool,
    /// Only those naming this co-op with its consent (or, with
    /// `pending_too`, waiting for it: for the co-op's admins).
    pub coop: Option<Uuid>,
    /// See `coop`.
    pub pending_too: bool,
    /// Only those using this skill (canonical slug).
    pub skill: Option<&'a str>,
    /// Only those of this year.
    pub year: Option<i32>,
}

/// Case studies, newest year first, as `filter` says; and the total.
pub fn list(
    conn: &mut DbConnection,
    filter: CaseStudyFilter<'_>,
    page: Page,
) -> Result<(Vec<CaseStudy>, i64), StoreError> {
    let filtered = || filtered(filter);
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((case_studies::year.desc(), case_studies::slug))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(CaseStudyRow::as_select())
        .load(conn)?;
    Ok((load(conn, rows)?, total))
}

/// How many case studies `filter` lets through.
pub fn count(conn: &mut DbConnection, filter: CaseStudyFilter<'_>) -> Result<i64, StoreError> {
    Ok(filtered(filter).count().get_result(conn)?)
}

/// The stated values of the case studies `filter` lets through, summed per
/// currency (currency order); those without a value are left out.
pub fn value_totals(
    conn: &mut DbConnection,
    filter: CaseStudyFilter<'_>,
) -> Result<Vec<(String, i64)>, StoreError> {
    let values: Vec<(Option<i64>, Option<String>)> = filtered(filter)
        .select((case_studies::value_amount, case_studies::value_currency))
        .load(conn)?;
    let mut sums = std::collections::BTreeMap::<String, i64>::new();
    for (amount, currency) in values {
        if let (Some(amount), Some(currency)) = (amount, currency) {
            let sum = sums.entry(currency).or_default();
            *sum = coophub_domain::money::total([*sum, amount])?;
        }
    }
    Ok(sums.into_iter().collect())
}

/// The backend type of [`DbConnection`].
type Backend = <DbConnection as diesel::Connection>::Backend;

/// The case studies `filter` lets through, as a query to count or page.
fn filtered(filter: CaseStudyFilter<'_>) -> case_studies::BoxedQuery<'_, Backend> {
    {
        let mut query = case_studies::table.into_boxed();
        if filter.approved_owner_only {
            query = query.filter(
                case_studies::id.eq_any(
                    case_study_coops::table
                        .inner_join(coops::table)
                        .filter(case_study_coops::consent.eq(Consent::Owner.as_str()))
                        .filter(coops::membership_status.eq(MembershipStatus::Approved.as_str()))
                        .select(case_study_coops::case_study_id),
                ),
            );
        }
        if let Some(coop) = filter.coop {
            let of_coop =
                case_study_coops::table.filter(case_study_coops::coop_id.eq(coop.to_string()));
            let accepted = if filter.pending_too {
                vec![Consent::Owner, Consent::Confirmed, Consent::Pending]
            } else {
                vec![Consent::Owner, Consent::Confirmed]
            };
            let accepted: Vec<&str> = accepted.iter().map(|c| c.as_str()).collect();
            query = query.filter(
                case_studies::id.eq_any(
                    of_coop
                        .filter(case_study_coops::consent.eq_any(accepted))
                        .select(case_study_coops::case_study_id),
                ),
            );
        }
        if let Some(year) = filter.year {
            query = query.filter(case_studies::year.eq(year));
        }
        let skill = filter.skill;
        if let Some(skill) = skill {
            query = query.filter(
                case_studies::id.eq_any(
                    case_study_skills::table
                        .filter(case_study_skills::skill_slug.eq(skill.to_owned()))
                        .select(case_study_skills::case_study_id),
                ),
            );
        }
        query
    }
}

/// The case study with `slug`, locked until the end of the enclosing write transaction.
pub fn find_for_update(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<Option<CaseStudy>, StoreError> {
    transaction::lock(conn, Row::CaseStudy(slug))?;
    find_by_slug(conn, slug)
}

/// Creates a case study naming `coops_named` (the owner among them).
pub fn insert(
    conn: &mut DbConnection,
    input: &CaseStudyInput,
    coops_named: &[(Uuid, Consent)],
    now: DateTime<Utc>,
) -> Result<CaseStudy, StoreError> {
    crate::write(conn, |conn| {
        let row = CaseStudyRow::new(Uuid::new_v4(), input, 1, time::to_db(now), now);
        diesel::insert_into(case_studies::table)
            .values(&row)
            .execute(conn)
            .map_err(StoreError::unique_as("slug"))?;
        write_links(conn, &row.id, input, coops_named, now)?;
        find_by_slug(conn, &row.slug)?.ok_or(StoreError::NotFound)
    })
}

fn current(
    conn: &mut DbConnection,
    slug: &str,
    expected: Option<&Expected>,
) -> Result<CaseStudy, StoreError> {
    transaction::lock(conn, Row::CaseStudy(slug))?;
    let study = find_by_slug(conn, slug)?.ok_or(StoreError::NotFound)?;
    versioning::expect(expected, study.version)?;
    Ok(study)
}

/// Replaces a case study (its slug may change).
pub fn update(
    conn: &mut DbConnection,
    slug: &str,
    expected: Option<&Expected>,
    input: &CaseStudyInput,
    coops_named: &[(Uuid, Consent)],
    now: DateTime<Utc>,
) -> Result<CaseStudy, StoreError> {
    crate::write(conn, |conn| {
        let study = current(conn, slug, expected)?;
        let row = CaseStudyRow::new(
            study.id,
            input,
            study.version + 1,
            time::to_db(study.created_at),
            now,
        );
        let written = diesel::update(
            case_studies::table
                .filter(case_studies::id.eq(&row.id))
                .filter(case_studies::version.eq(study.version)),
        )
        .set(&row)
        .execute(conn)
        .map_err(StoreError::unique_as("slug"))?;
        versioning::written(conn, written, Row::CaseStudy(&study.slug))?;
        write_links(conn, &row.id, input, coops_named, now)?;
        find_by_slug(conn, &row.slug)?.ok_or(StoreError::NotFound)
    })
}

/// Deletes a case study, leaving a tombstone.
pub fn delete(
    conn: &mut DbConnection,
    slug: &str,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    crate::write(conn, |conn| {
        let study = current(conn, slug, expected)?;
        let id = study.id.to_string();
        let deleted = diesel::delete(
            case_studies::table
                .filter(case_studies::id.eq(&id))
                .filter(case_studies::version.eq(study.version)),
        )
        .execute(conn)?;
        versioning::written(conn, deleted, Row::CaseStudy(&study.slug))?;
        let record = versioning::Buried {
            entity: "case_study",
            id: &id,
            slug: Some(&study.slug),
            public: study.owner().is_some_and(|owner| owner.approved),
        };
        versioning::bury(conn, record, now)
    })
}

/// A named co-op's answer to being named in a case study.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentAnswer {
    /// Be named.
    Confirm,
    /// Do not be named: the co-op is removed from the study.
    Decline,
}

/// Records `coop`'s answer on the case study `slug` (a new version); `None`
/// when the study does not name it (or names it as its owner, who deletes
/// the study instead).
pub fn answer(
    conn: &mut DbConnection,
    slug: &str,
    coop: Uuid,
    answer: ConsentAnswer,
    now: DateTime<Utc>,
) -> Result<Option<CaseStudy>, StoreError> {
    crate::write(conn, |conn| {
        let study = current(conn, slug, None)?;
        let named = study
            .coops
            .iter()
            .any(|c| c.id == coop && c.consent != Consent::Owner);
        if !named {
            return Ok(None);
        }
        let link = case_study_coops::table.find((study.id.to_string(), coop.to_string()));
        match answer {
            ConsentAnswer::Confirm => diesel::update(link)
                .set(case_study_coops::consent.eq(Consent::Confirmed.as_str()))
                .execute(conn)?,
            ConsentAnswer::Decline => diesel::delete(link).execute(conn)?,
        };
        let bumped = diesel::update(case_studies::table.find(study.id.to_string()))
            .set((
                case_studies::version.eq(study.version + 1),
                case_studies::updated_at.eq(time::to_db(now)),
            ))
            .execute(conn)?;
        versioning::written(conn, bumped, Row::CaseStudy(slug))?;
        find_by_slug(conn, slug)
    })
}
