//! `POST /api/v1/coops/{slug}/claims`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use coophub_app::directory::claims;

use super::{ClaimBody, ClaimView};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchCoop, Problem, TokenRequired};
use crate::state::AppState;

/// Asks the stewards to make the caller an admin of a co-op that has none
/// (an entry imported from the directory, say). The stewards are told, and
/// see whether the caller's address is at the co-op's website domain.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = ClaimBody,
    responses(
        TokenRequired, JsonBody, NoSuchCoop,
        (status = 201, description = "Asked; the stewards decide", body = ClaimView),
        (status = 409, description = "The co-op has admins: ask them (`coop_has_admins`), or the caller asked already (`conflict`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/coops/{slug}/claims")]
pub async fn claim_coop(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Checked<ClaimBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.check(Ok)?;
    let slug = slug.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(claims::claim(conn, viewer, &slug, &body, now)?)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(view))
}
