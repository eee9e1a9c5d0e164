//! `GET /api/v1/skills/{slug}`: a skill and who has it.

use actix_web::{get, web};
use coophub_store::skills;
use serde::Serialize;
use utoipa::ToSchema;

use super::SkillView;
use crate::problem::{ApiError, Problem};
use crate::state::AppState;

/// A co-op that lists a skill.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkillHolder {
    /// The co-op's slug.
    pub slug: String,
    /// The co-op's name.
    pub name: String,
    /// `technology` or `service`.
    pub kind: String,
}

/// A skill with the co-ops that list it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkillDetail {
    /// The skill.
    #[serde(flatten)]
    pub skill: SkillView,
    /// Approved co-ops listing it.
    pub coops: Vec<SkillHolder>,
}

/// A skill, found by its slug or any spelling ("postgres" finds PostgreSQL).
#[utoipa::path(
    tag = "skills",
    params(("slug" = String, Path, description = "Slug or any spelling of the skill")),
    responses(
        (status = 200, description = "The skill and who has it", body = SkillDetail),
        (status = 404, description = "No such skill", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/skills/{slug}")]
pub async fn show_skill(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<web::Json<SkillDetail>, ApiError> {
    let spelling = slug.into_inner();
    let shown = spelling.clone();
    let found = state
        .db(move |conn| {
            let Some(skill) = skills::find(conn, &spelling)? else {
                return Ok(None);
            };
            let coops = skills::coops_with(conn, &skill.slug)?;
            Ok(Some((skill, coops)))
        })
        .await?;
    let (skill, coops) = found.ok_or_else(|| ApiError::NotFound(format!("no skill {shown}")))?;
    Ok(web::Json(SkillDetail {
        skill: skill.into(),
        coops: coops
            .into_iter()
            .map(|(slug, name, kind)| SkillHolder { slug, name, kind })
            .collect(),
    }))
}
