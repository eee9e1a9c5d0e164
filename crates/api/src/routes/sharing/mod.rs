//! Sharing people: `/api/v1/offers`, `/api/v1/requests`, `/api/v1/placements`.
//! The operations are `coophub_app::sharing`'s; what the routes share here
//! is reading a new listing's co-op.

pub mod calendar;
pub mod matches;
pub mod murmurations;
pub mod offers;
pub mod placements;
pub mod requests;
pub mod rotations;

use coophub_domain::{FieldError, ValidationErrors};

use crate::problem::ApiError;

/// The co-op slug a new listing names, with its checked input; 422 with
/// every problem (a missing `/coop` first) otherwise. `side` says whose
/// slug it is ("offering", "asking").
pub(crate) fn with_coop<T>(
    coop: Option<String>,
    input: Result<T, ValidationErrors>,
    side: &str,
) -> Result<(String, T), ApiError> {
    match (coop, input) {
        (Some(slug), Ok(input)) => Ok((slug, input)),
        (slug, input) => {
            let mut errors = input.err().unwrap_or_default();
            if slug.is_none() {
                let message = format!("is required: the {side} co-op's slug");
                errors.0.insert(0, FieldError::new("/coop", message));
            }
            Err(ApiError::Validation(errors))
        }
    }
}
