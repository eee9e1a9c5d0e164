//! `GET /stewards`: what waits for the network's stewards — claims to
//! decide (`POST /stewards/claims/{id}`), applications to approve or turn
//! down (`POST /stewards/applications/{slug}`), lapsed memberships — and
//! the fund's year with its runway as a chart.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use askama::Template;
use chrono::{Datelike, Months};
use coophub_api::{ApiError, AppState};
use coophub_app::directory::claims;
use coophub_app::directory::coops::{MembershipDecision, decide_membership};
use coophub_app::directory::stewards::{self, Queue};
use coophub_domain::coop::MembershipAction;
use coophub_domain::fund::projection;
use coophub_domain::money::written;
use serde::Deserialize;
use uuid::Uuid;

use crate::charts::BarChart;
use crate::forms::{self, Done, Notice};
use crate::render::{Chrome, page_of};
use crate::session::read;

/// Months ahead the runway chart shows.
const RUNWAY_AHEAD: u32 = 11;

/// The stewards' page.
#[derive(Template)]
#[template(path = "stewards.html")]
pub struct StewardsPage {
    chrome: Chrome,
    queue: Queue,
    /// The fund's balance month by month at the recent rate of spending.
    runway: Option<BarChart>,
    notice: Notice,
}

impl StewardsPage {
    /// `amount` minor units of the fund's currency, in words.
    fn money(&self, amount: &i64) -> String {
        let currency = self
            .queue
            .fund
            .as_ref()
            .map_or("GBP", |f| f.summary.currency.as_str());
        written(*amount, currency)
    }
}

/// The runway chart of the fund year in `queue`, from `today`'s month.
fn runway_chart(queue: &Queue, today: chrono::NaiveDate) -> Option<BarChart> {
    let fund = queue.fund.as_ref()?;
    let (totals, runway) = (fund.totals.as_ref()?, fund.runway.as_ref()?);
    let currency = &fund.summary.currency;
    let first = today.with_day(1)?;
    let items = projection(totals.balance, runway.monthly_spend, RUNWAY_AHEAD)
        .into_iter()
        .zip(0u32..)
        .filter_map(|(balance, ahead)| {
            let month = first.checked_add_months(Months::new(ahead))?;
            Some((
                month.format("%b %Y").to_string(),
                balance,
                written(balance, currency),
            ))
        })
        .collect();
    let summary = match &runway.runs_out_in {
        Some(month) => format!(
            "At {} a month (the average of the last {} months) the fund runs out in {month}.",
            written(runway.monthly_spend, currency),
            runway.months_averaged
        ),
        None => format!(
            "Nothing was spent in the last {} months: the balance stays as it is.",
            runway.months_averaged
        ),
    };
    Some(BarChart::new(
        "The fund's balance, month by month",
        summary,
        items,
    ))
}

async fn page(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    notice: Notice,
    status: StatusCode,
) -> HttpResponse {
    let now = state.clock.now();
    let found = read(state, req, move |conn, viewer| {
        Ok(stewards::queue(conn, viewer, now)?)
    })
    .await;
    page_of(req, found, status, |chrome, queue| StewardsPage {
        chrome,
        runway: runway_chart(&queue, now.date_naive()),
        queue,
        notice,
    })
}

/// `GET /stewards`.
#[get("/stewards")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    done: web::Query<Done>,
) -> HttpResponse {
    let said = match done.done.as_deref() {
        Some("claim") => Some("The claim was decided; the claimant is told."),
        Some("application") => Some("The application was decided; the co-op's admins are told."),
        _ => None,
    };
    page(&req, &state, Notice::done(said), StatusCode::OK).await
}

/// A decision: `approve` is `yes` or `no`.
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    approve: String,
    #[serde(default)]
    csrf: String,
}

async fn after<T>(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    outcome: Result<T, ApiError>,
    done: &str,
) -> HttpResponse {
    let to = |_| format!("/stewards?done={done}");
    forms::then(outcome, to, Notice::default(), |notice, status| {
        page(req, state, notice, status)
    })
    .await
}

/// `POST /stewards/claims/{id}`: the claimant becomes the co-op's admin, or not.
#[post("/stewards/claims/{id}")]
pub async fn decide_claim(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    form: web::Form<DecisionForm>,
) -> HttpResponse {
    let id = id.into_inner();
    let DecisionForm { approve, csrf } = form.into_inner();
    let approve = approve == "yes";
    let now = state.clock.now();
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        claims::decide(conn, viewer, id, approve, now)
    })
    .await;
    after(&req, &state, outcome, "claim").await
}

/// `POST /stewards/applications/{slug}`: the co-op joins the network, or is turned down.
#[post("/stewards/applications/{slug}")]
pub async fn decide_application(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
    form: web::Form<DecisionForm>,
) -> HttpResponse {
    let slug = slug.into_inner();
    let DecisionForm { approve, csrf } = form.into_inner();
    let action = if approve == "yes" {
        MembershipAction::Approve { founding: false }
    } else {
        MembershipAction::Remove
    };
    let now = state.clock.now();
    let outcome = forms::change(&state, &req, &csrf, move |conn, viewer| {
        decide_membership(
            conn,
            viewer,
            &slug,
            None,
            MembershipDecision::Move(action),
            now,
        )
    })
    .await;
    after(&req, &state, outcome, "application").await
}
