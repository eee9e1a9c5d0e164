//! `PUT /api/v1/offers/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_app::guard::{Lock, load};
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Offer;
use coophub_domain::sharing::{Limits, OfferInput, refusals};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::sharing::placements;
use coophub_store::sharing::placements::Holder;
use uuid::Uuid;

use super::{OfferRequest, OfferView, check_person, offer_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired, Versioned};
use crate::state::AppState;
use coophub_app::sharing::{capacity_conflict, visible_person};

/// Replaces an offer (saying it again reconfirms it). Its co-op and person
/// stay; capacity and dates may not shrink below accepted placements.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The offer's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body = OfferRequest,
    responses(
        TokenRequired, JsonBody, Versioned,
        (status = 200, description = "Replaced", body = OfferView),
        (status = 403, description = "Not an admin of the offering co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Accepted placements would no longer fit (`over_capacity`, each in `conflicts`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/offers/{id}")]
pub async fn update_offer(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<OfferRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let (slug, input) = body.check(|request| {
        OfferInput::parse(request.draft())
            .map(|input| (request.coop, input))
            .map_err(Into::into)
    })?;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, (offer, coop, person)) = state
        .write(caller, move |conn, viewer| {
            let (offer, coop) = load::<(Offer, Coop)>(
                conn,
                viewer,
                &id,
                (access::administer_listing, now),
                Lock::ForChange,
            )?;
            let mut errors = Vec::new();
            if slug.as_ref().is_some_and(|slug| *slug != coop.slug) {
                errors.push(FieldError::new("/coop", "an offer stays with its co-op"));
            }
            if input.person != offer.person_id {
                errors.push(FieldError::new(
                    "/person_id",
                    "the person offered cannot change: close this offer and make another",
                ));
            }
            if !errors.is_empty() {
                return Err(ApiError::Validation(ValidationErrors(errors)));
            }
            check_person(conn, &input, &coop)?;
            // Every accepted placement must still fit beside the others.
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
            if !conflicts.is_empty() {
                return Err(capacity_conflict(
                    "accepted placements would no longer fit this offer",
                    conflicts,
                )
                .into());
            }
            let offer =
                coophub_app::sharing::offers::update(conn, &offer, expected.as_ref(), &input, now)?;
            let person = visible_person(conn, viewer, offer.person_id, &coop)?;
            Ok((offer, coop, person))
        })
        .await?;
    Ok(offer_response(
        StatusCode::OK,
        OfferView::new(offer, &coop, person.as_ref(), true, now),
    ))
}
