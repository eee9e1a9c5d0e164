//! Tenders: `GET /opportunities`, the open ones ranked for the visitor's
//! co-op with the reasons (or, for anyone else, by deadline);
//! `GET /opportunities/{id}`, a tender's page, from which an admin of a
//! member co-op opens a bid (`POST /opportunities/{id}/bids`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use coophub_api::AppState;
use coophub_api::paging::PageQuery;
use coophub_app::bidding::bids::{self, Opening};
use coophub_app::bidding::bodies::BidBody;
use coophub_app::bidding::opportunities;
use coophub_app::bidding::ranking::RankedList;
use coophub_app::bidding::views::{BidView, OpportunityList, OpportunityView};
use coophub_app::directory::accounts::{MyCoop, administered, my_coops};
use coophub_domain::bidding::{BidInput, OpportunityStatus};
use coophub_store::bidding::opportunities::OpportunityFilter;
use serde::Deserialize;
use uuid::Uuid;

use crate::forms::{self, Notice};
use crate::paging::Pager;
use crate::render::{Chrome, html, page_of, problem};
use crate::session::{Visitor, read};
use crate::words::value_in_words;

/// What the list shows: ranked for a co-op, or every open tender.
pub enum Listed {
    /// Ranked for the co-op named.
    Ranked { coop: String, list: RankedList },
    /// Open tenders, nearest deadline first.
    Open(OpportunityList),
}

/// The tenders page.
#[derive(Template)]
#[template(path = "opportunities.html")]
pub struct OpportunitiesPage {
    chrome: Chrome,
    mine: Vec<MyCoop>,
    chosen: Option<String>,
    listed: Listed,
    pager: Pager,
}

/// `?coop=` and the page.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    coop: Option<String>,
    #[serde(flatten)]
    paging: PageQuery,
}

/// `GET /opportunities`.
#[get("/opportunities")]
pub async fn tenders(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> HttpResponse {
    let ListQuery { coop, paging } = query.into_inner();
    let page = match paging.page() {
        Ok(page) => page,
        Err(error) => return problem(&req, &Visitor::default(), &error),
    };
    let now = state.clock.now();
    let found = read(&state, &req, move |conn, viewer| {
        let mine = match viewer.user {
            Some(_) => my_coops(conn, viewer, now)?,
            None => Vec::new(),
        };
        let chosen = coop
            .filter(|slug| !slug.is_empty())
            .or_else(|| mine.first().map(|m| m.coop.slug.clone()));
        let listed = match &chosen {
            Some(slug) => Listed::Ranked {
                coop: slug.clone(),
                list: opportunities::for_coop(conn, viewer, slug, page, now)?,
            },
            None => {
                let filter = OpportunityFilter {
                    status: Some((OpportunityStatus::Open, now)),
                    ..OpportunityFilter::default()
                };
                Listed::Open(opportunities::list(conn, filter, page, now)?)
            }
        };
        Ok((mine, chosen, listed))
    })
    .await;
    let (visitor, (mine, chosen, listed)) = match found {
        Ok(found) => found,
        Err((visitor, error)) => return problem(&req, &visitor, &error),
    };
    let (base, total) = match &listed {
        Listed::Ranked { coop, list } => (format!("/opportunities?coop={coop}&"), list.total),
        Listed::Open(list) => (
            "/opportunities?".to_owned(),
            usize::try_from(list.total).unwrap_or(0),
        ),
    };
    let total = u64::try_from(total).unwrap_or(0);
    let page = OpportunitiesPage {
        chrome: Chrome::signed(&visitor),
        pager: Pager::new(base, page.number, page.size, total),
        mine,
        chosen,
        listed,
    };
    html(&req, StatusCode::OK, &page)
}

/// A tender's page.
#[derive(Template)]
#[template(path = "opportunity.html")]
pub struct OpportunityPage {
    chrome: Chrome,
    opportunity: OpportunityView,
    /// The co-ops the visitor may open a bid for.
    leads: Vec<MyCoop>,
    notice: Notice,
}

async fn tender_page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: Uuid,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        let opportunity = opportunities::show(conn, id, now)?;
        Ok((opportunity, administered(conn, viewer, now)?))
    })
    .await;
    page_of(req, found, status, |chrome, (opportunity, leads)| {
        OpportunityPage {
            chrome,
            opportunity,
            leads,
            notice,
        }
    })
}

/// `GET /opportunities/{id}`.
#[get("/opportunities/{id}")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> HttpResponse {
    tender_page(
        &req,
        &state,
        id.into_inner(),
        Notice::default(),
        StatusCode::OK,
    )
    .await
}

/// The form opening a bid.
#[derive(Debug, Deserialize)]
pub struct OpenBidForm {
    #[serde(default)]
    lead_coop: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /opportunities/{id}/bids`: opens a bid led by `lead_coop`, then
/// its workspace.
#[post("/opportunities/{id}/bids")]
pub async fn open_bid(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<OpenBidForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let OpenBidForm {
        lead_coop,
        title,
        csrf,
    } = form.into_inner();
    let typed = Notice::default().typed("title", &title);
    let now = state.clock.now();
    let body = BidBody {
        opportunity_id: id,
        lead_coop,
        title,
        lot_id: None,
        coordinator: None,
        value: None,
        lead_premium_bp: None,
        fund_bp: None,
    };
    let opened = forms::change(&state, &req, &csrf, move |conn, viewer| {
        let input = BidInput::parse(body.draft())?;
        let opening = Opening {
            lead: body.lead_coop.clone(),
            opportunity: id,
            coordinator: None,
        };
        bids::open(conn, viewer, &opening, &input, now)
    })
    .await;
    let to = |bid: BidView| format!("/bids/{}", bid.id);
    forms::then(opened, to, typed, |notice, status| {
        tender_page(&req, &state, id, notice, status)
    })
    .await
}
