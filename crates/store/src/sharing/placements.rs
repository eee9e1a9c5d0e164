//! Placements: time booked from an offer, its life and its history. The
//! handler decides each move (state machine, capacity) under the offering
//! co-op's capacity lock; these functions read and write what it decided.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::Expected;
use coophub_domain::sharing::{
    Booking, DateRange, Placement, PlacementAction, PlacementEvent, PlacementState,
};
use diesel::prelude::*;
use uuid::Uuid;

use super::{corrupt, name_of, named, uuid};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{placement_events, placements};
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
#[diesel(table_name = placements, treat_none_as_null = true)]
pub(crate) struct PlacementRow {
    id: String,
    offer_id: Option<String>,
    offering_coop_id: String,
    person_id: Option<String>,
    requesting_coop_id: String,
    request_id: Option<String>,
    half_days: i32,
    start_date: NaiveDate,
    end_date: NaiveDate,
    message: String,
    state: String,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    // Backups written before agreed rates were kept lack them.
    #[serde(default)]
    agreed_rate_amount: Option<i64>,
    #[serde(default)]
    agreed_rate_currency: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = placement_events)]
pub(crate) struct EventRow {
    placement_id: String,
    seq: i32,
    state: String,
    action: Option<String>,
    user_id: Option<String>,
    reason: String,
    at: NaiveDateTime,
}

fn optional_uuid(text: Option<&str>, what: &str) -> Result<Option<Uuid>, StoreError> {
    text.map(|t| uuid(t, what)).transpose()
}

impl PlacementRow {
    fn into_placement(self) -> Result<Placement, StoreError> {
        Ok(Placement {
            id: uuid(&self.id, "id")?,
            offer_id: optional_uuid(self.offer_id.as_deref(), "offer_id")?,
            offering_coop_id: uuid(&self.offering_coop_id, "offering_coop_id")?,
            person_id: optional_uuid(self.person_id.as_deref(), "person_id")?,
            requesting_coop_id: uuid(&self.requesting_coop_id, "requesting_coop_id")?,
            request_id: optional_uuid(self.request_id.as_deref(), "request_id")?,
            half_days: u8::try_from(self.half_days).map_err(|_| corrupt("half_days"))?,
            dates: DateRange::new(self.start_date, self.end_date)
                .ok_or_else(|| corrupt("dates"))?,
            message: self.message,
            agreed_day_rate: super::money(self.agreed_rate_amount, self.agreed_rate_currency),
            state: named::<PlacementState>(&self.state, "state")?,
            version: self.version,
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }
}

impl EventRow {
    fn into_event(self) -> Result<PlacementEvent, StoreError> {
        Ok(PlacementEvent {
            seq: self.seq,
            state: named(&self.state, "state")?,
            action: self
                .action
                .as_deref()
                .map(|a| named::<PlacementAction>(a, "action"))
                .transpose()?,
            user_id: optional_uuid(self.user_id.as_deref(), "user_id")?,
            reason: self.reason,
            at: time::from_db(self.at),
        })
    }
}

/// A placement to record, as the requesting co-op asked for it.
#[derive(Debug, Clone)]
pub struct NewPlacement<'a> {
    /// The offer whose time it books (`None` for a swap).
    pub offer_id: Option<Uuid>,
    /// Who gives the time.
    pub offering_coop_id: Uuid,
    /// The person, when named.
    pub person_id: Option<Uuid>,
    /// Who asks.
    pub requesting_coop_id: Uuid,
    /// The request it answers.
    pub request_id: Option<Uuid>,
    /// Time a week and dates.
    pub booking: Booking,
    /// What the requesting co-op wrote.
    pub message: &'a str,
    /// The day rate the two co-ops agreed, if any.
    pub agreed_day_rate: Option<&'a coophub_domain::sharing::Money>,
    /// `requested`, or `accepted` for a swap everyone agreed to.
    pub state: PlacementState,
}

/// Who did something, when and why, for the history.
#[derive(Debug, Clone, Copy)]
pub struct Doing<'a> {
    /// The account (`None` when the clock did it).
    pub user: Option<Uuid>,
    /// What they said.
    pub reason: &'a str,
    /// When.
    pub at: DateTime<Utc>,
}

/// Records a new placement and the first line of its history.
pub fn insert(
    conn: &mut DbConnection,
    new: &NewPlacement<'_>,
    by: Doing<'_>,
) -> Result<Placement, StoreError> {
    crate::write(conn, |conn| {
        let id = Uuid::new_v4();
        let row = PlacementRow {
            id: id.to_string(),
            offer_id: new.offer_id.map(|o| o.to_string()),
            offering_coop_id: new.offering_coop_id.to_string(),
            person_id: new.person_id.map(|p| p.to_string()),
            requesting_coop_id: new.requesting_coop_id.to_string(),
            request_id: new.request_id.map(|r| r.to_string()),
            half_days: i32::from(new.booking.half_days),
            start_date: new.booking.range.start,
            end_date: new.booking.range.end,
            message: new.message.to_owned(),
            state: name_of(new.state),
            version: 1,
            created_at: time::to_db(by.at),
            updated_at: time::to_db(by.at),
            agreed_rate_amount: new.agreed_day_rate.map(|m| m.amount),
            agreed_rate_currency: new.agreed_day_rate.map(|m| m.currency.clone()),
        };
        diesel::insert_into(placements::table)
            .values(&row)
            .execute(conn)?;
        log(conn, &row.id, 1, new.state, None, by)?;
        find(conn, id)?.ok_or(StoreError::NotFound)
    })
}

fn log(
    conn: &mut DbConnection,
    placement: &str,
    seq: i32,
    state: PlacementState,
    action: Option<PlacementAction>,
    by: Doing<'_>,
) -> Result<(), StoreError> {
    diesel::insert_into(placement_events::table)
        .values(EventRow {
            placement_id: placement.to_owned(),
            seq,
            state: name_of(state),
            action: action.map(name_of),
            user_id: by.user.map(|u| u.to_string()),
            reason: by.reason.to_owned(),
            at: time::to_db(by.at),
        })
        .execute(conn)?;
    Ok(())
}

/// The placement with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Placement>, StoreError> {
    placements::table
        .find(id.to_string())
        .select(PlacementRow::as_select())
        .first(conn)
        .optional()?
        .map(PlacementRow::into_placement)
        .transpose()
}

/// The placement `id` for a change: the offering co-op's capacity lock
/// first (see [`super::lock_capacity`]), then the placement's row.
pub fn find_for_update(conn: &mut DbConnection, id: Uuid) -> Result<Option<Placement>, StoreError> {
    let Some(placement) = find(conn, id)? else {
        return Ok(None);
    };
    super::lock_capacity(conn, placement.offering_coop_id)?;
    transaction::lock(conn, Row::Placement(&id.to_string()))?;
    find(conn, id)
}

/// A move decided on: the state it leaves, and whether the start date
/// started it first (recorded as a line of its own, by nobody).
#[derive(Debug, Clone, Copy)]
pub struct Move {
    /// What was done.
    pub action: PlacementAction,
    /// The state after it.
    pub to: PlacementState,
    /// The placement was accepted and its start date has come.
    pub started_by_date: bool,
}

/// Records `step` on `placement` (read with [`find_for_update`]).
pub fn record_move(
    conn: &mut DbConnection,
    placement: &Placement,
    expected: Option<&Expected>,
    step: Move,
    by: Doing<'_>,
) -> Result<Placement, StoreError> {
    crate::write(conn, |conn| {
        versioning::expect(expected, placement.version)?;
        let id = placement.id.to_string();
        let written = diesel::update(
            placements::table
                .filter(placements::id.eq(&id))
                .filter(placements::version.eq(placement.version)),
        )
        .set((
            placements::state.eq(name_of(step.to)),
            placements::version.eq(placement.version + 1),
            placements::updated_at.eq(time::to_db(by.at)),
        ))
        .execute(conn)?;
        versioning::written(conn, written, Row::Placement(&id))?;
        let last: Option<i32> = placement_events::table
            .filter(placement_events::placement_id.eq(&id))
            .select(diesel::dsl::max(placement_events::seq))
            .first(conn)?;
        let mut seq = last.unwrap_or(0) + 1;
        if step.started_by_date {
            let clock = Doing {
                user: None,
                reason: "the start date came",
                at: by.at,
            };
            let active = PlacementState::Active;
            log(conn, &id, seq, active, Some(PlacementAction::Start), clock)?;
            seq += 1;
        }
        log(conn, &id, seq, step.to, Some(step.action), by)?;
        find(conn, placement.id)?.ok_or(StoreError::NotFound)
    })
}

/// The history of placement `id`, oldest first.
pub fn history(conn: &mut DbConnection, id: Uuid) -> Result<Vec<PlacementEvent>, StoreError> {
    placement_events::table
        .filter(placement_events::placement_id.eq(id.to_string()))
        .order(placement_events::seq)
        .select(EventRow::as_select())
        .load(conn)?
        .into_iter()
        .map(EventRow::into_event)
        .collect()
}

const HOLDING: [PlacementState; 2] = [PlacementState::Accepted, PlacementState::Active];

fn holding_names() -> Vec<String> {
    HOLDING.into_iter().map(name_of).collect()
}

fn bookings(rows: Vec<(i32, NaiveDate, NaiveDate)>) -> Result<Vec<Booking>, StoreError> {
    rows.into_iter()
        .map(|(half_days, start, end)| {
            Ok(Booking {
                range: DateRange::new(start, end).ok_or_else(|| corrupt("dates"))?,
                half_days: u8::try_from(half_days).map_err(|_| corrupt("half_days"))?,
            })
        })
        .collect()
}

/// Whose promised time to count.
#[derive(Debug, Clone, Copy)]
pub enum Holder {
    /// One offer's placements.
    Offer(Uuid),
    /// One person's, across all offers and swaps.
    Person(Uuid),
}

/// The columns [`bookings`] reads.
const BOOKED: (
    placements::half_days,
    placements::start_date,
    placements::end_date,
) = (
    placements::half_days,
    placements::start_date,
    placements::end_date,
);

/// The time accepted and active placements of `holder` take, leaving out `except`.
pub fn held(
    conn: &mut DbConnection,
    holder: Holder,
    except: Option<Uuid>,
) -> Result<Vec<Booking>, StoreError> {
    let mut query = placements::table
        .filter(placements::state.eq_any(holding_names()))
        .filter(placements::id.ne(except.unwrap_or_default().to_string()))
        .into_boxed();
    query = match holder {
        Holder::Offer(offer) => query.filter(placements::offer_id.eq(offer.to_string())),
        Holder::Person(person) => query.filter(placements::person_id.eq(person.to_string())),
    };
    let rows = query.select(BOOKED).load(conn)?;
    bookings(rows)
}

/// The time the person `person`'s accepted and active placements take
/// outside the offers `beside` (whose whole promise counts instead): those
/// of swaps, of social-good proposals and of offers since paused or closed.
pub fn held_outside(
    conn: &mut DbConnection,
    person: Uuid,
    beside: &[Uuid],
) -> Result<Vec<Booking>, StoreError> {
    let beside: Vec<String> = beside.iter().map(Uuid::to_string).collect();
    let rows = placements::table
        .filter(placements::state.eq_any(holding_names()))
        .filter(placements::person_id.eq(person.to_string()))
        .filter(
            placements::offer_id
                .is_null()
                .or(placements::offer_id.ne_all(beside)),
        )
        .select(BOOKED)
        .load(conn)?;
    bookings(rows)
}

/// How many placements `offer` has had, in any state.
pub fn count_for_offer(conn: &mut DbConnection, offer: Uuid) -> Result<i64, StoreError> {
    Ok(placements::table
        .filter(placements::offer_id.eq(offer.to_string()))
        .count()
        .get_result(conn)?)
}

/// What a placement list shows.
#[derive(Debug, Clone, Default)]
pub struct PlacementFilter {
    /// Placements on either side of these co-ops; `None`: every co-op's.
    pub involving: Option<Vec<Uuid>>,
    /// Of one offer.
    pub offer: Option<Uuid>,
    /// Of one person.
    pub person: Option<Uuid>,
    /// In one of these recorded states (none: any).
    pub states: Vec<PlacementState>,
}

fn filtered(filter: &PlacementFilter) -> placements::BoxedQuery<'static, Backend> {
    let mut query = placements::table.into_boxed();
    if let Some(coops) = &filter.involving {
        let ids: Vec<String> = coops.iter().map(Uuid::to_string).collect();
        query = query.filter(
            placements::offering_coop_id
                .eq_any(ids.clone())
                .or(placements::requesting_coop_id.eq_any(ids)),
        );
    }
    if let Some(offer) = filter.offer {
        query = query.filter(placements::offer_id.eq(offer.to_string()));
    }
    if let Some(person) = filter.person {
        query = query.filter(placements::person_id.eq(person.to_string()));
    }
    if !filter.states.is_empty() {
        let states: Vec<String> = filter.states.iter().copied().map(name_of).collect();
        query = query.filter(placements::state.eq_any(states));
    }
    query
}

fn placements_of(rows: Vec<PlacementRow>) -> Result<Vec<Placement>, StoreError> {
    rows.into_iter().map(PlacementRow::into_placement).collect()
}

/// A page of placements (by start date), and the total.
pub fn list(
    conn: &mut DbConnection,
    filter: &PlacementFilter,
    page: Page,
) -> Result<(Vec<Placement>, i64), StoreError> {
    let total = filtered(filter).count().get_result(conn)?;
    let rows = filtered(filter)
        .order((placements::start_date, placements::id))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(PlacementRow::as_select())
        .load(conn)?;
    Ok((placements_of(rows)?, total))
}

/// Every placement `filter` lets through (by start date), for calendar feeds.
pub fn all(
    conn: &mut DbConnection,
    filter: &PlacementFilter,
) -> Result<Vec<Placement>, StoreError> {
    let rows = filtered(filter)
        .order((placements::start_date, placements::id))
        .select(PlacementRow::as_select())
        .load(conn)?;
    placements_of(rows)
}

/// Placements across the network, without saying whose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacementTotals {
    /// Accepted or under way: time promised now.
    pub accepted: i64,
    /// Done.
    pub completed: i64,
    /// Person-days worked so far (up to and including today) in accepted,
    /// active and completed placements.
    pub days_placed: f64,
    /// Person-days still to come in accepted and active placements.
    pub days_booked: f64,
}

/// The network's placement totals on `today`; in `year`, over the placements
/// and the days that fall in that year.
pub fn totals(
    conn: &mut DbConnection,
    today: NaiveDate,
    year: Option<i32>,
) -> Result<PlacementTotals, StoreError> {
    let states = [
        PlacementState::Accepted,
        PlacementState::Active,
        PlacementState::Completed,
    ];
    let rows: Vec<(String, i32, NaiveDate, NaiveDate)> = placements::table
        .filter(placements::state.eq_any(states.map(name_of)))
        .select((
            placements::state,
            placements::half_days,
            placements::start_date,
            placements::end_date,
        ))
        .load(conn)?;
    let mut totals = PlacementTotals {
        accepted: 0,
        completed: 0,
        days_placed: 0.0,
        days_booked: 0.0,
    };
    for (state, half_days, start, end) in rows {
        let (start, end) = match year.and_then(year_bounds) {
            Some((first, last)) => (start.max(first), end.min(last)),
            None => (start, end),
        };
        if start > end {
            continue;
        }
        let completed = state == name_of(PlacementState::Completed);
        if completed {
            totals.completed += 1;
        } else {
            totals.accepted += 1;
        }
        // Half-days a week over calendar days: days / 7 weeks × half-days / 2.
        let person_days = |from: NaiveDate, to: NaiveDate| {
            let days = ((to - from).num_days() + 1).max(0) as f64;
            days / 7.0 * f64::from(half_days) / 2.0
        };
        totals.days_placed += person_days(start, end.min(today));
        if !completed && let Some(tomorrow) = today.succ_opt() {
            totals.days_booked += person_days(start.max(tomorrow), end);
        }
    }
    totals.days_placed = (totals.days_placed * 10.0).round() / 10.0;
    totals.days_booked = (totals.days_booked * 10.0).round() / 10.0;
    Ok(totals)
}

/// The first and last day of `year`.
fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}
