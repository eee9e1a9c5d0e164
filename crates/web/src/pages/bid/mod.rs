//! The bid workspace, `/bids/{id}`: what the bid's consortium (and the
//! co-ops invited to it) see of it and do to it, one form per change.

mod changes;
mod moves;
mod sections;

pub use changes::{add_document, add_role, answer, invite, post_message};
pub use moves::{decide, submit};
pub use sections::{add_section, update_section};

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use coophub_api::{ApiError, AppState};
use coophub_app::bidding::workspace::{self, Workspace};
use coophub_domain::bidding::{BidState, SectionStatus};
use coophub_domain::money::written;
use uuid::Uuid;

use crate::forms::{self, Done, Notice};
use crate::render::{Chrome, page_of};
use crate::session::read;
use crate::words::skills_in_words;

/// The workspace page.
#[derive(Template)]
#[template(path = "bid.html")]
pub struct BidPage {
    chrome: Chrome,
    work: Workspace,
    notice: Notice,
}

impl BidPage {
    /// `amount` minor units of the bid's currency, in words.
    fn money(&self, amount: &u64) -> String {
        let currency = self
            .work
            .shares
            .as_ref()
            .and_then(|s| s.currency.as_deref())
            .unwrap_or("GBP");
        written(i64::try_from(*amount).unwrap_or(i64::MAX), currency)
    }

    /// Whether the bid still takes partners, roles and a decision.
    fn open(&self) -> bool {
        self.work.bid.state.open()
    }

    /// The section states a section's form offers.
    fn section_states(&self) -> [SectionStatus; 4] {
        [
            SectionStatus::Todo,
            SectionStatus::Drafting,
            SectionStatus::Review,
            SectionStatus::Done,
        ]
    }

    /// A state as its form sends it.
    fn state_value(&self, status: &SectionStatus) -> String {
        serde_json::to_value(status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// Whether the lead decided to bid and has not submitted yet.
    fn going(&self) -> bool {
        self.work.bid.state == BidState::Go
    }

    /// A share in basis points, as a percentage.
    fn percent(&self, basis_points: &u32) -> String {
        format!("{:.2}%", f64::from(*basis_points) / 100.0)
    }
}

/// The workspace of bid `id` with `notice`, answered with `status`.
async fn page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        Ok(workspace::of_bid(conn, viewer, id, now)?)
    })
    .await;
    page_of(req, found, status, |chrome, work| BidPage {
        chrome,
        work,
        notice,
    })
}

/// After a form on the workspace: back to it saying `done`, or the page
/// again saying why not, with what was typed.
async fn after<T>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    outcome: Result<T, ApiError>,
    done: &str,
    typed: Notice,
) -> HttpResponse {
    let to = |_| format!("/bids/{id}?done={done}");
    forms::then(outcome, to, typed, |notice, status| {
        page(req, state, id, notice, status)
    })
    .await
}

/// `GET /bids/{id}`.
#[get("/bids/{id}")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    done: web::Query<Done>,
) -> HttpResponse {
    let said = match done.done.as_deref() {
        Some("role") => Some("The role was added."),
        Some("invited") => Some("The co-op was invited: its admins are told and answer here."),
        Some("answered") => Some("Your answer was sent to the bid's lead."),
        Some("message") => Some("Your message was sent."),
        Some("document") => Some("The link was added."),
        Some("section") => Some("The section was saved."),
        Some("decided") => Some("The decision was recorded; the consortium is told."),
        Some("submitted") => Some("The bid was recorded as submitted; the consortium is told."),
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
