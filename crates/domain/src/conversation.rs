//! Conversations kept with what they are about, rather than in e-mail: a
//! bid's (its consortium's, and between the bid's managers and each invited
//! co-op) and a placement's (between its two co-ops). Who may read and
//! write each is the access rules' (`access::bidding::read_message`,
//! `access::sharing`); a message is never shown outside its thread.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::validation::FieldError;

/// The longest message, in characters.
pub const MESSAGE_MAX: usize = 4000;

/// What a conversation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thread {
    /// A bid.
    Bid(Uuid),
    /// A placement.
    Placement(Uuid),
}

impl Thread {
    /// The kind of thing, as stored: `bid` or `placement`.
    pub const fn kind(self) -> &'static str {
        match self {
            Self::Bid(_) => "bid",
            Self::Placement(_) => "placement",
        }
    }

    /// The thing's id.
    pub const fn id(self) -> Uuid {
        match self {
            Self::Bid(id) | Self::Placement(id) => id,
        }
    }
}

/// A message as stored, with its author as their account names them now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Stable identifier.
    pub id: Uuid,
    /// What it is about.
    pub thread: Thread,
    /// In a bid: the invited co-op the message is between (and the bid's
    /// managers); `None`: the whole consortium's (or a placement's two co-ops').
    pub to_coop: Option<Uuid>,
    /// The author's account (`None` once the account is closed).
    pub author_id: Option<Uuid>,
    /// The author's name, as their account gives it now.
    pub author_name: Option<String>,
    /// The co-op the author wrote for.
    pub author_coop: Option<Uuid>,
    /// What they wrote.
    pub text: String,
    /// When (UTC).
    pub created_at: DateTime<Utc>,
}

/// A message's text as written at `pointer`: trimmed, 1 to [`MESSAGE_MAX`]
/// characters.
pub fn message_text(raw: &str, pointer: &str) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.is_empty() || text.chars().count() > MESSAGE_MAX {
        return Err(FieldError::new(
            pointer,
            format!("must be 1 to {MESSAGE_MAX} characters long"),
        ));
    }
    Ok(text.to_owned())
}

/// The first words of `text` for a notification: at most `chars`
/// characters, cut at a word and marked with `…` when cut.
pub fn gist(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars).collect();
    let at_word = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_to_four_thousand_characters() {
        assert_eq!(message_text("  hello \n", "/text"), Ok("hello".to_owned()));
        assert!(message_text(" \n ", "/text").is_err());
        assert!(message_text(&"é".repeat(MESSAGE_MAX), "/text").is_ok());
        let long = message_text(&"a".repeat(MESSAGE_MAX + 1), "/text").unwrap_err();
        assert_eq!(long.pointer, "/text");
    }

    #[test]
    fn a_gist_cuts_at_a_word() {
        assert_eq!(gist("short", 10), "short");
        assert_eq!(gist("the quick brown fox", 12), "the quick…");
        assert_eq!(Thread::Bid(Uuid::nil()).kind(), "bid");
    }
}
