//! Field-level validation errors, addressed by JSON Pointer (RFC 6901) so that a
//! client can show each message next to the input that caused it.

use serde::Serialize;

/// One invalid input: where it is (`/skills/0/level`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// JSON Pointer to the offending value in the request document.
    pub pointer: String,
    /// Human-readable explanation, lower case and without a trailing period.
    pub message: String,
}

impl FieldError {
    /// Builds an error for the value at `pointer`.
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            pointer: pointer.into(),
            message: message.into(),
        }
    }
}

/// Every problem found in one input, collected so the client sees them all at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{} invalid field(s)", .0.len())]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    /// Records the error of `result`, if any, and hands back its value.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push(error);
                None
            }
        }
    }

    /// An optional text field trimmed, none when blank; records an error
    /// when it is longer than `max` characters.
    pub fn optional_text(
        &mut self,
        raw: Option<String>,
        pointer: &str,
        max: usize,
    ) -> Option<String> {
        let text = raw.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        if text.as_ref().is_some_and(|t| t.chars().count() > max) {
            self.0.push(FieldError::new(
                pointer,
                format!("must be at most {max} characters long"),
            ));
        }
        text
    }

    /// `Ok(value)` when nothing was recorded, otherwise every recorded error.
    pub fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, ValidationErrors> {
        match (self.0.is_empty(), value()) {
            (true, Some(value)) => Ok(value),
            _ => Err(self),
        }
    }
}

impl From<FieldError> for ValidationErrors {
    fn from(error: FieldError) -> Self {
        Self(vec![error])
    }
}
