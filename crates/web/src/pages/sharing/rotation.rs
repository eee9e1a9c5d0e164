//! A person's private wish to rotate onto other work, `GET /rotations/{id}`
//! (to them and their co-op's admins), with the social-good requests they
//! could take on and a button proposing them for one; and the proposal,
//! `GET /social-good-proposals/{id}`, which its three parties answer.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use coophub_api::AppState;
use coophub_app::sharing::rotations;
use coophub_app::sharing::views::{
    RotationView, SocialGoodProposalView, SocialGoodSuggestion, SwapSuggestion,
};
use coophub_app::sharing::{social_good, swaps};
use coophub_domain::sharing::{RotationStatus, SwapState};
use serde::Deserialize;
use uuid::Uuid;

use super::{Answer, proposal_done};
use crate::forms::{self, Done, Notice};
use crate::render::{Chrome, page_of};
use crate::session::read;

/// The rotation's page.
#[derive(Template)]
#[template(path = "rotation.html")]
pub struct RotationPage {
    chrome: Chrome,
    rotation: RotationView,
    suggestions: Vec<SocialGoodSuggestion>,
    swaps: Vec<SwapSuggestion>,
    notice: Notice,
}

impl RotationPage {
    /// Whether the person still wants to move (and may be proposed).
    fn open(&self) -> bool {
        self.rotation.status == RotationStatus::Open
    }
}

/// The rotation's page with `notice`, answered with `status`.
pub(super) async fn rotation_page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let found = read(state, req, move |conn, viewer| {
        let rotation = rotations::show(conn, viewer, id)?;
        let suggestions = social_good::suggest(conn, viewer, id)?;
        Ok((rotation, suggestions, swaps::suggest(conn, viewer, id)?))
    })
    .await;
    page_of(
        req,
        found,
        status,
        |chrome, (rotation, suggestions, swaps)| RotationPage {
            chrome,
            rotation,
            suggestions,
            swaps,
            notice,
        },
    )
}

/// `GET /rotations/{id}`.
#[get("/rotations/{id}")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> HttpResponse {
    let id = id.into_inner();
    rotation_page(&req, &state, id, Notice::default(), StatusCode::OK).await
}

/// Proposing the person for a social-good request.
#[derive(Debug, Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    request_id: Option<Uuid>,
    #[serde(default)]
    csrf: String,
}

/// `POST /rotations/{id}/social-good`: then the proposal's page.
#[post("/rotations/{id}/social-good")]
pub async fn propose(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<ProposeForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let ProposeForm { request_id, csrf } = form.into_inner();
    let now = state.clock.now();
    let proposed = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let request = request_id.unwrap_or_default();
        social_good::propose(conn, viewer, id, request, now)
    })
    .await;
    let to =
        |view: SocialGoodProposalView| format!("/social-good-proposals/{}?done=proposed", view.id);
    forms::then(proposed, to, Notice::default(), |notice, status| {
        rotation_page(&req, &state, id, notice, status)
    })
    .await
}

/// A social-good proposal's page.
#[derive(Template)]
#[template(path = "proposal.html")]
pub struct ProposalPage {
    chrome: Chrome,
    proposal: SocialGoodProposalView,
    notice: Notice,
}

impl ProposalPage {
    /// Whether the visitor has an answer to give.
    fn answerable(&self) -> bool {
        self.proposal.state == SwapState::Proposed
            && self
                .proposal
                .you_are
                .iter()
                .any(|party| self.proposal.waiting_for.contains(party))
    }
}

async fn proposal_page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        Ok(social_good::show(conn, viewer, id, now)?)
    })
    .await;
    page_of(req, found, status, |chrome, proposal| ProposalPage {
        chrome,
        proposal,
        notice,
    })
}

/// `GET /social-good-proposals/{id}`.
#[get("/social-good-proposals/{id}")]
pub async fn show_proposal(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    done: web::Query<Done>,
) -> HttpResponse {
    let said = proposal_done(&done);
    proposal_page(
        &req,
        &state,
        id.into_inner(),
        Notice::done(said),
        StatusCode::OK,
    )
    .await
}

/// `POST /social-good-proposals/{id}/answer`.
#[post("/social-good-proposals/{id}/answer")]
pub async fn answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<Answer>,
) -> HttpResponse {
    let id = id.into_inner();
    let (agree, csrf) = form.into_inner().read();
    let now = state.clock.now();
    let answered = forms::change(&state, &req, &csrf, move |conn, viewer| {
        social_good::answer(conn, viewer, id, agree, now)
    })
    .await;
    let to = |_| format!("/social-good-proposals/{id}?done=answered");
    forms::then(answered, to, Notice::default(), |notice, status| {
        proposal_page(&req, &state, id, notice, status)
    })
    .await
}
