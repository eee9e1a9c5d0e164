//! `POST /api/v1/offers/{id}/placements`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::guard::{Lock, load};
use coophub_domain::FieldError;
use coophub_domain::access::CoopFacts;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::{Coop, MembershipStatus};
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::Offer;
use coophub_domain::sharing::{PlacementDraft, PlacementInput, PlacementState};
use coophub_store::coops;
use coophub_store::sharing::placements::{self, Doing, NewPlacement};
use coophub_store::sharing::requests;
use uuid::Uuid;

use super::{PlacementRequest, PlacementView, placement_response, view_of};
use crate::auth::{SignedIn, refused};
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired};
use crate::state::AppState;
use coophub_app::sharing::placements::check_fits;
use coophub_app::telling::tell;

/// A member co-op's admins ask an open offer of another member co-op for
/// time. It must fit what is free now; the offering co-op then accepts or
/// declines.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The offer's id")),
    request_body = PlacementRequest,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Asked", body = PlacementView),
        (status = 403, description = "Not an admin of the asking co-op, or a co-op that is not an approved member", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer or co-op", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The offer is not open (`offer_not_open`), or the time does not fit (`over_capacity`, each stretch in `conflicts`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/offers/{id}/placements")]
pub async fn request_placement(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<PlacementRequest>,
) -> Result<HttpResponse, ApiError> {
    let (request, input) = body.check(|body| {
        let input = PlacementInput::parse(PlacementDraft {
            days_per_week: body.days_per_week,
            start: Some(body.start),
            end: Some(body.end),
            message: body.message.clone(),
        })?;
        Ok(((body.requesting_coop, body.request_id), input))
    })?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let (offer, offering) = load::<(Offer, Coop)>(
                conn,
                viewer,
                &id,
                (access::read_listing, now),
                Lock::ForChange,
            )?;
            let (slug, request_id) = &request;
            let not_found = || format!("no co-op {slug}");
            let requesting =
                coops::find_by_slug(conn, slug)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
            access::request_placement(viewer, CoopFacts::of(&requesting))
                .map_err(|denied| refused(denied, not_found))?;
            if requesting.id == offering.id {
                return Err(ApiError::from_field(FieldError::new(
                    "/requesting_coop",
                    "a co-op cannot ask its own offer for time",
                )));
            }
            for coop in [&offering, &requesting] {
                members_only(coop)?;
            }
            if !offer.live(now) {
                return Err(ApiError::conflict(
                    Code::OfferNotOpen,
                    "the offer is paused, closed or lapsed",
                ));
            }
            if let Some(request_id) = request_id {
                check_request(conn, *request_id, &requesting)?;
            }
            check_fits(conn, offer.id, None, input.booking)?;
            let new = NewPlacement {
                offer_id: Some(offer.id),
                offering_coop_id: offering.id,
                person_id: offer.person_id,
                requesting_coop_id: requesting.id,
                request_id: *request_id,
                booking: input.booking,
                message: &input.message,
                state: PlacementState::Requested,
            };
            let by = Doing {
                user: viewer.user_id(),
                reason: &input.message,
                at: now,
            };
            let placement = placements::insert(conn, &new, by)?;
            let kind = EventKind::PlacementRequested;
            tell::placement(
                conn,
                viewer,
                &placement,
                [&offering, &requesting],
                kind,
                now,
            )?;
            view_of(
                conn,
                viewer,
                placement,
                [&offering, &requesting],
                now.date_naive(),
            )
        })
        .await?;
    Ok(placement_response(StatusCode::CREATED, view))
}

/// Sharing is between approved members of the network.
fn members_only(coop: &Coop) -> Result<(), ApiError> {
    if coop.membership.status == MembershipStatus::Approved {
        Ok(())
    } else {
        Err(ApiError::Forbidden(format!(
            "sharing is between approved member co-ops, and {} is not one",
            coop.slug
        )))
    }
}

/// 422 at `/request_id` unless it names a request of the asking co-op.
fn check_request(
    conn: &mut coophub_store::DbConnection,
    id: Uuid,
    requesting: &Coop,
) -> Result<(), ApiError> {
    match requests::find(conn, id)? {
        Some(request) if request.coop_id == requesting.id => Ok(()),
        _ => Err(ApiError::from_field(FieldError::new(
            "/request_id",
            format!("must be one of the requests of {}", requesting.slug),
        ))),
    }
}
