//! `GET /api/v1/me/notifications`, `POST /api/v1/me/notifications/{id}/read`
//! and `POST /api/v1/me/notifications/read-all`: what the signed-in account
//! was told, unread first.

use actix_web::{HttpResponse, get, post, web};
use coophub_app::telling::inbox::{self, Inbox, MarkedRead};
use coophub_store::notifications::NotificationFilter;
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::extract::{Query, Timestamp};
use crate::paging::PageQuery;
use crate::problem::{ApiError, Problem, QueryString, TokenRequired};
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

/// The signed-in account's notifications: each says what happened, to
/// what, who did it, and links to it.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    params(InboxQuery),
    responses(
        TokenRequired, QueryString,
        (status = 200, description = "A page of notifications", body = Inbox),
    )
)]
#[get("/me/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    caller: SignedIn,
    query: Query<InboxQuery>,
) -> Result<web::Json<Inbox>, ApiError> {
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
    let (_, found) = state
        .read(caller, move |conn, viewer| {
            Ok(inbox::list(conn, viewer, filter, page)?)
        })
        .await?;
    Ok(web::Json(found))
}

/// Marks one notification read (again is fine).
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The notification's id")),
    responses(
        TokenRequired,
        (status = 204, description = "Read"),
        (status = 404, description = "No such notification of the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/notifications/{id}/read")]
pub async fn read_notification(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    state
        .write(caller, move |conn, viewer| {
            Ok(inbox::read(conn, viewer, id, now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Marks every unread notification read.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        TokenRequired,
        (status = 200, description = "Read", body = MarkedRead),
    )
)]
#[post("/me/notifications/read-all")]
pub async fn read_all_notifications(
    state: web::Data<AppState>,
    caller: SignedIn,
) -> Result<web::Json<MarkedRead>, ApiError> {
    let now = state.clock.now();
    let (_, marked) = state
        .write(caller, move |conn, viewer| {
            Ok(inbox::read_all(conn, viewer, now)?)
        })
        .await?;
    Ok(web::Json(marked))
}
