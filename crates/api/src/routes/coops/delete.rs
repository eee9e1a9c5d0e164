//! `DELETE /api/v1/coops/{slug}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_app::directory::coops;

use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, CoopAdmin, Problem, TokenRequired, Versioned};
use crate::state::AppState;

/// Deletes the co-op (its people and roles go with it). Clients syncing with
/// `updated_since` see it under `deleted`. A co-op whose records others rely
/// on stays: placements with other co-ops (asked for, agreed, under way or
/// done), bids of other co-ops it joined, bids it leads that other co-ops
/// joined, and the fund's pledges and invoices answer 409
/// `coop_has_records`, naming each. Open invitations go with it.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The co-op's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this deletion is based on"),
    ),
    responses(
        TokenRequired, Versioned, CoopAdmin,
        (status = 204, description = "Deleted"),
        (status = 409, description = "Other co-ops or the fund rely on its records (`coop_has_records`; `conflicts` names each kind)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/coops/{slug}")]
pub async fn delete_coop(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    state
        .write(caller, move |conn, viewer| {
            Ok(coops::delete(conn, viewer, &slug, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
