//! People as answers show them: the same for every face.

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::Coop;
use coophub_domain::person::{Person, Visibility};
use serde::Serialize;
use uuid::Uuid;

use crate::shapes::{ContactBody, CoopRef};

/// A skill a person holds.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// A person.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Network members only: how to reach them (`null`: none given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Option<ContactBody>>,
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
    /// The view of `person` (of `coop`) for `viewer`, with the network-only
    /// fields where the viewer may see them.
    pub fn seen_by(person: Person, coop: &Coop, viewer: &Viewer, now: DateTime<Utc>) -> Self {
        let detail = access::see_private_fields(viewer, super::facts(&person, coop));
        Self::new(person, coop, detail, now)
    }

    /// The view of `person` (of `coop`); `detail` adds the network-only
    /// fields (for those who have just written them).
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
            contact: detail.then(|| ContactBody::shown(person.contact)),
            version: person.version,
            created_at: person.created_at,
            updated_at: person.updated_at,
        }
    }
}

/// A page of people.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
