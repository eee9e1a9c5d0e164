//! `GET /offers` and `GET /requests`: what member co-ops offer and ask for,
//! as the visitor may see them; `GET /offers/{id}` and `GET /requests/{id}`
//! with their matches; `POST /offers/{id}/placements`, asking an offer for
//! time, which leads to the placement's page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use coophub_api::AppState;
use coophub_api::paging::PageQuery;
use coophub_app::directory::accounts::{MyCoop, administered};
use coophub_app::sharing::matching::{offers_for_request, requests_for_offer};
use coophub_app::sharing::placements::{self, Asking};
use coophub_app::sharing::views::{
    OfferList, OfferMatchList, OfferView, PlacementView, RequestList, RequestMatchList, RequestView,
};
use coophub_app::sharing::{offers, requests};
use coophub_domain::sharing::{OfferStatus, PlacementDraft, PlacementInput, RequestStatus};
use coophub_store::Page;
use serde::Deserialize;
use uuid::Uuid;

use crate::forms::{self, Notice, Typed};
use crate::paging::Pager;
use crate::render::{Chrome, page_of, problem};
use crate::session::{Visitor, read};
use crate::words::{money_in_words, skills_in_words};

/// Matches shown on an offer's or a request's page.
const MATCHES: Page = Page {
    number: 1,
    size: 10,
};

/// What a listings page lists.
pub enum Listed {
    /// Open offers.
    Offers(OfferList),
    /// Open requests.
    Requests(RequestList),
}

/// `/offers` or `/requests`.
#[derive(Template)]
#[template(path = "listings.html")]
pub struct ListingsPage {
    chrome: Chrome,
    listed: Listed,
    pager: Pager,
}

async fn listings(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    query: PageQuery,
    offers_wanted: bool,
) -> HttpResponse {
    let page = match query.page() {
        Ok(page) => page,
        Err(error) => return problem(req, &Visitor::default(), &error),
    };
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        Ok(if offers_wanted {
            let open = offers::OfferFilters {
                status: Some(OfferStatus::Open),
                ..offers::OfferFilters::default()
            };
            Listed::Offers(offers::list(conn, viewer, open, page, now)?)
        } else {
            let open = requests::RequestFilters {
                status: Some(RequestStatus::Open),
                ..requests::RequestFilters::default()
            };
            Listed::Requests(requests::list(conn, viewer, open, page)?)
        })
    })
    .await;
    page_of(req, found, StatusCode::OK, |chrome, listed| {
        let (base, total) = match &listed {
            Listed::Offers(list) => ("/offers?", list.total),
            Listed::Requests(list) => ("/requests?", list.total),
        };
        let total = u64::try_from(total).unwrap_or(0);
        ListingsPage {
            chrome,
            pager: Pager::new(base.to_owned(), page.number, page.size, total),
            listed,
        }
    })
}

/// `GET /offers`.
#[get("/offers")]
pub async fn offer_list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> HttpResponse {
    listings(&req, &state, query.into_inner(), true).await
}

/// `GET /requests`.
#[get("/requests")]
pub async fn request_list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> HttpResponse {
    listings(&req, &state, query.into_inner(), false).await
}

/// An offer's page.
#[derive(Template)]
#[template(path = "offer.html")]
pub struct OfferPage {
    chrome: Chrome,
    offer: OfferView,
    matches: RequestMatchList,
    /// The co-ops the visitor may ask for time for.
    askers: Vec<MyCoop>,
    notice: Notice,
}

async fn offer_page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        let offer = offers::show(conn, viewer, id, now)?;
        let matches = requests_for_offer(conn, viewer, id, MATCHES, now)?;
        let mut askers = administered(conn, viewer, now)?;
        askers.retain(|my| my.coop.slug != offer.coop.slug);
        Ok((offer, matches, askers))
    })
    .await;
    page_of(req, found, status, |chrome, (offer, matches, askers)| {
        OfferPage {
            chrome,
            offer,
            matches,
            askers,
            notice,
        }
    })
}

/// `GET /offers/{id}`.
#[get("/offers/{id}")]
pub async fn show_offer(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> HttpResponse {
    offer_page(
        &req,
        &state,
        id.into_inner(),
        Notice::default(),
        StatusCode::OK,
    )
    .await
}

/// Asking an offer for time.
#[derive(Debug, Deserialize)]
pub struct AskForm {
    #[serde(default)]
    requesting_coop: String,
    #[serde(default)]
    days_per_week: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    csrf: String,
}

impl AskForm {
    fn input(&self) -> Result<PlacementInput, coophub_domain::ValidationErrors> {
        let mut typed = Typed::default();
        let draft = PlacementDraft {
            days_per_week: typed
                .decimal("days_per_week", &self.days_per_week)
                .unwrap_or(0.0),
            start: typed.date("start", &self.start),
            end: typed.date("end", &self.end),
            message: Some(self.message.clone()).filter(|m| !m.trim().is_empty()),
            agreed_day_rate: None,
        };
        typed.and(PlacementInput::parse(draft))
    }
}

/// `POST /offers/{id}/placements`: the visitor's co-op asks the offer for
/// time; then the placement's page.
#[post("/offers/{id}/placements")]
pub async fn ask(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<AskForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let form = form.into_inner();
    let typed = Notice::default()
        .typed("days_per_week", &form.days_per_week)
        .typed("start", &form.start)
        .typed("end", &form.end)
        .typed("message", &form.message);
    let now = state.clock.now();
    let csrf = form.csrf.clone();
    let asked = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let input = form.input()?;
        let asking = Asking {
            coop: form.requesting_coop.clone(),
            request_id: None,
        };
        placements::request(conn, viewer, id, &asking, &input, now)
    })
    .await;
    let to = |placement: PlacementView| format!("/placements/{}?done=asked", placement.id);
    forms::then(asked, to, typed, |notice, status| {
        offer_page(&req, &state, id, notice, status)
    })
    .await
}

/// A request's page.
#[derive(Template)]
#[template(path = "request.html")]
pub struct RequestPage {
    chrome: Chrome,
    request: RequestView,
    matches: OfferMatchList,
}

/// `GET /requests/{id}`.
#[get("/requests/{id}")]
pub async fn show_request(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> HttpResponse {
    let id = id.into_inner();
    let now = state.clock.now();
    let found = read(&state, &req, move |conn, viewer| {
        let request = requests::show(conn, viewer, id)?;
        let matches = offers_for_request(conn, viewer, id, MATCHES, now)?;
        Ok((request, matches))
    })
    .await;
    page_of(&req, found, StatusCode::OK, |chrome, (request, matches)| {
        RequestPage {
            chrome,
            request,
            matches,
        }
    })
}
