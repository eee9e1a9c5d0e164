//! Links to a bid's documents: where the drafts, the tender pack and the
//! evidence are, kept as links rather than uploads.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::validation::ValidationErrors;

/// The longest title, in characters.
pub const DOCUMENT_TITLE_MAX: usize = 200;
/// The longest URL, in characters.
pub const DOCUMENT_URL_MAX: usize = 2000;
/// The longest kind, in characters.
pub const DOCUMENT_KIND_MAX: usize = 50;

/// A link as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidDocument {
    /// Stable identifier.
    pub id: Uuid,
    /// What it is called.
    pub title: String,
    /// Where it is.
    pub url: String,
    /// What kind of document, as the adder says.
    pub kind: Option<String>,
    /// Who added it: their account's name now.
    pub added_by: Option<String>,
    /// The co-op they added it for.
    pub added_for: Option<Uuid>,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// A link as someone adds it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInput {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// Kind.
    pub kind: Option<String>,
}

fn text(raw: &str, max: usize, pointer: &str) -> Result<String, crate::FieldError> {
    let value = raw.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(crate::FieldError::new(
            pointer,
            format!("must be 1 to {max} characters long"),
        ));
    }
    Ok(value.to_owned())
}

impl DocumentInput {
    /// Checks every field: a title, an `http(s)://` URL, an optional kind.
    pub fn parse(title: &str, url: &str, kind: Option<&str>) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = errors.check(text(title, DOCUMENT_TITLE_MAX, "/title"));
        let url = errors.check(crate::text::web_url(url, DOCUMENT_URL_MAX, "/url"));
        let kind = match kind {
            Some(kind) => errors
                .check(text(kind, DOCUMENT_KIND_MAX, "/kind"))
                .map(Some),
            None => Some(None),
        };
        errors.finish(|| {
            Some(Self {
                title: title?,
                url: url?,
                kind: kind?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_needs_a_title_and_a_web_address() {
        let ok = DocumentInput::parse(" Draft ", "https://pad.example.coop/p/bid", Some("draft"));
        assert_eq!(ok.unwrap().title, "Draft");
        let bad = DocumentInput::parse(" ", "ftp://x", Some("")).unwrap_err();
        let pointers: Vec<&str> = bad.0.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/title", "/url", "/kind"]);
    }
}
