//! How one record names another in an answer.

use coophub_domain::skills::Skill;
use serde::Serialize;
use uuid::Uuid;

/// A co-op, as referenced from elsewhere.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoopRef {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
}

impl CoopRef {
    /// How answers name `coop`.
    pub fn of(coop: &coophub_domain::coop::Coop) -> Self {
        Self {
            slug: coop.slug.clone(),
            name: coop.profile.name.clone(),
        }
    }
}

/// A canonical skill, as referenced from elsewhere.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillRef {
    /// Canonical slug.
    pub slug: String,
    /// Display name.
    pub name: String,
}

impl From<Skill> for SkillRef {
    fn from(skill: Skill) -> Self {
        Self {
            slug: skill.slug,
            name: skill.name,
        }
    }
}

/// A person offered, as far as the viewer may see them.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRef {
    /// Their id.
    pub id: Uuid,
    /// Display name.
    pub name: String,
}
