//! `DELETE /api/v1/case-studies/{slug}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_app::directory::case_studies;

use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::problem::{ApiError, CaseStudyPublisher, TokenRequired, Versioned};
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
        TokenRequired, Versioned, CaseStudyPublisher,
        (status = 204, description = "Deleted"),
    )
)]
#[delete("/case-studies/{slug}")]
pub async fn delete_case_study(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    state
        .write(caller, move |conn, viewer| {
            Ok(case_studies::delete(
                conn,
                viewer,
                &slug,
                expected.as_ref(),
                now,
            )?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
