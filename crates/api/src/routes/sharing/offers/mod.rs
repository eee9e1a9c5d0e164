//! Offers of time: `/api/v1/offers` and `/api/v1/offers/{id}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod reconfirm;
pub mod show;
pub mod update;
mod view;

use chrono::{DateTime, Utc};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::{Offer, OfferInput};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::sharing::offers;
use coophub_store::{DbConnection, StoreError, people};
use uuid::Uuid;

use super::{ListingRule, coop_of, decide};
use crate::auth::Viewer;
use crate::problem::ApiError;

pub use view::{OfferList, OfferRequest, OfferSkillBody, OfferView, offer_response};

/// The offer `id` and its co-op, if `rule` lets the viewer have them (404 otherwise).
pub(crate) fn offer_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: ListingRule,
    now: DateTime<Utc>,
) -> Result<(Offer, Coop), ApiError> {
    decided(conn, viewer, id, rule, now, offers::find)
}

/// Like [`offer_for`], for a change: the offering co-op's capacity lock and
/// the offer's row are held until the write transaction ends.
pub(crate) fn offer_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: ListingRule,
    now: DateTime<Utc>,
) -> Result<(Offer, Coop), ApiError> {
    decided(conn, viewer, id, rule, now, offers::find_for_update)
}

type FindOffer = fn(&mut DbConnection, Uuid) -> Result<Option<Offer>, StoreError>;

fn decided(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: ListingRule,
    now: DateTime<Utc>,
    find: FindOffer,
) -> Result<(Offer, Coop), ApiError> {
    let not_found = || format!("no offer {id}");
    let offer = find(conn, id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    let coop = coop_of(conn, offer.coop_id, &not_found)?;
    decide(viewer, rule, &coop, offer.live(now), &not_found)?;
    Ok((offer, coop))
}

/// 422 at `/person_id` unless the person offered is one of `coop`'s people.
pub(crate) fn check_person(
    conn: &mut DbConnection,
    input: &OfferInput,
    coop: &Coop,
) -> Result<(), ApiError> {
    let Some(id) = input.person else {
        return Ok(());
    };
    match people::find(conn, id)? {
        Some(person) if person.coop_id == coop.id => Ok(()),
        _ => Err(ApiError::Validation(ValidationErrors(vec![
            FieldError::new(
                "/person_id",
                format!("must be one of the people of {}", coop.slug),
            ),
        ]))),
    }
}
