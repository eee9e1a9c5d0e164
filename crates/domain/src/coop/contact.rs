//! How to reach a co-op or a person: an address, a phone number, a page.
//! A co-op says who may see its contact ([`ContactVisibility`]); a person's
//! contact is for network members only, whatever the profile's visibility.

use serde::{Deserialize, Serialize};

use crate::account::Email;
use crate::validation::{FieldError, ValidationErrors};

/// A phone number's length, in characters.
pub const PHONE_LENGTHS: std::ops::RangeInclusive<usize> = 6..=30;
/// A contact page's URL, in characters.
pub const CONTACT_URL_MAX: usize = 500;

/// Who may see a co-op's contact details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactVisibility {
    /// Everyone who may see the co-op.
    Public,
    /// Members of the network only (and the co-op's own people).
    #[default]
    Network,
}

impl ContactVisibility {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Network => "network",
        }
    }

    /// The visibility of a stored name.
    pub fn parse(name: &str) -> Option<Self> {
        [Self::Public, Self::Network]
            .into_iter()
            .find(|v| v.as_str() == name)
    }
}

/// Contact details, checked; every part optional.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    /// An email address, lower-cased.
    pub email: Option<String>,
    /// A phone number as written (digits, spaces, `+`, `(`, `)`, `-`).
    pub phone: Option<String>,
    /// A contact page (`http://` or `https://`).
    pub url: Option<String>,
}

impl Contact {
    /// Whether nothing is given.
    pub fn is_empty(&self) -> bool {
        self.email.is_none() && self.phone.is_none() && self.url.is_none()
    }
}

/// Contact details as sent: a part given must be sound (blank is not;
/// leave it out instead).
#[derive(Debug, Clone, Default)]
pub struct ContactDraft {
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Contact page.
    pub url: Option<String>,
}

fn phone(raw: &str, pointer: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    let inner = value.chars().count().saturating_sub(2);
    let valid = PHONE_LENGTHS.contains(&value.chars().count())
        && value.starts_with(|c: char| c == '+' || c.is_ascii_digit())
        && value.ends_with(|c: char| c.is_ascii_digit())
        && value
            .chars()
            .skip(1)
            .take(inner)
            .all(|c| c.is_ascii_digit() || " ()-".contains(c));
    if valid {
        Ok(value.to_owned())
    } else {
        Err(FieldError::new(
            pointer,
            format!(
                "must be a phone number of {} to {} characters: a + or a digit, then digits, spaces, (, ) and -, ending with a digit",
                PHONE_LENGTHS.start(),
                PHONE_LENGTHS.end()
            ),
        ))
    }
}

fn page(raw: &str, pointer: &str) -> Result<String, FieldError> {
    crate::text::web_url(raw, CONTACT_URL_MAX, pointer)
}

impl ContactDraft {
    /// Checks every part under `pointer` (e.g. `/contact`), adding what is
    /// wrong to `errors`.
    pub fn check(self, pointer: &str, errors: &mut ValidationErrors) -> Contact {
        let at = |part: &str| format!("{pointer}/{part}");
        let email = self.email.and_then(|raw| {
            errors.check(Email::parse(&raw, &at("email")).map(|e| e.as_str().to_owned()))
        });
        let phone = self
            .phone
            .and_then(|raw| errors.check(phone(&raw, &at("phone"))));
        let url = self
            .url
            .and_then(|raw| errors.check(page(&raw, &at("url"))));
        Contact { email, phone, url }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(email: &str, phone: &str, url: &str) -> Result<Contact, Vec<String>> {
        let mut errors = ValidationErrors::default();
        let contact = ContactDraft {
            email: Some(email.into()),
            phone: Some(phone.into()),
            url: Some(url.into()),
        }
        .check("/contact", &mut errors);
        if errors.0.is_empty() {
            Ok(contact)
        } else {
            Err(errors.0.into_iter().map(|e| e.pointer).collect())
        }
    }

    #[test]
    fn sound_contact_details_are_kept_trimmed() {
        let contact = checked(
            " Hello@Example.COOP ",
            " +44 (0)113 496 0000 ",
            "https://example.coop/contact",
        )
        .unwrap();
        assert_eq!(contact.email.as_deref(), Some("hello@example.coop"));
        assert_eq!(contact.phone.as_deref(), Some("+44 (0)113 496 0000"));
        let none = ContactDraft::default().check("/contact", &mut ValidationErrors::default());
        assert!(none.is_empty());
    }

    #[test]
    fn every_wrong_part_is_named() {
        assert_eq!(
            checked("hello at example.coop", "call us", "ftp://example.coop").unwrap_err(),
            ["/contact/email", "/contact/phone", "/contact/url"]
        );
        assert_eq!(
            checked(" ", "+44 113 -", "").unwrap_err(),
            ["/contact/email", "/contact/phone", "/contact/url"]
        );
    }
}
