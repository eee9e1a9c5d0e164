//! Claims: a signed-in person asks the stewards to administer a co-op that
//! has no admin (an imported entry, say); the stewards approve or refuse.

use serde::{Deserialize, Serialize};

use super::limits::CLAIM_MESSAGE_MAX;
use crate::{FieldError, ValidationErrors};

/// Where a claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Waiting for the stewards.
    Pending,
    /// The claimant became an admin of the co-op.
    Approved,
    /// The stewards said no.
    Refused,
}

impl ClaimStatus {
    /// The name stored and sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Refused => "refused",
        }
    }

    /// The status named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Pending, Self::Approved, Self::Refused]
            .into_iter()
            .find(|status| status.as_str() == name)
    }
}

/// The message of a claim, checked: required, trimmed, at most
/// [`CLAIM_MESSAGE_MAX`] characters.
pub fn claim_message(raw: &str) -> Result<String, ValidationErrors> {
    let text = raw.trim();
    let count = text.chars().count();
    if count == 0 || count > CLAIM_MESSAGE_MAX {
        return Err(FieldError::new(
            "/message",
            format!(
                "must be 1 to {CLAIM_MESSAGE_MAX} characters long: say who you are and how you \
                 are part of the co-op"
            ),
        )
        .into());
    }
    Ok(text.to_owned())
}

/// Whether the address `email` is at the domain of the co-op's `website`
/// (ignoring `www.` and case): a sign, for the stewards, that the claimant
/// speaks for the co-op.
pub fn email_at_website(email: &str, website: Option<&str>) -> bool {
    let Some(website) = website else {
        return false;
    };
    let Some((_, domain)) = email.rsplit_once('@') else {
        return false;
    };
    let host = website
        .split_once("://")
        .map_or(website, |(_, rest)| rest)
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or_default();
    let bare = |name: &str| name.trim_start_matches("www.").to_ascii_lowercase();
    !host.is_empty() && bare(host) == bare(domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_required_and_bounded() {
        assert_eq!(
            claim_message("  I keep its books  ").unwrap(),
            "I keep its books"
        );
        assert!(claim_message("   ").is_err());
        assert!(claim_message(&"x".repeat(CLAIM_MESSAGE_MAX + 1)).is_err());
        assert!(claim_message(&"é".repeat(CLAIM_MESSAGE_MAX)).is_ok());
    }

    #[test]
    fn an_address_at_the_website_domain_is_recognised() {
        let site = Some("https://www.Webarchitects.coop/about");
        assert!(email_at_website("chris@webarchitects.coop", site));
        assert!(email_at_website(
            "chris@WEBARCHITECTS.coop",
            Some("webarchitects.coop")
        ));
        assert!(!email_at_website("chris@gmail.com", site));
        assert!(!email_at_website(
            "chris@webarchitects.coop.evil.example",
            site
        ));
        assert!(!email_at_website("chris@webarchitects.coop", None));
        assert!(!email_at_website("not an address", site));
    }

    #[test]
    fn statuses_round_trip() {
        for status in [
            ClaimStatus::Pending,
            ClaimStatus::Approved,
            ClaimStatus::Refused,
        ] {
            assert_eq!(ClaimStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ClaimStatus::parse("lost"), None);
    }
}
