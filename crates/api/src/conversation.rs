//! What the conversation routes of bids and placements share: reading a
//! page of a thread, and writing a message (201 with the message).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use coophub_app::AppError;
use coophub_app::telling::conversation::{MessageList, MessageView};
use coophub_domain::access::Viewer;
use coophub_store::{DbConnection, Page};
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::paging::PageQuery;
use crate::problem::ApiError;
use crate::state::AppState;

/// An operation reading a page of thread `id`.
pub type ReadPage = fn(&mut DbConnection, &Viewer, Uuid, Page) -> Result<MessageList, AppError>;

/// An operation writing a message in thread `id`.
pub type Write<B> =
    fn(&mut DbConnection, &Viewer, Uuid, &B, DateTime<Utc>) -> Result<MessageView, AppError>;

/// The page `query` asks for of thread `id`, as `read` gives it.
pub async fn page(
    state: &AppState,
    caller: SignedIn,
    id: Uuid,
    query: &PageQuery,
    read: ReadPage,
) -> Result<web::Json<MessageList>, ApiError> {
    let page = query.page()?;
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(read(conn, viewer, id, page)?)
        })
        .await?;
    Ok(web::Json(list))
}

/// Writes `body` in thread `id` with `write`; 201 with the message.
pub async fn written<B: Send + 'static>(
    state: &AppState,
    caller: SignedIn,
    id: Uuid,
    body: B,
    write: Write<B>,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(write(conn, viewer, id, &body, now)?)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(view))
}
