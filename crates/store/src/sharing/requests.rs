//! Requests for time: create, read, list with filters and the viewer's
//! reach, replace, delete.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::coop::MembershipStatus;
use coophub_domain::sharing::{
    DateRange, LevelledSkill, ProjectKind, Request, RequestInput, RequestStatus, WorkMode,
};
use diesel::dsl::exists;
use diesel::prelude::*;
use uuid::Uuid;

use super::{Audience, corrupt, money, name_of, named, skills, uuid};
use crate::changes::{self, Entity};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coops, request_skills, requests, skills as skill_table};
use crate::skills::SkillRow;
use crate::transaction::{self, Row};
use crate::{Page, time, versioning};

type Backend = <DbConnection as diesel::Connection>::Backend;

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
#[diesel(table_name = requests, treat_none_as_null = true)]
pub(crate) struct RequestRow {
    id: String,
    coop_id: String,
    title: String,
    half_days: i32,
    start_date: NaiveDate,
    end_date: NaiveDate,
    work_mode: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    budget_amount: Option<i64>,
    budget_currency: Option<String>,
    project_kind: String,
    status: String,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl RequestRow {
    fn new(
        id: Uuid,
        coop_id: Uuid,
        input: &RequestInput,
        version: i32,
        created_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id: id.to_string(),
            coop_id: coop_id.to_string(),
            title: input.title.clone(),
            half_days: i32::from(input.half_days),
            start_date: input.dates.start,
            end_date: input.dates.end,
            work_mode: input.work_mode.map(name_of),
            latitude: input.location.map(|(lat, _)| lat),
            longitude: input.location.map(|(_, lon)| lon),
            budget_amount: input.budget.as_ref().map(|b| b.amount),
            budget_currency: input.budget.as_ref().map(|b| b.currency.clone()),
            project_kind: name_of(input.project_kind),
            status: name_of(input.status),
            version,
            created_at: time::to_db(created_at),
            updated_at: time::to_db(now),
        }
    }

    fn into_request(self, skills: Vec<LevelledSkill>) -> Result<Request, StoreError> {
        Ok(Request {
            id: uuid(&self.id, "id")?,
            coop_id: uuid(&self.coop_id, "coop_id")?,
            title: self.title,
            skills,
            half_days: u8::try_from(self.half_days).map_err(|_| corrupt("half_days"))?,
            dates: DateRange::new(self.start_date, self.end_date)
                .ok_or_else(|| corrupt("dates"))?,
            work_mode: self
                .work_mode
                .as_deref()
                .map(|mode| named::<WorkMode>(mode, "work_mode"))
                .transpose()?,
            location: self.latitude.zip(self.longitude),
            budget: money(self.budget_amount, self.budget_currency),
            project_kind: named::<ProjectKind>(&self.project_kind, "project_kind")?,
            status: named::<RequestStatus>(&self.status, "status")?,
            version: self.version,
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }
}

fn with_skills(conn: &mut DbConnection, rows: Vec<RequestRow>) -> Result<Vec<Request>, StoreError> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let links: Vec<(String, i32, SkillRow)> = request_skills::table
        .inner_join(skill_table::table)
        .filter(request_skills::request_id.eq_any(&ids))
        .order((request_skills::request_id, request_skills::position))
        .select((
            request_skills::request_id,
            request_skills::min_level,
            SkillRow::as_select(),
        ))
        .load(conn)?;
    let mut by_request = skills::grouped(links)?;
    rows.into_iter()
        .map(|row| {
            let skills = by_request.remove(&row.id).unwrap_or_default();
            row.into_request(skills)
        })
        .collect()
}

fn write_skills(
    conn: &mut DbConnection,
    request_id: &str,
    input: &RequestInput,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let resolved = skills::resolve(conn, &input.skills, now)?;
    diesel::delete(request_skills::table.filter(request_skills::request_id.eq(request_id)))
        .execute(conn)?;
    for (index, (slug, level)) in resolved.iter().enumerate() {
        diesel::insert_into(request_skills::table)
            .values((
                request_skills::request_id.eq(request_id),
                request_skills::skill_slug.eq(slug),
                request_skills::min_level.eq(i32::from(*level)),
                request_skills::position.eq(skills::position(index)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The request with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Request>, StoreError> {
    let row = requests::table
        .find(id.to_string())
        .select(RequestRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_skills(conn, row.into_iter().collect())?.pop())
}

/// The request with `id`, locked until the end of the write transaction.
pub fn find_for_update(conn: &mut DbConnection, id: Uuid) -> Result<Option<Request>, StoreError> {
    transaction::lock(conn, Row::Request(&id.to_string()))?;
    find(conn, id)
}

/// What a request list shows.
#[derive(Debug, Clone, Default)]
pub struct RequestFilter {
    /// One co-op's requests.
    pub coop: Option<Uuid>,
    /// Requests asking for this skill (canonical slug).
    pub skill: Option<String>,
    /// In this status.
    pub status: Option<RequestStatus>,
    /// For this kind of project.
    pub project_kind: Option<ProjectKind>,
}

/// A page of the requests `audience` may see (newest change first), and the total.
pub fn list(
    conn: &mut DbConnection,
    filter: &RequestFilter,
    audience: &Audience,
    page: Page,
) -> Result<(Vec<Request>, i64), StoreError> {
    let total = filtered(filter, audience).count().get_result(conn)?;
    let rows = filtered(filter, audience)
        .order((requests::updated_at.desc(), requests::id))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(RequestRow::as_select())
        .load(conn)?;
    Ok((with_skills(conn, rows)?, total))
}

/// Every open request of an approved co-op not over by `today`: what matching ranks.
pub fn open(conn: &mut DbConnection, today: NaiveDate) -> Result<Vec<Request>, StoreError> {
    let rows = filtered(&RequestFilter::default(), &Audience::Outsider)
        .filter(requests::end_date.ge(today))
        .order(requests::id)
        .select(RequestRow::as_select())
        .load(conn)?;
    with_skills(conn, rows)
}

/// Open social-good requests of approved co-ops other than `coop` whose
/// dates share some of `dates`: where a person who asked to rotate could go.
pub fn social_good_for(
    conn: &mut DbConnection,
    coop: Uuid,
    dates: DateRange,
) -> Result<Vec<Request>, StoreError> {
    let filter = RequestFilter {
        project_kind: Some(ProjectKind::SocialGood),
        ..RequestFilter::default()
    };
    let rows = filtered(&filter, &Audience::Outsider)
        .filter(requests::coop_id.ne(coop.to_string()))
        .filter(requests::start_date.le(dates.end))
        .filter(requests::end_date.ge(dates.start))
        .order(requests::id)
        .select(RequestRow::as_select())
        .load(conn)?;
    with_skills(conn, rows)
}

/// How many requests are open (of member co-ops) and not over by `today`.
pub fn count_open(conn: &mut DbConnection, today: NaiveDate) -> Result<i64, StoreError> {
    Ok(filtered(&RequestFilter::default(), &Audience::Outsider)
        .filter(requests::end_date.ge(today))
        .count()
        .get_result(conn)?)
}

fn filtered(filter: &RequestFilter, audience: &Audience) -> requests::BoxedQuery<'static, Backend> {
    let mut query = requests::table.into_boxed();
    // Correlated, as offers' (one co-op's list looks up one co-op's row).
    let approved = exists(
        coops::table
            .filter(coops::id.eq(requests::coop_id))
            .filter(coops::membership_status.eq(MembershipStatus::Approved.as_str())),
    );
    let open = approved.and(requests::status.eq(name_of(RequestStatus::Open)));
    match audience {
        Audience::Everything => {}
        Audience::Outsider => query = query.filter(open),
        Audience::MemberOf(own) => {
            let own: Vec<String> = own.iter().map(Uuid::to_string).collect();
            query = query.filter(open.or(requests::coop_id.eq_any(own)));
        }
    }
    if let Some(coop) = filter.coop {
        query = query.filter(requests::coop_id.eq(coop.to_string()));
    }
    if let Some(status) = filter.status {
        query = query.filter(requests::status.eq(name_of(status)));
    }
    if let Some(kind) = filter.project_kind {
        query = query.filter(requests::project_kind.eq(name_of(kind)));
    }
    if let Some(skill) = &filter.skill {
        let askers = request_skills::table
            .filter(request_skills::skill_slug.eq(skill.clone()))
            .select(request_skills::request_id);
        query = query.filter(requests::id.eq_any(askers));
    }
    query
}

/// Adds a request of `coop_id`.
pub fn insert(
    conn: &mut DbConnection,
    coop_id: Uuid,
    input: &RequestInput,
    now: DateTime<Utc>,
) -> Result<Request, StoreError> {
    crate::write(conn, |conn| {
        let id = Uuid::new_v4();
        let row = RequestRow::new(id, coop_id, input, 1, now, now);
        diesel::insert_into(requests::table)
            .values(&row)
            .execute(conn)?;
        write_skills(conn, &row.id, input, now)?;
        changes::record(conn, Entity::Request, id, now)?;
        find(conn, id)?.ok_or(StoreError::NotFound)
    })
}

/// Replaces `request` (read with [`find_for_update`]) with `input`.
pub fn update(
    conn: &mut DbConnection,
    request: &Request,
    expected: Option<&Expected>,
    input: &RequestInput,
    now: DateTime<Utc>,
) -> Result<Request, StoreError> {
    crate::write(conn, |conn| {
        versioning::expect(expected, request.version)?;
        let row = RequestRow::new(
            request.id,
            request.coop_id,
            input,
            request.version + 1,
            request.created_at,
            now,
        );
        let written = diesel::update(
            requests::table
                .filter(requests::id.eq(&row.id))
                .filter(requests::version.eq(request.version)),
        )
        .set(&row)
        .execute(conn)?;
        versioning::written(conn, written, Row::Request(&row.id))?;
        write_skills(conn, &row.id, input, now)?;
        changes::record(conn, Entity::Request, request.id, now)?;
        find(conn, request.id)?.ok_or(StoreError::NotFound)
    })
}

/// Deletes `request`; placements that answered it keep their history.
pub fn delete(
    conn: &mut DbConnection,
    request: &Request,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    crate::write(conn, |conn| {
        versioning::expect(expected, request.version)?;
        let deleted = diesel::delete(
            requests::table
                .filter(requests::id.eq(request.id.to_string()))
                .filter(requests::version.eq(request.version)),
        )
        .execute(conn)?;
        versioning::written(conn, deleted, Row::Request(&request.id.to_string()))?;
        changes::record(conn, Entity::Request, request.id, now)
    })
}

/// The requests of these co-ops (at most [`crate::CHUNK`]), for rebuilding the index.
pub fn of_coops(conn: &mut DbConnection, coop_ids: &[Uuid]) -> Result<Vec<Request>, StoreError> {
    let ids: Vec<String> = coop_ids.iter().map(Uuid::to_string).collect();
    let rows = requests::table
        .filter(requests::coop_id.eq_any(&ids))
        .order(requests::id)
        .select(RequestRow::as_select())
        .load(conn)?;
    let mut found = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(crate::CHUNK) {
        found.extend(with_skills(conn, chunk.to_vec())?);
    }
    Ok(found)
}
