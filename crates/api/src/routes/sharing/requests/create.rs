//! `POST /api/v1/requests`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::coops::ADMINISTER;
use coophub_app::guard::{Lock, load};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::RequestInput;
use coophub_store::sharing::requests;

use super::super::with_coop;
use super::{RequestBody, RequestView, request_response};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// The co-op's admins ask the network for time: skills with the least
/// level, days a week, dates, a budget that only members see.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    request_body = RequestBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Asked", body = RequestView),
        (status = 403, description = "Not an admin of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/requests")]
pub async fn create_request(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<RequestBody>,
) -> Result<HttpResponse, ApiError> {
    let (slug, input) = body.check(|body| {
        let input = RequestInput::parse(body.draft());
        with_coop(body.coop, input, "asking")
    })?;
    let now = state.clock.now();
    let (_, (request, coop)) = state
        .write(caller, move |conn, viewer| {
            let coop = load::<Coop>(conn, viewer, &slug, ADMINISTER, Lock::ForChange)?;
            let request = requests::insert(conn, coop.id, &input, now)?;
            Ok((request, coop))
        })
        .await?;
    Ok(request_response(
        StatusCode::CREATED,
        RequestView::new(request, &coop, true),
    ))
}
