//! Password rules: how long a new password must be, and how passwords are
//! stored (Argon2id PHC strings, never the password itself).

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash as PhcString;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::validation::FieldError;

/// Shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted, in characters (so at most 4 KiB): bounds the
/// hashing work one request can ask for, in a unit clients can check.
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// A password that satisfies the rules for new passwords.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    /// Checks the length rules; `pointer` names the field in error messages.
    pub fn parse(raw: &str, pointer: &str) -> Result<Self, FieldError> {
        if raw.chars().count() < MIN_PASSWORD_CHARS {
            return Err(FieldError::new(
                pointer,
                format!("must be at least {MIN_PASSWORD_CHARS} characters long"),
            ));
        }
        if raw.chars().count() > MAX_PASSWORD_CHARS {
            return Err(FieldError::new(
                pointer,
                format!("must be at most {MAX_PASSWORD_CHARS} characters long"),
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    /// Hashes the password with Argon2id and a fresh random salt.
    ///
    /// Deliberately slow (tens of milliseconds): call it off the request threads.
    pub fn hash(&self) -> Result<PasswordHash, HashError> {
        Argon2::default()
            .hash_password(self.0.as_bytes())
            .map(|hash| PasswordHash(hash.to_string()))
            .map_err(|error| HashError(error.to_string()))
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(<redacted>)")
    }
}

/// The stored form of a password: an Argon2 PHC string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    /// Wraps a PHC string read back from storage.
    pub fn from_stored(phc: String) -> Self {
        Self(phc)
    }

    /// The PHC string, for storage.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `candidate` is the password this hash was made from.
    ///
    /// A malformed stored hash verifies nothing rather than failing loudly:
    /// the caller answers "wrong credentials" either way.
    pub fn verify(&self, candidate: &str) -> bool {
        PhcString::new(&self.0).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(candidate.as_bytes(), &parsed)
                .is_ok()
        })
    }
}

/// Hashing failed (the random number source or the parameters); not the user's fault.
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused_by_character_count() {
        assert!(NewPassword::parse("123456789", "/password").is_err());
        // Ten characters, more than ten bytes: accepted.
        assert!(NewPassword::parse("ééééééééé1", "/password").is_ok());
    }

    #[test]
    fn overlong_passwords_are_refused() {
        let error = NewPassword::parse(&"x".repeat(MAX_PASSWORD_CHARS + 1), "/new_password")
            .err()
            .map(|e| e.pointer);
        assert_eq!(error.as_deref(), Some("/new_password"));
    }

    #[test]
    fn a_hash_verifies_its_own_password_only() {
        let password = NewPassword::parse("correct horse battery", "/p").unwrap();
        let hash = password.hash().unwrap();
        assert!(hash.as_str().starts_with("$argon2id$"));
        assert!(hash.verify("correct horse battery"));
        assert!(!hash.verify("correct horse battery!"));
        assert!(!PasswordHash::from_stored("garbage".into()).verify("garbage"));
    }
}
