//! `GET /api/v1/me/notifications`, `POST /api/v1/me/notifications/{id}/read`
//! and `POST /api/v1/me/notifications/read-all`: what the signed-in account
//! was told, unread first.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use coophub_domain::notify::EventKind;
use coophub_store::notifications::{self, Notification, NotificationFilter};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::{Caller, signed_in};
use crate::extract::{Query, Timestamp};
use crate::problem::{ApiError, Problem, QueryString, SignedIn};
use crate::routes::pagination::PageQuery;
use crate::state::AppState;

/// The inbox's query string.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u32>,
    /// Only notifications created or read after this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    pub updated_since: Option<Timestamp>,
    /// Only unread ones.
    pub unread: Option<bool>,
}

/// What a notification is about.
#[derive(Debug, Serialize, ToSchema)]
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
#[derive(Debug, Serialize, ToSchema)]
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
#[derive(Debug, Serialize, ToSchema)]
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
#[derive(Debug, Serialize, ToSchema)]
pub struct MarkedRead {
    /// Notifications that were unread.
    pub marked: usize,
}

/// The signed-in account's notifications: each says what happened, to
/// what, who did it, and links to it.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    params(InboxQuery),
    responses(
        SignedIn, QueryString,
        (status = 200, description = "A page of notifications", body = Inbox),
    )
)]
#[get("/me/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    caller: Caller,
    query: Query<InboxQuery>,
) -> Result<web::Json<Inbox>, ApiError> {
    let caller = caller.require_token()?;
    let query = query.0;
    let page = PageQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .page()?;
    let filter = NotificationFilter {
        updated_since: query.updated_since.map(|at| at.0),
        unread_only: query.unread.unwrap_or(false),
    };
    let (_, (items, total, unread)) = state
        .read(caller, move |conn, viewer| {
            let user = signed_in(viewer)?.id;
            Ok(notifications::list(conn, user, filter, page)?)
        })
        .await?;
    Ok(web::Json(Inbox {
        items: items.into_iter().map(Into::into).collect(),
        total,
        unread,
        page: page.number,
        per_page: page.size,
    }))
}

/// Marks one notification read (again is fine).
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The notification's id")),
    responses(
        SignedIn,
        (status = 204, description = "Read"),
        (status = 404, description = "No such notification of the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/notifications/{id}/read")]
pub async fn read_notification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let id = id.into_inner();
    let now = state.clock.now();
    state
        .write(caller, move |conn, viewer| {
            let user = signed_in(viewer)?.id;
            if notifications::mark_read(conn, user, id, now)? {
                Ok(())
            } else {
                Err(ApiError::NotFound(format!("no notification {id}")))
            }
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Marks every unread notification read.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        SignedIn,
        (status = 200, description = "Read", body = MarkedRead),
    )
)]
#[post("/me/notifications/read-all")]
pub async fn read_all_notifications(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<MarkedRead>, ApiError> {
    let caller = caller.require_token()?;
    let now = state.clock.now();
    let (_, marked) = state
        .write(caller, move |conn, viewer| {
            let user = signed_in(viewer)?.id;
            Ok(notifications::mark_all_read(conn, user, now)?)
        })
        .await?;
    Ok(web::Json(MarkedRead { marked }))
}
