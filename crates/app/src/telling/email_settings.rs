//! Mail settings as their owners see them.

use serde::Serialize;

/// An account's email choices.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailView {
    /// A daily digest of unread notifications (off unless chosen).
    pub digest: bool,
    /// Invitations and placement requests as they happen (on unless turned off).
    pub immediate: bool,
    /// Whether this hub sends email at all (an SMTP server is configured);
    /// when false the choices are kept but nothing is sent.
    pub sending: bool,
}
