//! Alerts: saved searches that tell people of new matches. An alert looks
//! at one subject: tenders (skills, CPV codes up and down the hierarchy,
//! value, buyer, region, suitability, words), offers of time (skills at a
//! level, work mode, days a week, words) or people (skills at a level, days
//! a week free, words). Every filter given must hold, and each match says
//! why, in words that name only what its reader may see.

mod input;
mod talent;
mod tenders;

pub use input::{AlertDraft, AlertInput, MAX_CODES, MAX_TEXT};
pub use talent::{offer_match, person_match};
pub use tenders::opportunity_match;

use crate::sharing::WorkMode;

/// What an alert looks at.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertSubject {
    /// Tenders and other opportunities to bid for.
    #[default]
    Opportunities,
    /// Other co-ops' offers of time.
    Offers,
    /// Other co-ops' people.
    People,
}

impl AlertSubject {
    /// What the alert watches, in a person's words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Opportunities => "tenders",
            Self::Offers => "other co-ops' offers of time",
            Self::People => "other co-ops' people",
        }
    }
}

impl AlertSubject {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Opportunities => "opportunities",
            Self::Offers => "offers",
            Self::People => "people",
        }
    }

    /// The subject of a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Opportunities, Self::Offers, Self::People]
            .into_iter()
            .find(|subject| subject.as_str() == name)
    }
}

/// Who a tender is marked suitable for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Suitability {
    /// Small and medium enterprises.
    Sme,
    /// Voluntary, community and social enterprises.
    Vcse,
}

/// What an alert looks for (skills as canonical slugs once stored). Only
/// the filters of its subject are set: the rest stay empty.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertFilters {
    /// Any of these skills.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Offers and people: the least level (1 to 5) of the skill that matches.
    #[serde(default)]
    pub min_level: Option<u8>,
    /// Opportunities: any of these CPV codes (eight digits).
    #[serde(default)]
    pub cpv: Vec<String>,
    /// Opportunities: the least value, minor units.
    pub value_min: Option<i64>,
    /// Opportunities: the most value, minor units.
    pub value_max: Option<i64>,
    /// Opportunities: words in the buyer's name, case-insensitive.
    pub buyer: Option<String>,
    /// Opportunities: a suitability flag that must be set.
    pub suitable_for: Option<Suitability>,
    /// Opportunities: words that must all be in the tender's region.
    #[serde(default)]
    pub region: Option<String>,
    /// Offers: how the work happens.
    #[serde(default)]
    pub work_mode: Option<WorkMode>,
    /// Offers: the least days a week offered; people: the least days a
    /// week free (availability, which only the network sees).
    #[serde(default)]
    pub min_days_per_week: Option<f64>,
    /// Words that must all be in the text (a tender's title and description,
    /// an offer's title and notes, a person's name, headline and bio).
    pub words: Option<String>,
}

/// Whether every word of `words` is in `haystack`, case-insensitive.
fn contains_all(haystack: &str, words: &str) -> bool {
    let haystack = haystack.to_lowercase();
    words
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}
