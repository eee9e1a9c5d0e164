//! The workspace's forms that move a bid: go or no-go, and submit.

use actix_web::{HttpRequest, HttpResponse, post, web};
use coophub_api::AppState;
use coophub_app::bidding::bids::{self, MoveOptions};
use coophub_domain::bidding::{BidAction, DecisionDraft, DecisionInput};
use serde::Deserialize;
use uuid::Uuid;

use super::after;
use crate::forms::{self, Notice};

/// Go (`go` is `yes`) or not, and why.
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    go: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /bids/{id}/decision`: the lead decides whether to bid.
#[post("/bids/{id}/decision")]
pub async fn decide(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<DecisionForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let DecisionForm { go, reasons, csrf } = form.into_inner();
    let typed = Notice::default().typed("reasons", &reasons);
    let go = go == "yes";
    let now = state.clock.now();
    let draft = DecisionDraft {
        go,
        reasons: Some(reasons).filter(|r| !r.trim().is_empty()),
        criteria: Vec::new(),
    };
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let decision = DecisionInput::parse(draft.clone())?;
        let action = if go { BidAction::Go } else { BidAction::NoGo };
        let options = MoveOptions {
            decision: Some(&decision),
            confirm: false,
        };
        bids::make_move(conn, viewer, id, action, options, now)
    })
    .await;
    after(&req, &state, id, outcome, "decided", typed).await
}

/// Submitting: `confirm` (a ticked box) sends a bid that is not ready.
#[derive(Debug, Deserialize)]
pub struct SubmitForm {
    #[serde(default)]
    confirm: Option<String>,
    #[serde(default)]
    csrf: String,
}

/// `POST /bids/{id}/submit`: the lead records that the bid went to the buyer.
#[post("/bids/{id}/submit")]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<SubmitForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let SubmitForm { confirm, csrf } = form.into_inner();
    let confirm = confirm.is_some();
    let now = state.clock.now();
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let options = MoveOptions {
            decision: None,
            confirm,
        };
        bids::make_move(conn, viewer, id, BidAction::Submit, options, now)
    })
    .await;
    after(&req, &state, id, outcome, "submitted", Notice::default()).await
}
