//! `POST /api/v1/skills/{slug}/merge`: fold one skill into another.

use actix_web::{post, web};
use coophub_app::directory::skills;
use serde::Deserialize;
use utoipa::ToSchema;

use super::SkillView;
use crate::auth::SignedIn;
use crate::extract::Json;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// Which skill to merge into.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// Slug of the skill that remains.
    pub into: String,
}

/// Network admins: merges the skill into another. Every reference follows,
/// and its names become aliases of the remaining skill.
#[utoipa::path(
    tag = "skills",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "Slug of the skill that goes away")),
    request_body = MergeRequest,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Merged; the remaining skill", body = SkillView),
        (status = 403, description = "Not a network admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Either skill does not exist", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A skill cannot merge into itself", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/skills/{slug}/merge")]
pub async fn merge_skill(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Json<MergeRequest>,
) -> Result<web::Json<SkillView>, ApiError> {
    let from = slug.into_inner();
    let into = body.0.into;
    if from == into {
        return Err(ApiError::from_field(coophub_domain::FieldError::new(
            "/into",
            "must be another skill",
        )));
    }
    let now = state.clock.now();
    let (_, merged) = state
        .write(caller, move |conn, viewer| {
            Ok(skills::merge(conn, viewer, &from, &into, now)?)
        })
        .await?;
    Ok(web::Json(merged))
}
