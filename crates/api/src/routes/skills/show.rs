//! `GET /api/v1/skills/{slug}`: a skill and who has it.

use actix_web::{get, web};
use coophub_app::directory::skills::{self, SkillDetail};

use crate::auth::Caller;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// A skill, found by its slug or any spelling ("postgres" finds PostgreSQL).
#[utoipa::path(
    tag = "skills",
    security((), ("bearer" = [])),
    params(("slug" = String, Path, description = "Slug or any spelling of the skill")),
    responses(
        (status = 200, description = "The skill and who has it", body = SkillDetail),
        (status = 404, description = "No such skill", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/skills/{slug}")]
pub async fn show_skill(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<web::Json<SkillDetail>, ApiError> {
    let spelling = slug.into_inner();
    let (_, detail) = state
        .read(caller, move |conn, viewer| {
            Ok(skills::show(conn, viewer, &spelling)?)
        })
        .await?;
    Ok(web::Json(detail))
}
