//! `POST /api/v1/offers/{id}/reconfirm`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_app::guard::{Lock, load};
use coophub_app::sharing::offers;
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Offer;
use uuid::Uuid;

use super::{OfferView, offer_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, Problem, TokenRequired, Versioned};
use crate::state::AppState;
use coophub_app::sharing::visible_person;

/// Confirms that the offer still holds: it lapses 30 days after the last
/// confirmation, and leaves search and matching until reconfirmed.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The offer's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this is based on"),
    ),
    responses(
        TokenRequired, Versioned,
        (status = 200, description = "Reconfirmed", body = OfferView),
        (status = 403, description = "Not an admin of the offering co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/offers/{id}/reconfirm")]
pub async fn reconfirm_offer(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
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
            let offer = offers::reconfirm(conn, &offer, expected.as_ref(), now)?;
            let person = visible_person(conn, viewer, offer.person_id, &coop)?;
            Ok((offer, coop, person))
        })
        .await?;
    Ok(offer_response(
        StatusCode::OK,
        OfferView::new(offer, &coop, person.as_ref(), true, now),
    ))
}
