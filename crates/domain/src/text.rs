//! Text hygiene, the same on both backends: PostgreSQL cannot store NUL at
//! all, and no field of ours means to hold control characters, so they are
//! refused at the edge (request bodies, paths, query strings) with a clear
//! message instead of failing in the database.

use crate::validation::{FieldError, ValidationErrors};

/// Whether `text` holds a character no body field may: NUL or another
/// control character, except newline, carriage return and tab (long text).
pub fn has_forbidden_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// Whether `text` holds any control character at all (for paths, query
/// parameters and one-line names).
pub fn has_control(text: &str) -> bool {
    text.chars().any(char::is_control)
}

/// What to tell a client whose input held one.
pub const CONTROL_MESSAGE: &str =
    "must not contain NUL or other control characters (newlines and tabs only in long text)";

/// Every string (value or key) in the JSON `document` holding NUL or
/// another control character, at its pointer: the same refusal on both
/// backends, for every field at once, before anything reaches the database.
/// Request bodies and imported OCDS packages (API, CLI and sync) alike.
pub fn control_characters(document: &serde_json::Value) -> ValidationErrors {
    let mut found = ValidationErrors::default();
    find_controls(document, &mut String::new(), &mut found);
    found
}

fn find_controls(value: &serde_json::Value, pointer: &mut String, found: &mut ValidationErrors) {
    use serde_json::Value;
    match value {
        Value::String(text) if has_forbidden_control(text) => {
            found
                .0
                .push(FieldError::new(pointer.clone(), CONTROL_MESSAGE));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                find_controls(item, pointer, found);
                pointer.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                if has_control(key) {
                    found.0.push(FieldError::new(
                        pointer
                            .chars()
                            .filter(|c| !c.is_control())
                            .collect::<String>(),
                        "field names must not contain control characters",
                    ));
                } else {
                    find_controls(item, pointer, found);
                }
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// `raw`, trimmed, if it is an `http://` or `https://` URL with something
/// after the scheme, no white space and at most `max` characters; the
/// problem at `pointer` otherwise.
pub fn web_url(raw: &str, max: usize, pointer: &str) -> Result<String, crate::FieldError> {
    let raw = raw.trim();
    let valid = (raw.starts_with("https://") || raw.starts_with("http://"))
        && raw.chars().count() <= max
        && raw
            .split("://")
            .nth(1)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace));
    if valid {
        Ok(raw.to_owned())
    } else {
        Err(crate::FieldError::new(
            pointer,
            format!("must be an http:// or https:// URL of at most {max} characters"),
        ))
    }
}

/// Text made safe to put in HTML, in element content or a quoted attribute
/// (mail and invoice pages build small documents by hand).
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_shown_not_run() {
        assert_eq!(
            html_escape("<b>Tom & \"Jo's\"</b>"),
            "&lt;b&gt;Tom &amp; &quot;Jo&#39;s&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn nul_and_other_controls_are_refused_newlines_and_tabs_are_not() {
        assert!(has_forbidden_control("a\u{0}b"));
        assert!(has_forbidden_control("bell\u{7}"));
        assert!(has_forbidden_control("esc\u{1b}[31m"));
        assert!(has_forbidden_control("c1\u{85}"));
        assert!(!has_forbidden_control("two\nlines\twith tabs\r\n"));
        assert!(!has_forbidden_control("Zürich · ☕"));
        assert!(has_control("tab\there"));
        assert!(!has_control("plain"));
    }
}
