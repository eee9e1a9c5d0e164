//! `DELETE /api/v1/case-studies/{slug}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_store::case_studies;

use super::require_admin_of_any;
use super::show::visible_case_study;
use crate::auth::Viewer;
use crate::etag::expected_version;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// Deletes a case study. Admins of a co-op it names (and network admins) may.
#[utoipa::path(
    tag = "case-studies",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The case study's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this deletion is based on"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of a co-op it names", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case study", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since read", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/case-studies/{slug}")]
pub async fn delete_case_study(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    viewer.require_user()?;
    let study = visible_case_study(&state, &viewer, slug.into_inner()).await?;
    require_admin_of_any(&state, &viewer, study.coops.iter().map(|c| c.id).collect()).await?;
    let now = state.clock.now();
    state
        .db(move |conn| case_studies::delete(conn, &study.slug, expected, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
