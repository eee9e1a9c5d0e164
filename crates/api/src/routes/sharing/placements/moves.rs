//! `POST /api/v1/placements/{id}/{accept,decline,start,complete,cancel}`:
//! one placement's life, each move allowed by the state machine
//! (`coophub_domain::sharing::PlacementState::after`) and by who asks.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_app::guard::{Lock, load};
use coophub_app::sharing::placements::Involved;
use coophub_domain::access::sharing as access;
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{PlacementAction, reason};
use coophub_domain::{Expected, FieldError, ValidationErrors};
use coophub_store::sharing::placements::{self, Doing, Move};
use uuid::Uuid;

use super::{PlacementView, ReasonBody, placement_response, view_of};
use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired, Versioned};
use crate::state::AppState;
use coophub_app::sharing::placements::PlacementRule;
use coophub_app::sharing::placements::check_fits;
use coophub_app::telling::tell;

/// One move asked for.
struct Asked {
    id: Uuid,
    action: PlacementAction,
    rule: PlacementRule,
    reason: String,
    expected: Option<Expected>,
}

async fn act(state: &AppState, caller: SignedIn, asked: Asked) -> Result<HttpResponse, ApiError> {
    let now = state.clock.now();
    let today = now.date_naive();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            let involved = load::<Involved>(conn, viewer, &asked.id, asked.rule, Lock::ForChange)?;
            let placement = &involved.placement;
            let current = placement.state_on(today);
            let to = current.after(asked.action).map_err(|illegal| {
                ApiError::conflict(
                    Code::PlacementState,
                    format!(
                        "a placement that is {} cannot be {}",
                        illegal.from.as_str(),
                        done(asked.action)
                    ),
                )
            })?;
            if to.holds_time()
                && !current.holds_time()
                && let Some(offer) = placement.offer_id
            {
                check_fits(conn, offer, Some(placement.id), placement.booking())?;
            }
            let step = Move {
                action: asked.action,
                to,
                started_by_date: current != placement.state,
            };
            let by = Doing {
                user: viewer.user_id(),
                reason: &asked.reason,
                at: now,
            };
            let moved =
                placements::record_move(conn, placement, asked.expected.as_ref(), step, by)?;
            let kind = match asked.action {
                PlacementAction::Accept => EventKind::PlacementAccepted,
                PlacementAction::Decline => EventKind::PlacementDeclined,
                PlacementAction::Start => EventKind::PlacementStarted,
                PlacementAction::Complete => EventKind::PlacementCompleted,
                PlacementAction::Cancel => EventKind::PlacementCancelled,
            };
            let coops = [&involved.offering, &involved.requesting];
            tell::placement(conn, viewer, &moved, coops, kind, now)?;
            let involved = super::Involved {
                placement: moved,
                ..involved
            };
            view_of(
                conn,
                viewer,
                involved.placement,
                [&involved.offering, &involved.requesting],
                today,
            )
        })
        .await?;
    Ok(placement_response(StatusCode::OK, view))
}

fn done(action: PlacementAction) -> &'static str {
    match action {
        PlacementAction::Accept => "accepted",
        PlacementAction::Decline => "declined",
        PlacementAction::Start => "started",
        PlacementAction::Complete => "completed",
        PlacementAction::Cancel => "cancelled",
    }
}

/// The reason sent, checked; `required` for a cancellation.
fn reason_of(body: ReasonBody, required: bool) -> Result<String, ApiError> {
    let mut errors = ValidationErrors::default();
    let text = reason(body.reason, "/reason", &mut errors);
    if required && text.is_empty() {
        errors.0.push(FieldError::new(
            "/reason",
            "is required: say why, for the other side",
        ));
    }
    errors.finish(|| Some(text)).map_err(Into::into)
}

macro_rules! placement_move {
    ($name:ident, $path:literal, $action:expr, $rule:expr, $summary:literal, $who:literal) => {
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
                    let asked = Asked {
                id: id.into_inner(),
                action: $action,
                rule: $rule,
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
            let reason = body.check(|body| reason_of(body, $required))?;
            let asked = Asked {
                id: id.into_inner(),
                action: $action,
                rule: if $action == PlacementAction::Decline {
                    access::decide_placement
                } else {
                    access::run_placement
                },
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
    access::decide_placement,
    "The offering co-op's admins accept: the time is promised, if it still fits.",
    "Not an admin of the offering co-op"
);
placement_move!(
    start_placement,
    "/placements/{id}/start",
    PlacementAction::Start,
    access::run_placement,
    "Either co-op's admins start an accepted placement before its start date (it starts by itself on it).",
    "Not an admin of either co-op"
);
placement_move!(
    complete_placement,
    "/placements/{id}/complete",
    PlacementAction::Complete,
    access::run_placement,
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
