//! `POST /api/v1/coops`: add a co-op; its creator becomes its admin.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::coops;
use coophub_domain::coop::CoopInput;

use super::{CoopRequest, CoopView, coop_response};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, SlugTaken, TokenRequired};
use crate::state::AppState;

/// Adds a co-op. Its membership starts as `applied`; the creator becomes its admin.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    request_body = CoopRequest,
    responses(
        TokenRequired, JsonBody, SlugTaken,
        (status = 201, description = "Created", body = CoopView,
            headers(("ETag" = String, description = "Version"), ("Location" = String, description = "The new co-op"))),
    )
)]
#[post("/coops")]
pub async fn create_coop(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<CoopRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = body.check(|request| Ok(CoopInput::parse(request.into())?))?;
    let now = state.clock.now();
    let (viewer, coop) = state
        .write(caller, move |conn, viewer| {
            Ok(coops::create(conn, viewer, &input, now)?)
        })
        .await?;
    Ok(coop_response(StatusCode::CREATED, coop, &viewer, now))
}
