//! `GET /api/v1/case-studies/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_domain::case_study::CaseStudy;
use coophub_store::case_studies;

use super::{CaseStudyView, case_study_response};
use crate::auth::Viewer;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// The case study `slug` if the viewer may see it (outsiders: one approved co-op at least).
pub(crate) async fn visible_case_study(
    state: &AppState,
    viewer: &Viewer,
    slug: String,
) -> Result<CaseStudy, ApiError> {
    let shown = slug.clone();
    let found = state
        .db(move |conn| case_studies::find_by_slug(conn, &slug))
        .await?;
    found
        .filter(|study| viewer.sees_network_only() || study.coops.iter().any(|c| c.approved))
        .ok_or_else(|| ApiError::NotFound(format!("no case study {shown}")))
}

/// One case study, with its `ETag`.
#[utoipa::path(
    tag = "case-studies",
    params(("slug" = String, Path, description = "The case study's slug")),
    responses(
        (status = 200, description = "The case study", body = CaseStudyView),
        (status = 404, description = "No such case study", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/case-studies/{slug}")]
pub async fn show_case_study(
    state: web::Data<AppState>,
    viewer: Viewer,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let study = visible_case_study(&state, &viewer, slug.into_inner()).await?;
    Ok(case_study_response(StatusCode::OK, study, &viewer))
}
