//! Sharing people: open offers and requests with their matches, a
//! placement asked from an offer, and each placement's page with its moves
//! and conversation.

pub mod listings;
pub mod placement;
pub mod rotation;
pub mod swap;

use serde::Deserialize;

use crate::forms::Done;

/// An answer to a proposal (a swap, a social-good placement): `agree` is
/// `yes` or `no`.
#[derive(Debug, Deserialize)]
pub struct Answer {
    #[serde(default)]
    agree: String,
    #[serde(default)]
    csrf: String,
}

impl Answer {
    /// Yes, and the form's token.
    fn read(self) -> (bool, String) {
        (self.agree == "yes", self.csrf)
    }
}

/// What a proposal's page says once a form on it worked.
fn proposal_done(done: &Done) -> Option<&'static str> {
    match done.done.as_deref() {
        Some("proposed") => Some("Proposed: the others are told and answer here."),
        Some("answered") => Some("Your answer is recorded; the others are told."),
        _ => None,
    }
}
