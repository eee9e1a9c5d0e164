//! The skills vocabulary: `/api/v1/skills`.

pub mod list;
pub mod merge;
pub mod show;

use coophub_domain::skills::{Skill, SkillCategory};
use serde::Serialize;
use utoipa::ToSchema;

/// A canonical skill.
#[derive(Debug, Serialize, ToSchema)]
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
