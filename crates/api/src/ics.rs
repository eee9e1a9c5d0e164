//! Calendar feeds as RFC 5545 text, and the secret keys calendar apps read
//! them with: what the placement feeds and the deadline feed share.

use icalendar::Calendar;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// Who made the feeds (RFC 5545 §3.7.3), in the formal public identifier form.
const PRODUCT_ID: &str = concat!("-//coophub//coophub ", env!("CARGO_PKG_VERSION"), "//EN");

/// An empty calendar named `name`, with coophub as its product.
pub fn new_calendar(name: &str) -> Calendar {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODUCT_ID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(&text(name));
    calendar
}

/// `value` fit for a TEXT property (RFC 5545 §3.3.11), which may hold no
/// control character but tab: each line break (CR LF, CR or LF) becomes one
/// newline, which the writer escapes as `\n`, and every other control
/// character is dropped. A bare CR would otherwise end the content line, and
/// what followed it (`END:VEVENT`, `BEGIN:VEVENT`…) would be read as lines of
/// the feed.
pub fn text(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// The stored form of a feed secret: its SHA-256, in hex.
pub fn secret_hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A new feed secret: 32 random bytes, in hex.
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A calendar answer: iCalendar text, never kept by caches on the way.
pub fn ics_response(text: String) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "private, no-store"))
        .body(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_keep_their_line_breaks_as_newlines_and_lose_other_controls() {
        assert_eq!(text("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(
            text("tab\there\u{0}\u{1b}[31m\u{85}\u{7f}"),
            "tab\there[31m"
        );
        assert_eq!(text("Zürich · ☕"), "Zürich · ☕");
    }

    #[test]
    fn the_product_is_coophub() {
        let calendar = new_calendar("x\ry").to_string();
        assert!(
            calendar.contains("PRODID:-//coophub//coophub "),
            "{calendar}"
        );
        assert!(calendar.contains("X-WR-CALNAME:x\\ny\r\n"), "{calendar}");
    }
}

/// How a calendar app proves it may read the feed.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// The feed's secret, from `POST /api/v1/coops/{slug}/calendar-feeds`
    /// (instead of an `Authorization` header).
    pub key: Option<String>,
}
