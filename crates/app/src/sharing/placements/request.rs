//! A member co-op asks an open offer of another for time.

use chrono::{DateTime, Utc};
use coophub_domain::FieldError;
use coophub_domain::access::sharing as access;
use coophub_domain::access::{CoopFacts, Viewer};
use coophub_domain::coop::{Coop, MembershipStatus};
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{Offer, PlacementInput, PlacementState};
use coophub_store::sharing::placements::{self, Doing, NewPlacement};
use coophub_store::sharing::requests;
use coophub_store::{DbConnection, coops};
use uuid::Uuid;

use super::super::views::PlacementView;
use super::{check_fits, view_of};
use crate::guard::{Lock, load};
use crate::telling::tell;
use crate::{AppError, Clash};

/// Who asks the offer for time, and for which of their requests.
#[derive(Debug, Clone)]
pub struct Asking {
    /// The asking co-op's slug.
    pub coop: String,
    /// One of its requests this answers, if any.
    pub request_id: Option<Uuid>,
}

/// The admins of `asking.coop` ask the offer `offer_id` for time: it must fit
/// what is free now, and both co-ops must be approved members. The offering
/// co-op's admins are told, and then accept or decline.
pub fn request(
    conn: &mut DbConnection,
    viewer: &Viewer,
    offer_id: Uuid,
    asking: &Asking,
    input: &PlacementInput,
    now: DateTime<Utc>,
) -> Result<PlacementView, AppError> {
    let (offer, offering) = load::<(Offer, Coop)>(
        conn,
        viewer,
        &offer_id,
        (access::read_listing, now),
        Lock::ForChange,
    )?;
    let not_found = || format!("no co-op {}", asking.coop);
    let requesting =
        coops::find_by_slug(conn, &asking.coop)?.ok_or_else(|| AppError::NotFound(not_found()))?;
    access::request_placement(viewer, CoopFacts::of(&requesting))
        .map_err(|denied| AppError::refused(denied, not_found))?;
    if requesting.id == offering.id {
        return Err(FieldError::new(
            "/requesting_coop",
            "a co-op cannot ask its own offer for time",
        )
        .into());
    }
    for coop in [&offering, &requesting] {
        members_only(coop)?;
    }
    if !offer.live(now) {
        return Err(AppError::conflict(
            Clash::OfferNotOpen,
            "the offer is paused, closed or lapsed",
        ));
    }
    if let Some(request_id) = asking.request_id {
        check_request(conn, request_id, &requesting)?;
    }
    check_fits(conn, offer.id, None, input.booking)?;
    let new = NewPlacement {
        offer_id: Some(offer.id),
        offering_coop_id: offering.id,
        person_id: offer.person_id,
        requesting_coop_id: requesting.id,
        request_id: asking.request_id,
        booking: input.booking,
        message: &input.message,
        agreed_day_rate: input.agreed_day_rate.as_ref(),
        state: PlacementState::Requested,
    };
    let by = Doing {
        user: viewer.user_id(),
        reason: &input.message,
        at: now,
    };
    let placement = placements::insert(conn, &new, by)?;
    let coops = [&offering, &requesting];
    tell::placement(
        conn,
        viewer,
        &placement,
        coops,
        EventKind::PlacementRequested,
        now,
    )?;
    view_of(conn, viewer, placement, coops, now.date_naive())
}

/// Sharing is between approved members of the network.
fn members_only(coop: &Coop) -> Result<(), AppError> {
    if coop.membership.status == MembershipStatus::Approved {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "sharing is between approved member co-ops, and {} is not one",
            coop.slug
        )))
    }
}

/// Invalid at `/request_id` unless it names a request of the asking co-op.
fn check_request(conn: &mut DbConnection, id: Uuid, requesting: &Coop) -> Result<(), AppError> {
    match requests::find(conn, id)? {
        Some(request) if request.coop_id == requesting.id => Ok(()),
        _ => Err(FieldError::new(
            "/request_id",
            format!("must be one of the requests of {}", requesting.slug),
        )
        .into()),
    }
}
