//! `PUT /api/v1/offers/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_app::sharing::offers;
use coophub_domain::sharing::OfferInput;
use uuid::Uuid;

use super::{OfferRequest, OfferView, offer_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, OfferAdmin, Problem, TokenRequired, Versioned};
use crate::state::AppState;

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
        TokenRequired, JsonBody, Versioned, OfferAdmin,
        (status = 200, description = "Replaced", body = OfferView),
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
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let (expected, slug) = (expected.as_ref(), slug.as_deref());
            Ok(offers::replace(
                conn, viewer, id, expected, slug, &input, now,
            )?)
        })
        .await?;
    Ok(offer_response(StatusCode::OK, view))
}
