//! An enquiry: a signed-in person writes to a co-op's admins, who answer by
//! email to the address the sender's account holds.

use chrono::Duration;

use crate::validation::{FieldError, ValidationErrors};

/// An enquiry's subject, in characters.
pub const ENQUIRY_SUBJECT_MAX: usize = 200;
/// An enquiry's message, in characters.
pub const ENQUIRY_MESSAGE_MAX: usize = 5_000;
/// Enquiries one account may send in [`ENQUIRY_WINDOW`], to every co-op together.
pub const ENQUIRIES_PER_WINDOW: i64 = 10;
/// The window [`ENQUIRIES_PER_WINDOW`] counts over: a day.
pub const ENQUIRY_WINDOW: Duration = Duration::days(1);

/// An enquiry as sent.
#[derive(Debug, Clone, Default)]
pub struct EnquiryDraft {
    /// What it is about.
    pub subject: String,
    /// What the sender asks.
    pub message: String,
}

/// A checked enquiry: both parts trimmed and within their lengths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryInput {
    /// What it is about.
    pub subject: String,
    /// What the sender asks.
    pub message: String,
}

fn part(raw: &str, max: usize, pointer: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(FieldError::new(
            pointer,
            format!("must be 1 to {max} characters long"),
        ));
    }
    Ok(value.to_owned())
}

impl EnquiryInput {
    /// Checks both parts of `draft`.
    pub fn parse(draft: EnquiryDraft) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let subject = errors.check(part(&draft.subject, ENQUIRY_SUBJECT_MAX, "/subject"));
        let message = errors.check(part(&draft.message, ENQUIRY_MESSAGE_MAX, "/message"));
        errors.finish(|| {
            Some(Self {
                subject: subject?,
                message: message?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_parts_are_needed_and_bounded() {
        let errors = EnquiryInput::parse(EnquiryDraft {
            subject: "  ".into(),
            message: "x".repeat(ENQUIRY_MESSAGE_MAX + 1),
        })
        .unwrap_err();
        let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/subject", "/message"]);
        let input = EnquiryInput::parse(EnquiryDraft {
            subject: " Hosting ".into(),
            message: "Could you host our site?".into(),
        })
        .unwrap();
        assert_eq!(input.subject, "Hosting");
    }
}
