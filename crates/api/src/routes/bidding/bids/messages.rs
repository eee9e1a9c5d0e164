//! `GET` and `POST /api/v1/bids/{id}/messages`: the bid's conversation.
//! The consortium talks among itself; the bid's managers with each invited
//! co-op, privately (`to`); invited co-ops read only what is said between
//! them and the managers; everyone else is told nothing (404).

use actix_web::{HttpResponse, get, post, web};
use coophub_app::bidding::messages::{self, BidMessageBody};
use coophub_app::telling::conversation::{MessageList, MessageView};
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::extract::{Checked, Query};
use crate::paging::PageQuery;
use crate::problem::{ApiError, BidConsortium, JsonBody, QueryString, TokenRequired};
use crate::state::AppState;

/// The bid's conversation as the caller may read it, oldest first: the
/// consortium's messages to its members, and those between the bid's
/// managers and an invited co-op to both.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id"), PageQuery),
    responses(
        TokenRequired, QueryString,
        (status = 200, description = "A page of messages", body = MessageList),
        (status = 404, description = "No such bid (or not the caller's)", body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/bids/{id}/messages")]
pub async fn list_bid_messages(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> Result<web::Json<MessageList>, ApiError> {
    crate::conversation::page(&state, caller, id.into_inner(), &query.0, messages::list).await
}

/// Write in the bid's conversation: to the consortium, or (`to`) between
/// the bid's managers and an invited co-op. The others who read it are told
/// (inbox and mail).
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = BidMessageBody,
    responses(
        TokenRequired, JsonBody, BidConsortium,
        (status = 201, description = "Written", body = MessageView),
    )
)]
#[post("/bids/{id}/messages")]
pub async fn post_bid_message(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<BidMessageBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.check(Ok)?;
    crate::conversation::written(&state, caller, id.into_inner(), body, messages::post).await
}
