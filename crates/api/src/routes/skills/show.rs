//! `GET /api/v1/skills/{slug}`: a skill and who has it.

use actix_web::{get, web};
use coophub_store::skills;
use serde::Serialize;
use utoipa::ToSchema;

use super::SkillView;
use crate::auth::Caller;
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

/// A person who holds a skill.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkillPerson {
    /// The person's id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their co-op's slug.
    pub coop: String,
    /// 1 to 5.
    pub level: i32,
    /// 1 to 5.
    pub interest: i32,
}

/// A skill with the co-ops and people that have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkillDetail {
    /// The skill.
    #[serde(flatten)]
    pub skill: SkillView,
    /// Approved co-ops listing it.
    pub coops: Vec<SkillHolder>,
    /// People of approved co-ops holding it, best first (outside the network: public profiles only).
    pub people: Vec<SkillPerson>,
}

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
    let shown = spelling.clone();
    let (_, found) = state
        .read(caller, move |conn, viewer| {
            let network_too = viewer.sees_network_only();
            let Some(skill) = skills::find_known(conn, &spelling, viewer.reach())? else {
                return Ok(None);
            };
            let coops = skills::coops_with(conn, &skill.slug)?;
            let people = skills::people_with(conn, &skill.slug, network_too)?;
            Ok(Some((skill, coops, people)))
        })
        .await?;
    let (skill, coops, people) =
        found.ok_or_else(|| ApiError::NotFound(format!("no skill {shown}")))?;
    Ok(web::Json(SkillDetail {
        skill: skill.into(),
        coops: coops
            .into_iter()
            .map(|(slug, name, kind)| SkillHolder { slug, name, kind })
            .collect(),
        people: people
            .into_iter()
            .map(|h| SkillPerson {
                id: h.person_id,
                name: h.name,
                coop: h.coop_slug,
                level: h.level,
                interest: h.interest,
            })
            .collect(),
    }))
}
