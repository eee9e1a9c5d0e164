//! `POST /api/v1/offers`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::coops::ADMINISTER;
use coophub_app::guard::{Lock, load};
use coophub_app::sharing::offers;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::OfferInput;

use super::super::with_coop;
use super::{OfferRequest, OfferView, check_person, offer_response};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;
use coophub_app::sharing::visible_person;

/// The co-op's admins offer time: a named person (one of its people) or an
/// unnamed role. It is open to requests for 30 days, unless reconfirmed.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    request_body = OfferRequest,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Offered", body = OfferView),
        (status = 403, description = "Not an admin of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/offers")]
pub async fn create_offer(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<OfferRequest>,
) -> Result<HttpResponse, ApiError> {
    let (slug, input) = body.check(|body| {
        let input = OfferInput::parse(body.draft());
        with_coop(body.coop, input, "offering")
    })?;
    let now = state.clock.now();
    let (_, (offer, coop, person)) = state
        .write(caller, move |conn, viewer| {
            // The co-op's row is its capacity lock as well.
            let coop = load::<Coop>(conn, viewer, &slug, ADMINISTER, Lock::ForChange)?;
            check_person(conn, &input, &coop)?;
            let offer = offers::insert(conn, coop.id, &input, now)?;
            let person = visible_person(conn, viewer, offer.person_id, &coop)?;
            Ok((offer, coop, person))
        })
        .await?;
    Ok(offer_response(
        StatusCode::CREATED,
        OfferView::new(offer, &coop, person.as_ref(), true, now),
    ))
}
