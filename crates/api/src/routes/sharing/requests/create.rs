//! `POST /api/v1/requests`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::sharing::requests;
use coophub_domain::sharing::RequestInput;

use super::super::with_coop;
use super::{RequestBody, RequestView, request_response};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, CoopAdmin, JsonBody, TokenRequired};
use crate::state::AppState;

/// The co-op's admins ask the network for time: skills with the least
/// level, days a week, dates, a budget that only members see.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    request_body = RequestBody,
    responses(
        TokenRequired, JsonBody, CoopAdmin,
        (status = 201, description = "Asked", body = RequestView),
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
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(requests::create(conn, viewer, &slug, &input, now)?)
        })
        .await?;
    Ok(request_response(StatusCode::CREATED, view))
}
