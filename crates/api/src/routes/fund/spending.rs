//! `POST /api/v1/fund/years/{year}/spending` (stewards) and
//! `GET …/spending` (the network): what the fund paid for.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use coophub_app::fund::spending::{SpendingList, SpendingView, known_to_the_fund};
use coophub_domain::access::fund::see_totals;
use coophub_domain::fund::{SpendingCategory, SpendingDraft};
use coophub_store::fund::spending::{self};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{steward, year_for};
use crate::auth::{SignedIn, refused};
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::state::AppState;

/// Spending as a steward records it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SpendingBody {
    /// When (YYYY-MM-DD).
    pub spent_on: NaiveDate,
    /// Minor units of the year's currency.
    pub amount: i64,
    /// What for.
    pub purpose: String,
    /// Of what kind (default `other`).
    pub category: Option<SpendingCategory>,
    /// A bid it served.
    pub bid: Option<Uuid>,
    /// A case study it served, by slug.
    pub case_study: Option<String>,
}

/// Records what the fund spent in a year.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    request_body = SpendingBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Recorded", body = SpendingView),
        (status = 403, description = "Not a steward (network admin)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such year, bid or case study", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/fund/years/{year}/spending")]
pub async fn record_spending(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<i32>,
    body: Checked<SpendingBody>,
) -> Result<HttpResponse, ApiError> {
    let input = body.check(|body| {
        Ok(SpendingDraft {
            spent_on: Some(body.spent_on),
            amount: body.amount,
            purpose: body.purpose,
            category: body.category,
            bid: body.bid,
            case_study: body.case_study,
        }
        .parse()?)
    })?;
    let path = path.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            steward(viewer)?;
            let year = year_for(conn, path)?;
            if let Some(bid) = input.bid
                && !known_to_the_fund(conn, viewer, bid)?
            {
                return Err(ApiError::NotFound(format!("no bid {bid}")));
            }
            if let Some(slug) = &input.case_study
                && coophub_store::case_studies::find_by_slug(conn, slug)?.is_none()
            {
                return Err(ApiError::NotFound(format!("no case study {slug}")));
            }
            Ok(SpendingView::from(spending::insert(
                conn, year.year, &input, now,
            )?))
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(view))
}

/// What the fund spent in a year: network members.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    responses(
        TokenRequired,
        (status = 200, description = "The spending", body = SpendingList),
        (status = 404, description = "The year is not open, or the caller is outside the network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/fund/years/{year}/spending")]
pub async fn list_spending(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<i32>,
) -> Result<web::Json<SpendingList>, ApiError> {
    let path = path.into_inner();
    let (_, items) = state
        .read(caller, move |conn, viewer| {
            if !see_totals(viewer) {
                return Err(refused(coophub_domain::access::Denied::Hidden, || {
                    format!("no spending of {path} for the caller")
                }));
            }
            let year = year_for(conn, path)?;
            Ok(spending::of_year(conn, year.year)?
                .into_iter()
                .map(SpendingView::from)
                .collect())
        })
        .await?;
    Ok(web::Json(SpendingList { items }))
}
