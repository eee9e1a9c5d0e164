//! A swap between two people who asked to rotate: `GET /swaps/{id}` to its
//! four parties, answered there (`POST /swaps/{id}/answer`); proposed from
//! a rotation's page (`POST /rotations/{id}/swaps`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use coophub_api::AppState;
use coophub_app::sharing::swaps;
use coophub_app::sharing::views::SwapView;
use coophub_domain::sharing::{Party, SwapState};
use serde::Deserialize;
use uuid::Uuid;

use super::rotation::rotation_page;
use super::{Answer, proposal_done};
use crate::forms::{self, Done, Notice};
use crate::render::{Chrome, page_of};
use crate::session::read;

/// The swap's page.
#[derive(Template)]
#[template(path = "swap.html")]
pub struct SwapPage {
    chrome: Chrome,
    swap: SwapView,
    notice: Notice,
}

impl SwapPage {
    /// A party, by name.
    fn party(&self, party: &Party) -> String {
        let (first, second) = (&self.swap.first, &self.swap.second);
        match party {
            Party::FirstPerson => first.person.name.clone(),
            Party::SecondPerson => second.person.name.clone(),
            Party::FirstCoop => first.coop.name.clone(),
            Party::SecondCoop => second.coop.name.clone(),
        }
    }

    /// Still waiting for answers.
    fn open(&self) -> bool {
        self.swap.state == SwapState::Proposed
    }
}

async fn swap_page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        Ok(swaps::show(conn, viewer, id, now)?)
    })
    .await;
    page_of(req, found, status, |chrome, swap| SwapPage {
        chrome,
        swap,
        notice,
    })
}

/// `GET /swaps/{id}`.
#[get("/swaps/{id}")]
pub async fn show_swap(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    done: web::Query<Done>,
) -> HttpResponse {
    let said = proposal_done(&done);
    swap_page(
        &req,
        &state,
        id.into_inner(),
        Notice::done(said),
        StatusCode::OK,
    )
    .await
}

/// The rotation to swap with.
#[derive(Debug, Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    with: Option<Uuid>,
    #[serde(default)]
    csrf: String,
}

/// `POST /rotations/{id}/swaps`: then the swap's page.
#[post("/rotations/{id}/swaps")]
pub async fn propose_swap(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<ProposeForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let ProposeForm { with, csrf } = form.into_inner();
    let now = state.clock.now();
    let proposed = forms::change(&state, &req, &csrf, move |conn, viewer| {
        swaps::propose(conn, viewer, id, with.unwrap_or_default(), now)
    })
    .await;
    let to = |swap: SwapView| format!("/swaps/{}?done=proposed", swap.id);
    forms::then(proposed, to, Notice::default(), |notice, status| {
        rotation_page(&req, &state, id, notice, status)
    })
    .await
}

/// `POST /swaps/{id}/answer`.
#[post("/swaps/{id}/answer")]
pub async fn answer_swap(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<Answer>,
) -> HttpResponse {
    let id = id.into_inner();
    let (agree, csrf) = form.into_inner().read();
    let now = state.clock.now();
    let answered = forms::change(&state, &req, &csrf, move |conn, viewer| {
        swaps::answer(conn, viewer, id, agree, now)
    })
    .await;
    let to = |_| format!("/swaps/{id}?done=answered");
    forms::then(answered, to, Notice::default(), |notice, status| {
        swap_page(&req, &state, id, notice, status)
    })
    .await
}
