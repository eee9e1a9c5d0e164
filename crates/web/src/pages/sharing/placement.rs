//! `GET /placements/{id}`: a placement, its moves so far and its
//! conversation, with a button for each move the visitor may make now
//! (`POST /placements/{id}/{accept,decline,start,complete,cancel}`) and a
//! message form (`POST /placements/{id}/messages`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use coophub_api::{ApiError, AppState};
use coophub_app::sharing::placements::desk::{self, Desk};
use coophub_app::sharing::placements::messages::{self, MessageBody};
use coophub_app::sharing::placements::{self, MoveAsked, reason_of, rule_of};
use coophub_domain::sharing::PlacementAction;
use serde::Deserialize;
use uuid::Uuid;

use crate::forms::{self, Done, Notice};
use crate::render::{Chrome, page_of, problem};
use crate::session::read;
use crate::words::money_in_words;

/// A move as the page offers it: its button, its address, and whether it
/// asks why.
struct Move {
    action: PlacementAction,
    path: &'static str,
    button: &'static str,
    /// `Some(required)` when the other side is told why.
    reason: Option<bool>,
}

const MOVES: [Move; 5] = [
    Move {
        action: PlacementAction::Accept,
        path: "accept",
        button: "Accept",
        reason: None,
    },
    Move {
        action: PlacementAction::Decline,
        path: "decline",
        button: "Decline",
        reason: Some(false),
    },
    Move {
        action: PlacementAction::Start,
        path: "start",
        button: "Start it now",
        reason: None,
    },
    Move {
        action: PlacementAction::Complete,
        path: "complete",
        button: "Mark it done",
        reason: None,
    },
    Move {
        action: PlacementAction::Cancel,
        path: "cancel",
        button: "Call it off",
        reason: Some(true),
    },
];

/// The placement's page.
#[derive(Template)]
#[template(path = "placement.html")]
pub struct PlacementPage {
    chrome: Chrome,
    desk: Desk,
    notice: Notice,
}

impl PlacementPage {
    /// The moves the visitor may make now, as the page offers them.
    fn moves(&self) -> Vec<&'static Move> {
        MOVES
            .iter()
            .filter(|m| self.desk.moves.contains(&m.action))
            .collect()
    }
}

async fn page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let today = state.clock.now().date_naive();
    let found = read(state, req, move |conn, viewer| {
        Ok(desk::of_placement(conn, viewer, id, today)?)
    })
    .await;
    page_of(req, found, status, |chrome, desk| PlacementPage {
        chrome,
        desk,
        notice,
    })
}

/// After a form on the placement: back to it saying `done`, or the page
/// again saying why not, with what was typed.
async fn after<T>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    outcome: Result<T, ApiError>,
    done: &str,
    typed: Notice,
) -> HttpResponse {
    let to = |_| format!("/placements/{id}?done={done}");
    forms::then(outcome, to, typed, |notice, status| {
        page(req, state, id, notice, status)
    })
    .await
}

/// `GET /placements/{id}`.
#[get("/placements/{id}")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    done: web::Query<Done>,
) -> HttpResponse {
    let said = match done.done.as_deref() {
        Some("asked") => {
            Some("You asked for the time: the offering co-op's admins are told, and answer here.")
        }
        Some("moved") => Some("Done: both co-ops are told."),
        Some("message") => Some("Your message was sent."),
        _ => None,
    };
    page(
        &req,
        &state,
        id.into_inner(),
        Notice::done(said),
        StatusCode::OK,
    )
    .await
}

/// A move's form: why, where it asks.
#[derive(Debug, Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /placements/{id}/{move}`.
#[post("/placements/{id}/{move}")]
pub async fn make_move(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, String)>,
    form: web::Form<MoveForm>,
) -> HttpResponse {
    let (id, path) = path.into_inner();
    let MoveForm { reason, csrf } = form.into_inner();
    let Some(step) = MOVES.iter().find(|m| m.path == path) else {
        return problem(
            &req,
            &Default::default(),
            &ApiError::NotFound(format!("no move {path}")),
        );
    };
    let typed = Notice::default().typed("reason", &reason);
    let now = state.clock.now();
    let (action, required) = (step.action, step.reason.unwrap_or(false));
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let given = Some(reason.clone()).filter(|r| !r.trim().is_empty());
        let asked = MoveAsked {
            id,
            action,
            rule: rule_of(action),
            reason: reason_of(given, required)?,
            expected: None,
        };
        placements::make_move(conn, viewer, &asked, now)
    })
    .await;
    after(&req, &state, id, outcome, "moved", typed).await
}

/// A message between the two co-ops.
#[derive(Debug, Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /placements/{id}/messages`.
#[post("/placements/{id}/messages")]
pub async fn post_message(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<MessageForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let MessageForm { text, csrf } = form.into_inner();
    let typed = Notice::default().typed("text", &text);
    let now = state.clock.now();
    let body = MessageBody { text };
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        messages::post(conn, viewer, id, &body, now)
    })
    .await;
    after(&req, &state, id, outcome, "message", typed).await
}
