//! People: `/api/v1/coops/{slug}/people` and `/api/v1/people/{id}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod patch;
pub mod reconfirm;
pub mod show;
pub mod update;
pub(crate) mod view;

use coophub_domain::Email;
use coophub_domain::person::PersonInput;

use crate::problem::ApiError;

pub use coophub_app::directory::people::{PersonList, PersonView};
pub use view::{PersonRequest, person_response};

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
