//! Sharing people: open offers and requests with their matches, a
//! placement asked from an offer, and each placement's page with its moves
//! and conversation.

pub mod listings;
pub mod placement;
pub mod rotation;
pub mod swap;
