//! People: `/api/v1/coops/{slug}/people` and `/api/v1/people/{id}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod patch;
pub mod reconfirm;
pub mod show;
pub mod update;
pub(crate) mod view;

use chrono::{DateTime, Utc};
use coophub_domain::access::{self, CoopFacts, Denied, PersonFacts};
use coophub_domain::coop::Coop;
use coophub_domain::person::{Person, PersonInput, Visibility};
use coophub_domain::{Email, Expected};
use coophub_store::{DbConnection, StoreError, coops, people, users};
use uuid::Uuid;

use crate::auth::{Viewer, refused};
use crate::problem::ApiError;

pub use view::{CoopRef, PersonList, PersonRequest, PersonView, person_response};

/// A rule of `coophub_domain::access` about a person.
pub(crate) type PersonRule = fn(&Viewer, PersonFacts) -> Result<(), Denied>;

/// What the access rules need to know about `person` of `coop`.
pub(crate) fn facts(person: &Person, coop: &Coop) -> PersonFacts {
    PersonFacts {
        coop: CoopFacts::of(coop),
        public: person.visibility == Visibility::Public,
        account: person.user_id,
    }
}

/// The person `id` and their co-op, if `rule` lets the viewer have them; a
/// person the viewer may not see answers 404.
pub(crate) fn person_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: PersonRule,
) -> Result<(Person, Coop), ApiError> {
    decided(conn, viewer, id, rule, people::find)
}

/// Like [`person_for`], for a change: the person's row stays locked until
/// the write transaction ends.
pub(crate) fn person_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: PersonRule,
) -> Result<(Person, Coop), ApiError> {
    decided(conn, viewer, id, rule, people::find_for_update)
}

type FindPerson = fn(&mut DbConnection, Uuid) -> Result<Option<Person>, StoreError>;

fn decided(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    rule: PersonRule,
    find: FindPerson,
) -> Result<(Person, Coop), ApiError> {
    let not_found = || format!("no person {id}");
    let person = find(conn, id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    let coop =
        coops::find_by_id(conn, person.coop_id)?.ok_or_else(|| ApiError::NotFound(not_found()))?;
    rule(viewer, facts(&person, &coop)).map_err(|denied| refused(denied, not_found))?;
    Ok((person, coop))
}

/// Whether the viewer sees `person`'s day rate and availability.
pub(crate) fn shows_private_fields(viewer: &Viewer, person: &Person, coop: &Coop) -> bool {
    access::see_private_fields(viewer, facts(person, coop))
}

/// The account with `email`, for linking; 422 at `/linked_user_email` if none.
pub(crate) fn linked_user(
    conn: &mut DbConnection,
    email: Option<&Email>,
) -> Result<Option<Uuid>, ApiError> {
    let Some(email) = email else {
        return Ok(None);
    };
    match users::find_by_email(conn, email.as_str())? {
        Some((user, _)) => Ok(Some(user.id)),
        None => Err(ApiError::from_field(coophub_domain::FieldError::new(
            "/linked_user_email",
            "no account has this email",
        ))),
    }
}

/// A checked new profile for a person, as `PUT` sends it or `PATCH` makes it.
pub(crate) struct Replacement<'a> {
    /// The profile.
    pub input: &'a PersonInput,
    /// The account that may edit it (`None`: nobody).
    pub linked_email: Option<&'a Email>,
    /// The version the change is based on (`If-Match`).
    pub expected: Option<&'a Expected>,
    /// The rules' time.
    pub now: DateTime<Utc>,
}

/// Writes `change` over `person` (already checked with `edit_person`, and
/// locked): only the co-op's admins may change who edits a profile.
pub(crate) fn replace_person(
    conn: &mut DbConnection,
    viewer: &Viewer,
    person: &Person,
    coop: &Coop,
    change: Replacement<'_>,
) -> Result<Person, ApiError> {
    let user = linked_user(conn, change.linked_email)?;
    if user != person.user_id {
        access::administer_person(viewer, facts(person, coop))
            .map_err(|denied| refused(denied, || format!("no person {}", person.id)))?;
    }
    Ok(coophub_app::directory::people::update(
        conn,
        person.id,
        change.expected,
        change.input,
        user,
        change.now,
    )?)
}

/// Reads `linked_user_email` as sent; 422 at its pointer when malformed.
/// The profile and linked account of a person request, every broken rule at once.
pub(crate) fn checked_person(
    request: PersonRequest,
) -> Result<(PersonInput, Option<Email>), ApiError> {
    let email = request
        .linked_user_email
        .as_deref()
        .map(|email| Email::parse(email, "/linked_user_email"))
        .transpose();
    match (PersonInput::parse(request.draft()), email) {
        (Ok(input), Ok(email)) => Ok((input, email)),
        (input, email) => {
            let mut errors = input.err().unwrap_or_default();
            errors.0.extend(email.err());
            Err(errors.into())
        }
    }
}
