//! `GET /api/v1/case-studies/{slug}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_domain::case_study::CaseStudy;
use coophub_store::case_studies;
use coophub_store::coops::roles;

use super::{CaseStudyView, case_study_response};
use crate::auth::Viewer;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// The case study `slug` if the viewer may see it: network members and people
/// of a co-op it names always; others if it names an approved co-op.
pub(crate) async fn visible_case_study(
    state: &AppState,
    viewer: &Viewer,
    slug: String,
) -> Result<CaseStudy, ApiError> {
    let not_found = || ApiError::NotFound(format!("no case study {slug}"));
    let wanted = slug.clone();
    let study = state
        .db(move |conn| case_studies::find_by_slug(conn, &wanted))
        .await?
        .ok_or_else(not_found)?;
    if viewer.sees_network_only() || study.coops.iter().any(|c| c.approved) {
        return Ok(study);
    }
    let Some(user) = viewer.user.as_ref().map(|u| u.id) else {
        return Err(not_found());
    };
    let coop_ids: Vec<_> = study.coops.iter().map(|c| c.id).collect();
    let role = state
        .db(move |conn| roles::best_role_in(conn, &coop_ids, user))
        .await?;
    if role.is_some() {
        Ok(study)
    } else {
        Err(not_found())
    }
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
