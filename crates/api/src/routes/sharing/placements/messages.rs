//! `GET` and `POST /api/v1/placements/{id}/messages`: the placement's
//! conversation, for both sides (the two co-ops' people and the person
//! placed); network admins are refused (403), everyone else told nothing.

use actix_web::{HttpResponse, get, post, web};
use coophub_app::sharing::placements::messages::{self, MessageBody};
use coophub_app::telling::conversation::{MessageList, MessageView};
use uuid::Uuid;

use crate::auth::SignedIn;
use crate::extract::{Checked, Query};
use crate::paging::PageQuery;
use crate::problem::{ApiError, JsonBody, PlacementParty, QueryString, TokenRequired};
use crate::state::AppState;

/// The placement's conversation, oldest first.
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The placement's id"), PageQuery),
    responses(
        TokenRequired, QueryString, PlacementParty,
        (status = 200, description = "A page of messages", body = MessageList),
    )
)]
#[get("/placements/{id}/messages")]
pub async fn list_placement_messages(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> Result<web::Json<MessageList>, ApiError> {
    crate::conversation::page(&state, caller, id.into_inner(), &query.0, messages::list).await
}

/// Write in the placement's conversation; the two co-ops' admins and the
/// person placed are told (but the author).
#[utoipa::path(
    tag = "sharing",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The placement's id")),
    request_body = MessageBody,
    responses(
        TokenRequired, JsonBody, PlacementParty,
        (status = 201, description = "Written", body = MessageView),
    )
)]
#[post("/placements/{id}/messages")]
pub async fn post_placement_message(
    state: web::Data<AppState>,
    caller: SignedIn,
    id: web::Path<Uuid>,
    body: Checked<MessageBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.check(Ok)?;
    crate::conversation::written(&state, caller, id.into_inner(), body, messages::post).await
}
