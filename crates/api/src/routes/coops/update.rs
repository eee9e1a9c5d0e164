//! `PUT /api/v1/coops/{slug}`: replace a co-op's profile.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_app::directory::coops;
use coophub_domain::coop::CoopInput;

use super::{CoopRequest, CoopView, coop_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, CoopAdmin, JsonBody, SlugTaken, TokenRequired, Versioned};
use crate::state::AppState;

/// Replaces the co-op's profile and skills. Send the `ETag` you read as
/// `If-Match`: if someone changed the co-op since, nothing is written (412).
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The co-op's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body = CoopRequest,
    responses(
        TokenRequired, JsonBody, Versioned, CoopAdmin, SlugTaken,
        (status = 200, description = "Updated", body = CoopView, headers(("ETag" = String, description = "New version"))),
    )
)]
#[put("/coops/{slug}")]
pub async fn update_coop(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Checked<CoopRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let input = body.check(|request| Ok(CoopInput::parse(request.into())?))?;
    let now = state.clock.now();
    let (viewer, updated) = state
        .write(caller, move |conn, viewer| {
            Ok(coops::update(
                conn,
                viewer,
                &slug,
                expected.as_ref(),
                &input,
                now,
            )?)
        })
        .await?;
    Ok(coop_response(StatusCode::OK, updated, &viewer, now))
}
