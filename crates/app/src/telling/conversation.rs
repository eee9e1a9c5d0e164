//! Messages as answers show them, for every conversation (a bid's, a
//! placement's): who wrote, for which co-op, to whom, what and when.

use chrono::{DateTime, Utc};
use coophub_domain::conversation::Message;
use serde::Serialize;
use uuid::Uuid;

use crate::shapes::CoopRef;

/// Who wrote a message.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuthorView {
    /// Their name, as their account gives it now (`null` once it is closed).
    pub name: Option<String>,
    /// The co-op they wrote for.
    pub coop: Option<CoopRef>,
}

/// A message of a conversation.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageView {
    /// Its id.
    pub id: Uuid,
    /// Who wrote it.
    pub author: AuthorView,
    /// In a bid: the invited co-op it is between (with the bid's managers);
    /// `null`: the whole consortium's, or a placement's two co-ops'.
    pub to: Option<CoopRef>,
    /// What they wrote.
    pub text: String,
    /// When (UTC).
    pub created_at: DateTime<Utc>,
}

/// A page of a conversation.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageList {
    /// Oldest first.
    pub items: Vec<MessageView>,
    /// How many the caller may read in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

impl MessageList {
    /// The page `page` of `found` (of `total`), naming co-ops as `coop_ref` does.
    pub fn of(
        found: Vec<Message>,
        total: i64,
        page: coophub_store::Page,
        coop_ref: &dyn Fn(Uuid) -> Option<CoopRef>,
    ) -> Self {
        Self {
            items: found
                .into_iter()
                .map(|m| MessageView::new(m, coop_ref))
                .collect(),
            total,
            page: page.number,
            per_page: page.size,
        }
    }
}

impl MessageView {
    /// `message`, naming co-ops as `coop_ref` does.
    pub fn new(message: Message, coop_ref: &dyn Fn(Uuid) -> Option<CoopRef>) -> Self {
        Self {
            id: message.id,
            author: AuthorView {
                name: message.author_name,
                coop: message.author_coop.and_then(coop_ref),
            },
            to: message.to_coop.and_then(coop_ref),
            text: message.text,
            created_at: message.created_at,
        }
    }
}
