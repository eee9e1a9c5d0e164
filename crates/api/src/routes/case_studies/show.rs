//! `GET /api/v1/case-studies/{slug}`.

use super::{CaseStudyView, case_study_response};
use crate::auth::Caller;
use crate::problem::{ApiError, NoSuchCaseStudy};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use coophub_app::directory::case_studies::READ;
use coophub_app::guard::{Lock, load};
use coophub_domain::case_study::CaseStudy;

/// One case study, with its `ETag`.
#[utoipa::path(
    tag = "case-studies",
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "The case study's slug")),
    responses(
        NoSuchCaseStudy,
        (status = 200, description = "The case study", body = CaseStudyView),
    )
)]
#[get("/case-studies/{slug}")]
pub async fn show_case_study(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (viewer, study) = state
        .read(caller, move |conn, viewer| {
            Ok(load::<CaseStudy>(conn, viewer, &slug, READ, Lock::Read)?)
        })
        .await?;
    Ok(case_study_response(StatusCode::OK, study, &viewer))
}
