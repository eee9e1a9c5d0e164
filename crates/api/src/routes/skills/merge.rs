//! `POST /api/v1/skills/{slug}/merge`: fold one skill into another.

use actix_web::{post, web};
use coophub_domain::access;
use coophub_store::skills;
use serde::Deserialize;
use utoipa::ToSchema;

use super::SkillView;
use crate::auth::{Caller, refused};
use crate::extract::Json;
use crate::problem::{ApiError, JsonBody, Problem, SignedIn};
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
        SignedIn, JsonBody,
        (status = 200, description = "Merged; the remaining skill", body = SkillView),
        (status = 403, description = "Not a network admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Either skill does not exist", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A skill cannot merge into itself", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/skills/{slug}/merge")]
pub async fn merge_skill(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    body: Json<MergeRequest>,
) -> Result<web::Json<SkillView>, ApiError> {
    let caller = caller.require_token()?;
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
            access::administer_network(viewer).map_err(|denied| refused(denied, String::new))?;
            Ok(skills::merge(conn, &from, &into, now)?)
        })
        .await?;
    merged
        .map(|skill| web::Json(skill.into()))
        .ok_or_else(|| ApiError::NotFound("both skills must exist".into()))
}
