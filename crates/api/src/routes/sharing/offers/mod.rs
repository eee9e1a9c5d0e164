//! Offers of time: `/api/v1/offers` and `/api/v1/offers/{id}`.

pub mod create;
pub mod delete;
pub mod list;
pub mod reconfirm;
pub mod show;
pub mod update;
mod view;

use coophub_domain::coop::Coop;
use coophub_domain::sharing::OfferInput;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::{DbConnection, people};

use crate::problem::ApiError;

pub use view::{OfferList, OfferRequest, OfferSkillBody, OfferView, offer_response};

/// 422 at `/person_id` unless the person offered is one of `coop`'s people.
pub(crate) fn check_person(
    conn: &mut DbConnection,
    input: &OfferInput,
    coop: &Coop,
) -> Result<(), ApiError> {
    let Some(id) = input.person else {
        return Ok(());
    };
    match people::find(conn, id)? {
        Some(person) if person.coop_id == coop.id => Ok(()),
        _ => Err(ApiError::Validation(ValidationErrors(vec![
            FieldError::new(
                "/person_id",
                format!("must be one of the people of {}", coop.slug),
            ),
        ]))),
    }
}
