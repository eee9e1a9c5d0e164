//! JSON pieces that offers, requests and placements share.

use chrono::NaiveDate;
use coophub_domain::sharing::{HalfDays, LevelledSkill, Money};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// An amount of money as sent and shown: minor units and ISO 4217 currency.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyBody {
    /// Minor units: 45000 is £450.00.
    pub amount: i64,
    /// ISO 4217 code, e.g. `GBP`.
    pub currency: String,
}

impl From<&MoneyBody> for Money {
    fn from(body: &MoneyBody) -> Self {
        Money {
            amount: body.amount,
            currency: body.currency.clone(),
        }
    }
}

impl From<Money> for MoneyBody {
    fn from(money: Money) -> Self {
        MoneyBody {
            amount: money.amount,
            currency: money.currency,
        }
    }
}

/// A skill with a level, as shown.
#[derive(Debug, Serialize, ToSchema)]
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

/// A person offered, as far as the viewer may see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonRef {
    /// Their id.
    pub id: Uuid,
    /// Display name.
    pub name: String,
}

/// A place, in decimal degrees.
#[derive(Debug, Serialize, ToSchema)]
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
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Stretch {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Days a week.
    pub days_per_week: f64,
}
