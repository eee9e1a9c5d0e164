//! `DELETE /api/v1/coops/{slug}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_store::coops;

use super::{ADMINISTER, coop_to_change};
use crate::auth::Caller;
use crate::etag::expected_version;
use crate::problem::{ApiError, Problem, SignedIn, Versioned};
use crate::state::AppState;

/// Deletes the co-op (its people and roles go with it). Clients syncing with
/// `updated_since` see it under `deleted`.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The co-op's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this deletion is based on"),
    ),
    responses(
        SignedIn, Versioned,
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an admin of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/coops/{slug}")]
pub async fn delete_coop(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    state
        .write(caller, move |conn, viewer| {
            let coop = coop_to_change(conn, viewer, &slug, ADMINISTER)?;
            Ok(coops::delete(conn, &coop.slug, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
