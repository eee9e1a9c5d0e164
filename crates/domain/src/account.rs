//! Accounts: the people who sign in. Emails are normalised so that one address
//! is one account however it is typed.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::password::NewPassword;
use crate::validation::{FieldError, ValidationErrors};

/// Longest email accepted (RFC 5321 path limit).
pub const MAX_EMAIL_LEN: usize = 254;
/// Longest display name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// A normalised email address: trimmed, lower-cased, of the form `local@domain.tld`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Normalises and checks `raw`; `pointer` names the field in error messages.
    pub fn parse(raw: &str, pointer: &str) -> Result<Self, FieldError> {
        let email = raw.trim().to_lowercase();
        let invalid = |message: &str| Err(FieldError::new(pointer, message));
        if email.is_empty() {
            return invalid("must not be empty");
        }
        if email.len() > MAX_EMAIL_LEN {
            return invalid("must be at most 254 characters long");
        }
        let Some((local, domain)) = email.split_once('@') else {
            return invalid("must be an email address such as name@example.org");
        };
        let well_formed = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if !well_formed {
            return invalid("must be an email address such as name@example.org");
        }
        Ok(Self(email))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's name as shown to others: trimmed, 1 to 200 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// Trims and checks `raw`; `pointer` names the field in error messages.
    pub fn parse(raw: &str, pointer: &str) -> Result<Self, FieldError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(FieldError::new(pointer, "must not be empty"));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(FieldError::new(
                pointer,
                format!("must be at most {MAX_NAME_CHARS} characters long"),
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(FieldError::new(
                pointer,
                "must not contain control characters",
            ));
        }
        Ok(Self(name.to_owned()))
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A request to open an account, with every field checked.
#[derive(Debug, Clone)]
pub struct Registration {
    /// Sign-in address, normalised.
    pub email: Email,
    /// Name shown to others.
    pub name: DisplayName,
    /// The chosen password, not yet hashed.
    pub password: NewPassword,
}

impl Registration {
    /// Validates all three fields, reporting every invalid one at once.
    pub fn parse(email: &str, name: &str, password: &str) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let email = errors.check(Email::parse(email, "/email"));
        let name = errors.check(DisplayName::parse(name, "/name"));
        let password = errors.check(NewPassword::parse(password, "/password"));
        errors.finish(|| {
            Some(Self {
                email: email?,
                name: name?,
                password: password?,
            })
        })
    }
}

/// An account as the rest of the system sees it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Stable identifier.
    pub id: Uuid,
    /// Normalised sign-in address.
    pub email: String,
    /// Name shown to others.
    pub name: String,
    /// Network admins may do everything, across all co-ops.
    pub network_admin: bool,
    /// Bumped by a password change so that tokens issued before it stop working.
    pub token_version: i32,
    /// When the account was opened.
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        let email = Email::parse("  Ada@Example.ORG ", "/email").unwrap();
        assert_eq!(email.as_str(), "ada@example.org");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for raw in [
            "",
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a b@example.org",
            "a@b@c.org",
            "ada@example.org.",
        ] {
            assert!(Email::parse(raw, "/email").is_err(), "{raw:?} was accepted");
        }
    }

    #[test]
    fn registration_reports_every_invalid_field() {
        let errors = Registration::parse("nope", " ", "short").unwrap_err();
        let pointers: Vec<_> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/email", "/name", "/password"]);
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            DisplayName::parse(" Ada ", "/name").unwrap().as_str(),
            "Ada"
        );
        assert!(DisplayName::parse(&"a".repeat(201), "/name").is_err());
        assert!(DisplayName::parse("line\nbreak", "/name").is_err());
    }
}
