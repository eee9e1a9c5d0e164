//! Offering time, replacing an offer, reconfirming it, withdrawing it: each
//! run inside the transaction that holds the offering co-op's capacity lock.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::person::{Availability, Person};
use coophub_domain::sharing::{
    Booking, FULL_WEEK, Limits, Offer, OfferInput, OfferStatus, days_a_week, over_week, refusals,
};
use coophub_domain::{Expected, FieldError, ValidationErrors};
use coophub_store::sharing::offers;
use coophub_store::sharing::placements::{self, Holder};
use coophub_store::{DbConnection, people};
use uuid::Uuid;

use super::super::views::OfferView;
use super::super::{capacity_conflict, visible_person};
use crate::directory::coops::ADMINISTER;
use crate::guard::{Lock, load};
use crate::{AppError, Clash};

/// The co-op `slug`'s admins offer time; alerts on offers hear of it.
pub fn create(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    input: &OfferInput,
    now: DateTime<Utc>,
) -> Result<OfferView, AppError> {
    // The co-op's row is its capacity lock as well.
    let coop = load::<Coop>(conn, viewer, slug, ADMINISTER, Lock::ForChange)?;
    if let Some(person) = check_person(conn, input, &coop)? {
        within_persons_week(conn, &person, input, None)?;
    }
    let offer = super::insert(conn, coop.id, input, now)?;
    answer(conn, viewer, offer, &coop, now)
}

/// Replaces the offer `id` with `input` (`Stale` unless `expected`); saying
/// it again reconfirms it. Its co-op (`slug`, when given) and person stay,
/// and every accepted placement must still fit.
pub fn replace(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    expected: Option<&Expected>,
    slug: Option<&str>,
    input: &OfferInput,
    now: DateTime<Utc>,
) -> Result<OfferView, AppError> {
    let (offer, coop) = to_change(conn, viewer, id, now)?;
    let mut errors = Vec::new();
    if slug.is_some_and(|slug| slug != coop.slug) {
        errors.push(FieldError::new("/coop", "an offer stays with its co-op"));
    }
    if input.person != offer.person_id {
        errors.push(FieldError::new(
            "/person_id",
            "the person offered cannot change: close this offer and make another",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(ValidationErrors(errors)));
    }
    if let Some(person) = check_person(conn, input, &coop)? {
        within_persons_week(conn, &person, input, Some(offer.id))?;
    }
    still_fits(conn, &offer, input)?;
    let offer = super::told(conn, now, |conn| {
        offers::update(conn, &offer, expected, input, now)
    })?;
    answer(conn, viewer, offer, &coop, now)
}

/// Confirms that the offer `id` still holds (`Stale` unless `expected`).
pub fn reconfirm(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<OfferView, AppError> {
    let (offer, coop) = to_change(conn, viewer, id, now)?;
    let offer = super::told(conn, now, |conn| {
        offers::reconfirm(conn, &offer, expected, now)
    })?;
    answer(conn, viewer, offer, &coop, now)
}

/// Withdraws the offer `id` if nobody has asked for it: one with placements
/// keeps their history, and is closed instead.
pub fn delete(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (offer, _) = to_change(conn, viewer, id, now)?;
    if placements::count_for_offer(conn, offer.id)? > 0 {
        return Err(AppError::conflict(
            Clash::OfferHasPlacements,
            "the offer has placements, whose history stays: close it instead",
        ));
    }
    Ok(offers::delete(conn, &offer, expected, now)?)
}

/// The offer `id` and its co-op, for its co-op's admins to change.
fn to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(Offer, Coop), AppError> {
    load::<(Offer, Coop)>(
        conn,
        viewer,
        &id,
        (access::administer_listing, now),
        Lock::ForChange,
    )
}

/// The person offered (none for a role); invalid at `/person_id` unless
/// they are one of `coop`'s.
fn check_person(
    conn: &mut DbConnection,
    input: &OfferInput,
    coop: &Coop,
) -> Result<Option<Person>, AppError> {
    let Some(id) = input.person else {
        return Ok(None);
    };
    match people::find(conn, id)? {
        Some(person) if person.coop_id == coop.id => Ok(Some(person)),
        _ => Err(AppError::Invalid(ValidationErrors(vec![FieldError::new(
            "/person_id",
            format!("must be one of the people of {}", coop.slug),
        )]))),
    }
}

/// A clash naming the dates where `input`, beside the person's other open
/// offers and their placements outside those (all under their co-op's
/// capacity lock, which the caller holds), would promise more of them than
/// their week: the days a week they declared (five at most), else five. A paused or closed
/// offer promises only its placements.
fn within_persons_week(
    conn: &mut DbConnection,
    person: &Person,
    input: &OfferInput,
    except: Option<Uuid>,
) -> Result<(), AppError> {
    if input.status != OfferStatus::Open {
        return Ok(());
    }
    let week = person
        .availability
        .as_ref()
        .and_then(Availability::half_days)
        .map_or(FULL_WEEK, |declared| declared.min(FULL_WEEK));
    let offered = offers::open_of_person(conn, person.id, except)?;
    let beside: Vec<Uuid> = offered.iter().map(|(id, _)| *id).chain(except).collect();
    let mut promised = placements::held_outside(conn, person.id, &beside)?;
    promised.extend(offered.into_iter().map(|(_, booking)| booking));
    let wanted = Booking {
        range: input.dates,
        half_days: input.half_days,
    };
    let over = over_week(week, &promised, wanted);
    if over.is_empty() {
        return Ok(());
    }
    Err(capacity_conflict(
        &format!(
            "with their other open offers this would promise more of {} than the {} they have",
            person.name,
            days_a_week(week)
        ),
        over,
    ))
}

/// A clash unless every accepted placement of `offer` still fits beside the
/// others within what `input` offers.
fn still_fits(conn: &mut DbConnection, offer: &Offer, input: &OfferInput) -> Result<(), AppError> {
    let held = placements::held(conn, Holder::Offer(offer.id), None)?;
    let mut conflicts = Vec::new();
    for (i, booking) in held.iter().enumerate() {
        let others: Vec<_> = held
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, b)| *b)
            .collect();
        let limits = Limits {
            capacity: input.half_days,
            dates: input.dates,
            booked: &others,
            person_booked: None,
        };
        conflicts.extend(refusals(&limits, *booking));
    }
    if conflicts.is_empty() {
        Ok(())
    } else {
        Err(capacity_conflict(
            "accepted placements would no longer fit this offer",
            conflicts,
        ))
    }
}

/// The offer as its co-op's admins see it (rates included).
fn answer(
    conn: &mut DbConnection,
    viewer: &Viewer,
    offer: Offer,
    coop: &Coop,
    now: DateTime<Utc>,
) -> Result<OfferView, AppError> {
    let person = visible_person(conn, viewer, offer.person_id, coop)?;
    Ok(OfferView::new(offer, coop, person.as_ref(), true, now))
}
