//! `PUT /api/v1/case-studies/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use coophub_store::case_studies;

use super::show::visible_case_study;
use super::{CaseStudyRequest, CaseStudyView, case_study_response, checked, require_admin_of_any};
use crate::auth::Viewer;
use crate::etag::expected_version;
use crate::extract::Json;
use crate::problem::{ApiError, Problem};
use crate::routes::coops::create::slug_taken;
use crate::state::AppState;

/// Replaces a case study. Admins of a co-op it names (before or after) may.
#[utoipa::path(
    tag = "case-studies",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The case study's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body = CaseStudyRequest,
    responses(
        (status = 200, description = "Updated", body = CaseStudyView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of a co-op it names", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case study", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since read", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown co-ops", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/case-studies/{slug}")]
pub async fn update_case_study(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    slug: web::Path<String>,
    body: Json<CaseStudyRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    viewer.require_user()?;
    let study = visible_case_study(&state, &viewer, slug.into_inner()).await?;
    require_admin_of_any(&state, &viewer, study.coops.iter().map(|c| c.id).collect()).await?;
    let (input, named) = checked(&state, body.0).await?;
    let ids: Vec<_> = named.iter().map(|c| c.id).collect();
    require_admin_of_any(&state, &viewer, ids.clone()).await?;
    let now = state.clock.now();
    let updated = state
        .db(move |conn| case_studies::update(conn, &study.slug, expected, &input, &ids, now))
        .await
        .map_err(slug_taken)?;
    Ok(case_study_response(StatusCode::OK, updated, &viewer))
}
