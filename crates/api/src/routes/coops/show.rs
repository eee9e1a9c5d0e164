//! `GET /api/v1/coops/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_app::directory::coops::READ;
use coophub_app::guard::{Lock, load};
use coophub_domain::coop::Coop;

use super::{CoopView, coop_response};
use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// One co-op, with its `ETag`.
#[utoipa::path(
    tag = "coops",
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    responses(
        (status = 200, description = "The co-op", body = CoopView, headers(("ETag" = String, description = "Send as If-Match to update"))),
        (status = 404, description = "No such co-op (or not visible to you)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/coops/{slug}")]
pub async fn show_coop(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (viewer, coop) = state
        .read(caller, move |conn, viewer| {
            Ok(load::<Coop>(conn, viewer, &slug, READ, Lock::Read)?)
        })
        .await?;
    Ok(coop_response(
        StatusCode::OK,
        coop,
        &viewer,
        state.clock.now(),
    ))
}
