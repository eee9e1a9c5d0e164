//! `PATCH /api/v1/people/{id}`: change some fields of a profile.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, patch, web};
use coophub_app::directory::people;
use coophub_app::guard::{Lock, load};
use coophub_domain::access;
use coophub_domain::coop::Coop;
use coophub_domain::person::Person;
use uuid::Uuid;

use super::view::PersonSkillBody;
use super::{PersonRequest, PersonView, checked_person, person_response};
use crate::auth::SignedIn;
use coophub_app::shapes::ContactBody;

use crate::etag::expected_version;
use crate::extract::{Json, merge_patch};
use crate::problem::{ApiError, JsonBody, NoSuchPerson, Problem, TokenRequired, Versioned};
use crate::state::AppState;

impl PersonRequest {
    /// The profile as a client would `PUT` it (with the linked account's
    /// email): the base a merge patch applies to.
    pub(crate) fn current(person: &Person, linked_user_email: Option<String>) -> Self {
        Self {
            name: person.name.clone(),
            headline: Some(person.headline.clone()).filter(|s| !s.is_empty()),
            bio: Some(person.bio.clone()).filter(|s| !s.is_empty()),
            skills: person
                .skills
                .iter()
                .map(|held| PersonSkillBody {
                    skill: held.skill.slug.clone(),
                    level: i64::from(held.level),
                    interest: i64::from(held.interest),
                })
                .collect(),
            days_per_week: person.availability.as_ref().map(|a| a.days_per_week),
            available_from: person.availability.as_ref().map(|a| a.from),
            day_rate: person.day_rate.map(i64::from),
            visibility: person.visibility,
            contact: ContactBody::shown(person.contact.clone()),
            linked_user_email,
        }
    }
}

/// Changes only the fields sent, as a JSON Merge Patch (RFC 7396, media type
/// `application/merge-patch+json`; `application/json` is read the same way):
/// an absent field keeps its value, `null` clears it, `skills` replaces the
/// whole list. The result is checked like a `PUT`; `If-Match` works the same.
#[utoipa::path(
    tag = "people",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The person's id"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body(content = Object, content_type = "application/merge-patch+json",
        description = "The fields of a PersonRequest to change"),
    responses(
        TokenRequired, JsonBody, Versioned, NoSuchPerson,
        (status = 200, description = "Updated", body = PersonView, headers(("ETag" = String, description = "New version"))),
        (status = 403, description = "Neither an admin of the co-op nor the person", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/people/{id}")]
pub async fn patch_person(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let patch = body.0;
    let now = state.clock.now();
    let id = id.into_inner();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let (person, coop) =
                load::<(Person, Coop)>(conn, viewer, &id, access::edit_person, Lock::ForChange)?;
            let linked = people::linked_email(conn, &person)?;
            let (input, email) =
                merge_patch::<PersonRequest>(&PersonRequest::current(&person, linked), &patch)?
                    .check(checked_person)?;
            let change = people::Change {
                input: &input,
                linked_email: email.as_ref(),
                expected: expected.as_ref(),
                now,
            };
            Ok(people::replace(conn, viewer, &person, &coop, change)?)
        })
        .await?;
    Ok(person_response(StatusCode::OK, view))
}
