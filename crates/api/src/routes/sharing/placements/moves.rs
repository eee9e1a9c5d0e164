//! `POST /api/v1/placements/{id}/{accept,decline,start,complete,cancel}`:
//! one placement's life, each move allowed by the state machine
//! (`coophub_domain::sharing::PlacementState::after`) and by who asks.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_app::sharing::placements::{self, MoveAsked, reason_of, rule_of};
use coophub_domain::sharing::PlacementAction;
use uuid::Uuid;

use super::{PlacementView, ReasonBody, placement_response};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired, Versioned};
use crate::state::AppState;

/// Makes the move asked and answers the placement as it now stands.
async fn act(
    state: &AppState,
    caller: SignedIn,
    asked: MoveAsked,
) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(placements::make_move(conn, viewer, &asked, now)?)
        })
        .await?;
    Ok(placement_response(StatusCode::OK, view))
}

macro_rules! placement_move {
    ($name:ident, $path:literal, $action:expr, $summary:literal, $who:literal) => {
        #[doc = $summary]
        #[utoipa::path(
            tag = "sharing",
            security(("bearer" = [])),
            params(
                ("id" = Uuid, Path, description = "The placement's id"),
                ("If-Match" = Option<String>, Header, description = "The ETag this is based on"),
            ),
            responses(
                TokenRequired, Versioned,
                (status = 200, description = "Done", body = PlacementView),
                (status = 403, description = $who, body = Problem, content_type = "application/problem+json"),
                (status = 404, description = "No such placement", body = Problem, content_type = "application/problem+json"),
                (status = 409, description = "Not allowed in the placement's state (`placement_state`), or the time no longer fits (`over_capacity`)", body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[post($path)]
        pub async fn $name(
            req: HttpRequest,
            state: web::Data<AppState>,
            caller: SignedIn,
            id: web::Path<Uuid>,
        ) -> Result<HttpResponse, ApiError> {
                    let asked = MoveAsked {
                id: id.into_inner(),
                action: $action,
                rule: rule_of($action),
                reason: String::new(),
                expected: expected_version(&req)?,
            };
            act(&state, caller, asked).await
        }
    };
}

macro_rules! placement_move_with_reason {
    ($name:ident, $path:literal, $action:expr, $required:expr, $summary:literal) => {
        #[doc = $summary]
        #[utoipa::path(
            tag = "sharing",
            security(("bearer" = [])),
            params(
                ("id" = Uuid, Path, description = "The placement's id"),
                ("If-Match" = Option<String>, Header, description = "The ETag this is based on"),
            ),
            request_body = ReasonBody,
            responses(
                TokenRequired, JsonBody, Versioned,
                (status = 200, description = "Done", body = PlacementView),
                (status = 403, description = "Not an admin of the co-op that decides this", body = Problem, content_type = "application/problem+json"),
                (status = 404, description = "No such placement", body = Problem, content_type = "application/problem+json"),
                (status = 409, description = "Not allowed in the placement's state (`placement_state`)", body = Problem, content_type = "application/problem+json"),
            )
        )]
        #[post($path)]
        pub async fn $name(
            req: HttpRequest,
            state: web::Data<AppState>,
            caller: SignedIn,
            id: web::Path<Uuid>,
            body: Checked<ReasonBody>,
        ) -> Result<HttpResponse, ApiError> {
                    let expected = expected_version(&req)?;
            let reason = body.check(|body| Ok(reason_of(body.reason, $required)?))?;
            let asked = MoveAsked {
                id: id.into_inner(),
                action: $action,
                rule: rule_of($action),
                reason,
                expected,
            };
            act(&state, caller, asked).await
        }
    };
}

placement_move!(
    accept_placement,
    "/placements/{id}/accept",
    PlacementAction::Accept,
    "The offering co-op's admins accept: the time is promised, if it still fits.",
    "Not an admin of the offering co-op"
);
placement_move!(
    start_placement,
    "/placements/{id}/start",
    PlacementAction::Start,
    "Either co-op's admins start an accepted placement before its start date (it starts by itself on it).",
    "Not an admin of either co-op"
);
placement_move!(
    complete_placement,
    "/placements/{id}/complete",
    PlacementAction::Complete,
    "Either co-op's admins mark an active placement done.",
    "Not an admin of either co-op"
);
placement_move_with_reason!(
    decline_placement,
    "/placements/{id}/decline",
    PlacementAction::Decline,
    false,
    "The offering co-op's admins decline a request, optionally saying why."
);
placement_move_with_reason!(
    cancel_placement,
    "/placements/{id}/cancel",
    PlacementAction::Cancel,
    true,
    "Either co-op's admins call off a requested, accepted or active placement, saying why."
);
