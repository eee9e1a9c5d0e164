//! `GET /api/v1/offers/{id}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_app::guard::{Lock, load};
use coophub_domain::access::sharing as access;
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Offer;
use uuid::Uuid;

use super::{OfferView, offer_response};
use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;
use coophub_app::sharing::visible_person;

/// An offer. Live offers of member co-ops show to everyone (rates to the
/// network only); paused, closed and lapsed ones only to their co-op.
#[utoipa::path(
    tag = "sharing",
    security((), ("bearer" = [])),
    params(("id" = Uuid, Path, description = "The offer's id")),
    responses(
        (status = 200, description = "The offer", body = OfferView),
        (status = 404, description = "No such offer (or not visible to the caller)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/offers/{id}")]
pub async fn show_offer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let id = id.into_inner();
    let (viewer, (offer, coop, person)) = state
        .read(caller, move |conn, viewer| {
            let (offer, coop) =
                load::<(Offer, Coop)>(conn, viewer, &id, (access::read_listing, now), Lock::Read)?;
            let person = visible_person(conn, viewer, offer.person_id, &coop)?;
            Ok((offer, coop, person))
        })
        .await?;
    let rates = access::see_rates(&viewer, coop.id);
    Ok(offer_response(
        StatusCode::OK,
        OfferView::new(offer, &coop, person.as_ref(), rates, now),
    ))
}
