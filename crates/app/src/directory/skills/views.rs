//! Skills as answers show them: the same for every face.

use coophub_domain::skills::{Skill, SkillCategory};
use serde::Serialize;

/// A canonical skill.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillView {
    /// Canonical slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// `technology`, `service` or `practice`.
    pub category: SkillCategory,
    /// ESCO concept URI, when set.
    pub esco_uri: Option<String>,
}

impl From<Skill> for SkillView {
    fn from(skill: Skill) -> Self {
        Self {
            slug: skill.slug,
            name: skill.name,
            category: skill.category,
            esco_uri: skill.esco_uri,
        }
    }
}

/// A skill and how many co-ops list it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillUsageView {
    /// The skill.
    #[serde(flatten)]
    pub skill: SkillView,
    /// Approved co-ops listing it.
    pub coop_count: i64,
}

/// A page of skills.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillList {
    /// Exact match first, then the most used.
    pub items: Vec<SkillUsageView>,
    /// Matches in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// A co-op that lists a skill.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillHolder {
    /// The co-op's slug.
    pub slug: String,
    /// The co-op's name.
    pub name: String,
    /// `technology` or `service`.
    pub kind: String,
}

/// A person who holds a skill.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillDetail {
    /// The skill.
    #[serde(flatten)]
    pub skill: SkillView,
    /// Approved co-ops listing it.
    pub coops: Vec<SkillHolder>,
    /// People of approved co-ops holding it, best first (outside the network: public profiles only).
    pub people: Vec<SkillPerson>,
}
