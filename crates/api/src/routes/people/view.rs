//! The JSON shapes of people.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use chrono::NaiveDate;
use coophub_domain::person::{PersonDraft, PersonSkillDraft, Visibility};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use coophub_app::shapes::ContactBody;

use crate::etag::versioned;
use coophub_app::directory::people::PersonView;

/// A skill as a person holds it, as sent.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonSkillBody {
    /// Any spelling ("JS", "postgres"): normalised.
    pub skill: String,
    /// 1 (learning) to 5 (expert).
    pub level: i64,
    /// 1 (would rather not) to 5 (keen).
    pub interest: i64,
}

/// A person as a client creates or replaces them.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRequest {
    /// Display name.
    pub name: String,
    /// One line about them.
    pub headline: Option<String>,
    /// Longer text.
    pub bio: Option<String>,
    /// Skills with level and interest.
    #[serde(default)]
    pub skills: Vec<PersonSkillBody>,
    /// Days a week free (0 to 7, half days), with `available_from`.
    pub days_per_week: Option<f64>,
    /// Free from this date, with `days_per_week`.
    pub available_from: Option<NaiveDate>,
    /// Day rate in whole pounds; network members only see it.
    pub day_rate: Option<i64>,
    /// `public` or `network` (default).
    #[serde(default)]
    pub visibility: Visibility,
    /// How to reach them: shown to network members only, whatever the
    /// profile's visibility.
    pub contact: Option<ContactBody>,
    /// Email of the account that may edit this profile (co-op admins set it).
    pub linked_user_email: Option<String>,
}

impl PersonRequest {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> PersonDraft {
        PersonDraft {
            name: self.name.clone(),
            headline: self.headline.clone(),
            bio: self.bio.clone(),
            skills: self
                .skills
                .iter()
                .map(|s| PersonSkillDraft {
                    skill: s.skill.clone(),
                    level: s.level,
                    interest: s.interest,
                })
                .collect(),
            days_per_week: self.days_per_week,
            available_from: self.available_from,
            day_rate: self.day_rate,
            visibility: self.visibility,
            contact: self.contact.clone().unwrap_or_default().into(),
        }
    }
}

/// A single answer (see [`versioned`]).
pub fn person_response(status: StatusCode, view: PersonView) -> HttpResponse {
    let path = format!("/api/v1/people/{}", view.id);
    versioned(status, view.version, &path, &view)
}
