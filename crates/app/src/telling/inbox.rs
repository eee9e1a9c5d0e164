//! The inbox: what a person was told, as every face shows it, and
//! marking it read.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::notify::EventKind;
use coophub_store::notifications::{self, Notification, NotificationFilter};
use coophub_store::{DbConnection, Page};
use serde::Serialize;
use uuid::Uuid;

use crate::{AppError, signed_in};

/// What a notification is about.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubjectView {
    /// `placement`, `bid`, `coop` or `swap`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its id (a co-op's slug).
    pub id: String,
    /// Its path in this API.
    pub link: String,
}

/// One notification.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationView {
    /// Its id.
    pub id: Uuid,
    /// What happened, `<resource>.<verb>`.
    pub kind: EventKind,
    /// What happened, in words.
    pub summary: String,
    /// What it happened to.
    pub subject: SubjectView,
    /// Who did it.
    pub actor: Option<String>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// When it was read; `null` while unread.
    pub read_at: Option<DateTime<Utc>>,
}

impl From<Notification> for NotificationView {
    fn from(n: Notification) -> Self {
        Self {
            id: n.id,
            kind: n.kind,
            summary: n.summary,
            subject: SubjectView {
                kind: n.subject_type,
                id: n.subject_id,
                link: n.link,
            },
            actor: n.actor_name,
            created_at: n.created_at,
            read_at: n.read_at,
        }
    }
}

/// A page of the inbox.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inbox {
    /// Unread first, newest first within each.
    pub items: Vec<NotificationView>,
    /// How many match.
    pub total: i64,
    /// How many are unread in all.
    pub unread: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// How many were marked read.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkedRead {
    /// Notifications that were unread.
    pub marked: usize,
}

/// A page of the viewer's inbox, newest first, with how many are unread.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    filter: NotificationFilter,
    page: Page,
) -> Result<Inbox, AppError> {
    let user = signed_in(viewer)?.id;
    let (items, total, unread) = notifications::list(conn, user, filter, page)?;
    Ok(Inbox {
        items: items.into_iter().map(Into::into).collect(),
        total,
        unread,
        page: page.number,
        per_page: page.size,
    })
}

/// Marks the viewer's notification `id` read.
pub fn read(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let user = signed_in(viewer)?.id;
    if notifications::mark_read(conn, user, id, now)? {
        Ok(())
    } else {
        Err(AppError::NotFound(format!("no notification {id}")))
    }
}

/// Marks every notification of the viewer's read.
pub fn read_all(
    conn: &mut DbConnection,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> Result<MarkedRead, AppError> {
    let user = signed_in(viewer)?.id;
    let marked = notifications::mark_all_read(conn, user, now)?;
    Ok(MarkedRead { marked })
}
