//! Skills with levels, places, and time as sharing shows it.

use chrono::NaiveDate;
use coophub_domain::sharing::{HalfDays, LevelledSkill};
use serde::{Deserialize, Serialize};

/// A skill with a level, as shown.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelledSkillView {
    /// Canonical slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// 1 to 5 (for a request: the least that will do).
    pub level: u8,
}

/// The views of `skills`.
pub fn skill_views(skills: Vec<LevelledSkill>) -> Vec<LevelledSkillView> {
    skills
        .into_iter()
        .map(|s| LevelledSkillView {
            slug: s.skill.slug,
            name: s.skill.name,
            level: s.level,
        })
        .collect()
}

/// A place, in decimal degrees.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Place {
    /// −90 to 90.
    pub latitude: f64,
    /// −180 to 180.
    pub longitude: f64,
}

impl Place {
    /// The place of `location`, if any.
    pub fn of(location: Option<(f64, f64)>) -> Option<Self> {
        location.map(|(latitude, longitude)| Place {
            latitude,
            longitude,
        })
    }
}

/// Days a week as clients read them (`2.5`).
pub fn days(half_days: HalfDays) -> f64 {
    f64::from(half_days) / 2.0
}

/// A stretch of dates with the days a week free (or asked) on them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stretch {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Days a week.
    pub days_per_week: f64,
}
