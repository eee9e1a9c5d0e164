//! Offers of time: create, read, list with filters and the viewer's reach,
//! replace, reconfirm, delete. The handler decides (access, capacity); these
//! write what it decided, in its transaction.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::coop::MembershipStatus;
use coophub_domain::sharing::{
    Booking, DateRange, OFFER_DAYS, Offer, OfferInput, OfferStatus, WorkMode,
};
use diesel::dsl::exists;
use diesel::prelude::*;
use uuid::Uuid;

use super::{Audience, corrupt, money, name_of, named, skills, uuid};
use crate::changes::{self, Entity};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{coops, offer_skills, offers, skills as skill_table};
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
#[diesel(table_name = offers, treat_none_as_null = true)]
pub(crate) struct OfferRow {
    id: String,
    coop_id: String,
    person_id: Option<String>,
    title: String,
    half_days: i32,
    start_date: NaiveDate,
    end_date: NaiveDate,
    work_mode: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    day_rate_amount: Option<i64>,
    day_rate_currency: Option<String>,
    robin_hood_rate_amount: Option<i64>,
    robin_hood_rate_currency: Option<String>,
    notes: String,
    status: String,
    reconfirmed_at: NaiveDateTime,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// The stored form of `input` for offer `id` of `coop_id`.
struct Written<'a> {
    id: Uuid,
    coop_id: Uuid,
    input: &'a OfferInput,
    version: i32,
    created_at: DateTime<Utc>,
    reconfirmed_at: DateTime<Utc>,
    now: DateTime<Utc>,
}

impl OfferRow {
    fn new(written: Written<'_>) -> Self {
        let input = written.input;
        let (day_rate_amount, day_rate_currency) = split(input.day_rate.as_ref());
        let (robin_hood_rate_amount, robin_hood_rate_currency) =
            split(input.robin_hood_rate.as_ref());
        Self {
            id: written.id.to_string(),
            coop_id: written.coop_id.to_string(),
            person_id: input.person.map(|p| p.to_string()),
            title: input.title.clone(),
            half_days: i32::from(input.half_days),
            start_date: input.dates.start,
            end_date: input.dates.end,
            work_mode: name_of(input.work_mode),
            latitude: input.location.map(|(lat, _)| lat),
            longitude: input.location.map(|(_, lon)| lon),
            day_rate_amount,
            day_rate_currency,
            robin_hood_rate_amount,
            robin_hood_rate_currency,
            notes: input.notes.clone(),
            status: name_of(input.status),
            reconfirmed_at: time::to_db(written.reconfirmed_at),
            version: written.version,
            created_at: time::to_db(written.created_at),
            updated_at: time::to_db(written.now),
        }
    }

    fn into_offer(
        self,
        skills: Vec<coophub_domain::sharing::LevelledSkill>,
    ) -> Result<Offer, StoreError> {
        Ok(Offer {
            id: uuid(&self.id, "id")?,
            coop_id: uuid(&self.coop_id, "coop_id")?,
            person_id: self
                .person_id
                .as_deref()
                .map(|p| uuid(p, "person_id"))
                .transpose()?,
            title: self.title,
            skills,
            half_days: u8::try_from(self.half_days).map_err(|_| corrupt("half_days"))?,
            dates: DateRange::new(self.start_date, self.end_date)
                .ok_or_else(|| corrupt("dates"))?,
            work_mode: named::<WorkMode>(&self.work_mode, "work_mode")?,
            location: self.latitude.zip(self.longitude),
            day_rate: money(self.day_rate_amount, self.day_rate_currency),
            robin_hood_rate: money(self.robin_hood_rate_amount, self.robin_hood_rate_currency),
            notes: self.notes,
            status: named::<OfferStatus>(&self.status, "status")?,
            reconfirmed_at: time::from_db(self.reconfirmed_at),
            version: self.version,
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }
}

fn split(money: Option<&coophub_domain::sharing::Money>) -> (Option<i64>, Option<String>) {
    (money.map(|m| m.amount), money.map(|m| m.currency.clone()))
}

fn with_skills(conn: &mut DbConnection, rows: Vec<OfferRow>) -> Result<Vec<Offer>, StoreError> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let links: Vec<(String, i32, SkillRow)> = offer_skills::table
        .inner_join(skill_table::table)
        .filter(offer_skills::offer_id.eq_any(&ids))
        .order((offer_skills::offer_id, offer_skills::position))
        .select((
            offer_skills::offer_id,
            offer_skills::level,
            SkillRow::as_select(),
        ))
        .load(conn)?;
    let mut by_offer = skills::grouped(links)?;
    rows.into_iter()
        .map(|row| {
            let skills = by_offer.remove(&row.id).unwrap_or_default();
            row.into_offer(skills)
        })
        .collect()
}

fn write_skills(
    conn: &mut DbConnection,
    offer_id: &str,
    input: &OfferInput,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let resolved = skills::resolve(conn, &input.skills, now)?;
    diesel::delete(offer_skills::table.filter(offer_skills::offer_id.eq(offer_id)))
        .execute(conn)?;
    for (index, (slug, level)) in resolved.iter().enumerate() {
        diesel::insert_into(offer_skills::table)
            .values((
                offer_skills::offer_id.eq(offer_id),
                offer_skills::skill_slug.eq(slug),
                offer_skills::level.eq(i32::from(*level)),
                offer_skills::position.eq(skills::position(index)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The offer with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Offer>, StoreError> {
    let row = offers::table
        .find(id.to_string())
        .select(OfferRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_skills(conn, row.into_iter().collect())?.pop())
}

/// The offer with `id` for a change: its co-op's capacity lock is taken
/// first (see [`super::lock_capacity`]), then the offer is read.
pub fn find_for_update(conn: &mut DbConnection, id: Uuid) -> Result<Option<Offer>, StoreError> {
    let Some(offer) = find(conn, id)? else {
        return Ok(None);
    };
    super::lock_capacity(conn, offer.coop_id)?;
    transaction::lock(conn, Row::Offer(&id.to_string()))?;
    find(conn, id)
}

/// What an offer list shows.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    /// One co-op's offers.
    pub coop: Option<Uuid>,
    /// Offers bringing this skill (canonical slug).
    pub skill: Option<String>,
    /// In this status.
    pub status: Option<OfferStatus>,
    /// Way of working.
    pub work_mode: Option<WorkMode>,
    /// One person's offers.
    pub person: Option<Uuid>,
}

/// A page of the offers `audience` may see (newest change first), and the total.
pub fn list(
    conn: &mut DbConnection,
    filter: &OfferFilter,
    audience: &Audience,
    now: DateTime<Utc>,
    page: Page,
) -> Result<(Vec<Offer>, i64), StoreError> {
    let total = filtered(filter, audience, now).count().get_result(conn)?;
    let rows = filtered(filter, audience, now)
        .order((offers::updated_at.desc(), offers::id))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(OfferRow::as_select())
        .load(conn)?;
    Ok((with_skills(conn, rows)?, total))
}

/// Every offer that is open and not lapsed at `now`, of approved co-ops: what matching ranks.
pub fn live(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<Vec<Offer>, StoreError> {
    let rows = filtered(&OfferFilter::default(), &Audience::Outsider, now)
        .order(offers::id)
        .select(OfferRow::as_select())
        .load(conn)?;
    with_skills(conn, rows)
}

/// How many offers are live at `now` (open, not lapsed, of member co-ops).
pub fn count_live(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<i64, StoreError> {
    Ok(filtered(&OfferFilter::default(), &Audience::Outsider, now)
        .count()
        .get_result(conn)?)
}

/// The reconfirmation before which an offer has lapsed at `now`.
fn lapse_cutoff(now: DateTime<Utc>) -> NaiveDateTime {
    time::to_db(now - Duration::days(OFFER_DAYS))
}

fn filtered(
    filter: &OfferFilter,
    audience: &Audience,
    now: DateTime<Utc>,
) -> offers::BoxedQuery<'static, Backend> {
    let mut query = offers::table.into_boxed();
    // Correlated, so that a list narrowed to one co-op looks up that
    // co-op's row rather than listing every approved co-op first.
    let approved = exists(
        coops::table
            .filter(coops::id.eq(offers::coop_id))
            .filter(coops::membership_status.eq(MembershipStatus::Approved.as_str())),
    );
    let live = approved
        .and(offers::status.eq(name_of(OfferStatus::Open)))
        .and(offers::reconfirmed_at.gt(lapse_cutoff(now)));
    match audience {
        Audience::Everything => {}
        Audience::Outsider => query = query.filter(live),
        Audience::MemberOf(own) => {
            let own: Vec<String> = own.iter().map(Uuid::to_string).collect();
            query = query.filter(live.or(offers::coop_id.eq_any(own)));
        }
    }
    if let Some(coop) = filter.coop {
        query = query.filter(offers::coop_id.eq(coop.to_string()));
    }
    if let Some(person) = filter.person {
        query = query.filter(offers::person_id.eq(person.to_string()));
    }
    if let Some(status) = filter.status {
        query = query.filter(offers::status.eq(name_of(status)));
    }
    if let Some(mode) = filter.work_mode {
        query = query.filter(offers::work_mode.eq(name_of(mode)));
    }
    if let Some(skill) = &filter.skill {
        let holders = offer_skills::table
            .filter(offer_skills::skill_slug.eq(skill.clone()))
            .select(offer_skills::offer_id);
        query = query.filter(offers::id.eq_any(holders));
    }
    query
}

/// The offer `id` as just written.
fn as_written(conn: &mut DbConnection, id: Uuid) -> Result<Offer, StoreError> {
    find(conn, id)?.ok_or(StoreError::NotFound)
}

/// Adds an offer of `coop_id` (whose capacity lock the caller holds).
pub fn insert(
    conn: &mut DbConnection,
    coop_id: Uuid,
    input: &OfferInput,
    now: DateTime<Utc>,
) -> Result<Offer, StoreError> {
    crate::write(conn, |conn| {
        let id = Uuid::new_v4();
        let row = OfferRow::new(Written {
            id,
            coop_id,
            input,
            version: 1,
            created_at: now,
            reconfirmed_at: now,
            now,
        });
        diesel::insert_into(offers::table)
            .values(&row)
            .execute(conn)?;
        write_skills(conn, &row.id, input, now)?;
        changes::record(conn, Entity::Offer, id, now)?;
        as_written(conn, id)
    })
}

/// Replaces `offer` (read with [`find_for_update`]) with `input`; saying
/// what is offered again is reconfirming it.
pub fn update(
    conn: &mut DbConnection,
    offer: &Offer,
    expected: Option<&Expected>,
    input: &OfferInput,
    now: DateTime<Utc>,
) -> Result<Offer, StoreError> {
    crate::write(conn, |conn| {
        versioning::expect(expected, offer.version)?;
        let row = OfferRow::new(Written {
            id: offer.id,
            coop_id: offer.coop_id,
            input,
            version: offer.version + 1,
            created_at: offer.created_at,
            reconfirmed_at: now,
            now,
        });
        let written = diesel::update(
            offers::table
                .filter(offers::id.eq(&row.id))
                .filter(offers::version.eq(offer.version)),
        )
        .set(&row)
        .execute(conn)?;
        versioning::written(conn, written, Row::Offer(&row.id))?;
        write_skills(conn, &row.id, input, now)?;
        changes::record(conn, Entity::Offer, offer.id, now)?;
        as_written(conn, offer.id)
    })
}

/// Confirms that `offer` still holds, for another [`OFFER_DAYS`] days.
pub fn reconfirm(
    conn: &mut DbConnection,
    offer: &Offer,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<Offer, StoreError> {
    crate::write(conn, |conn| {
        versioning::expect(expected, offer.version)?;
        let written = diesel::update(
            offers::table
                .filter(offers::id.eq(offer.id.to_string()))
                .filter(offers::version.eq(offer.version)),
        )
        .set((
            offers::reconfirmed_at.eq(time::to_db(now)),
            offers::version.eq(offer.version + 1),
            offers::updated_at.eq(time::to_db(now)),
        ))
        .execute(conn)?;
        versioning::written(conn, written, Row::Offer(&offer.id.to_string()))?;
        changes::record(conn, Entity::Offer, offer.id, now)?;
        as_written(conn, offer.id)
    })
}

/// Deletes `offer` (one without placements: the handler checks).
pub fn delete(
    conn: &mut DbConnection,
    offer: &Offer,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    crate::write(conn, |conn| {
        versioning::expect(expected, offer.version)?;
        let deleted = diesel::delete(
            offers::table
                .filter(offers::id.eq(offer.id.to_string()))
                .filter(offers::version.eq(offer.version)),
        )
        .execute(conn)?;
        versioning::written(conn, deleted, Row::Offer(&offer.id.to_string()))?;
        crate::alerts::talent::forget(conn, offer.id)?;
        changes::record(conn, Entity::Offer, offer.id, now)
    })
}

/// The offers of these co-ops (at most [`crate::CHUNK`]), for rebuilding the index.
pub fn of_coops(conn: &mut DbConnection, coop_ids: &[Uuid]) -> Result<Vec<Offer>, StoreError> {
    let ids: Vec<String> = coop_ids.iter().map(Uuid::to_string).collect();
    let rows = offers::table
        .filter(offers::coop_id.eq_any(&ids))
        .order(offers::id)
        .select(OfferRow::as_select())
        .load(conn)?;
    let mut found = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(crate::CHUNK) {
        found.extend(with_skills(conn, chunk.to_vec())?);
    }
    Ok(found)
}

/// Open offers that lapsed after `after` and by `now`: the index drops them.
pub fn lapsed_between(
    conn: &mut DbConnection,
    after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>, StoreError> {
    let ids: Vec<String> = offers::table
        .filter(offers::status.eq(name_of(OfferStatus::Open)))
        .filter(offers::reconfirmed_at.gt(lapse_cutoff(after)))
        .filter(offers::reconfirmed_at.le(lapse_cutoff(now)))
        .select(offers::id)
        .load(conn)?;
    ids.iter().map(|id| uuid(id, "id")).collect()
}

/// The person `person`'s open offers (lapsed or not, since a reconfirmation
/// revives one) and the time each promises, leaving out offer `except`.
pub fn open_of_person(
    conn: &mut DbConnection,
    person: Uuid,
    except: Option<Uuid>,
) -> Result<Vec<(Uuid, Booking)>, StoreError> {
    let except = except.map(|id| id.to_string()).unwrap_or_default();
    let rows: Vec<(String, i32, NaiveDate, NaiveDate)> = offers::table
        .filter(offers::person_id.eq(person.to_string()))
        .filter(offers::status.eq(name_of(OfferStatus::Open)))
        .filter(offers::id.ne(except))
        .select((
            offers::id,
            offers::half_days,
            offers::start_date,
            offers::end_date,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, half_days, start, end)| {
            let booking = Booking {
                range: DateRange::new(start, end).ok_or_else(|| corrupt("dates"))?,
                half_days: u8::try_from(half_days).map_err(|_| corrupt("half_days"))?,
            };
            Ok((uuid(&id, "id")?, booking))
        })
        .collect()
}
