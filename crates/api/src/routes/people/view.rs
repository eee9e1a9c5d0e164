//! The JSON shapes of people.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::coop::Coop;
use coophub_domain::person::{Person, PersonDraft, PersonSkillDraft, Visibility};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::etag::etag;

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
        }
    }
}

/// A skill a person holds.
#[derive(Debug, Serialize, ToSchema)]
pub struct HeldSkill {
    /// Canonical slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// 1 to 5.
    pub level: u8,
    /// 1 to 5.
    pub interest: u8,
}

/// Availability; network members only.
#[derive(Debug, Serialize, ToSchema)]
pub struct AvailabilityView {
    /// Days a week free.
    pub days_per_week: f64,
    /// From this date.
    pub from: NaiveDate,
    /// Last confirmed.
    pub reconfirmed_at: DateTime<Utc>,
    /// Not reconfirmed for 30 days: treat as unknown.
    pub lapsed: bool,
}

/// The co-op a person belongs to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CoopRef {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
}

/// A person.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonView {
    /// Stable identifier.
    pub id: Uuid,
    /// Their co-op.
    pub coop: CoopRef,
    /// Display name.
    pub name: String,
    /// One line.
    pub headline: String,
    /// Longer text.
    pub bio: String,
    /// Skills with level and interest.
    pub skills: Vec<HeldSkill>,
    /// Who may see them.
    pub visibility: Visibility,
    /// Network members only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability: Option<Option<AvailabilityView>>,
    /// Network members only: day rate in whole pounds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_rate: Option<Option<i32>>,
    /// Network members only: whether an account is linked to this profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_user_id: Option<Option<Uuid>>,
    /// Version; the ETag is this number in quotes.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl PersonView {
    /// The view of `person` (of `coop`); `detail` adds the network-only fields.
    pub fn new(person: Person, coop: &Coop, detail: bool, now: DateTime<Utc>) -> Self {
        let availability = person.availability.map(|a| AvailabilityView {
            lapsed: a.lapsed(now),
            days_per_week: a.days_per_week,
            from: a.from,
            reconfirmed_at: a.reconfirmed_at,
        });
        Self {
            id: person.id,
            coop: CoopRef {
                slug: coop.slug.clone(),
                name: coop.profile.name.clone(),
            },
            name: person.name,
            headline: person.headline,
            bio: person.bio,
            skills: person
                .skills
                .into_iter()
                .map(|s| HeldSkill {
                    slug: s.skill.slug,
                    name: s.skill.name,
                    level: s.level,
                    interest: s.interest,
                })
                .collect(),
            visibility: person.visibility,
            availability: detail.then_some(availability),
            day_rate: detail.then_some(person.day_rate),
            linked_user_id: detail.then_some(person.user_id),
            version: person.version,
            created_at: person.created_at,
            updated_at: person.updated_at,
        }
    }
}

/// A page of people.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonList {
    /// In name order.
    pub items: Vec<PersonView>,
    /// How many in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// A single person answer with its `ETag` (and `Location` when created).
pub fn person_response(status: StatusCode, view: PersonView) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::ETAG, etag(view.version)));
    response.insert_header((header::VARY, "Authorization"));
    if status == StatusCode::CREATED {
        response.insert_header((header::LOCATION, format!("/api/v1/people/{}", view.id)));
    }
    response.json(view)
}
