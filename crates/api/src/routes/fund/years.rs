//! `POST /api/v1/fund/years`, `PUT|GET /api/v1/fund/years/{year}`,
//! `GET /api/v1/fund/years`: a year of the fund, its purpose for everyone,
//! its totals and runway for the network.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};
use coophub_app::fund::years::{Totals, YearDetail, YearList, bid_shares};
use coophub_domain::access::fund::see_totals;
use coophub_domain::fund::RUNWAY_MONTHS;
use coophub_domain::fund::{BandDraft, Invitees, YearDraft, YearInput, runway};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::fund::{self, pledges, spending};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::{YearSummary, follow_answers, steward, year_for};
use crate::auth::{Caller, SignedIn};
use crate::extract::{Checked, Query};
use crate::problem::{ApiError, JsonBody, Problem, QueryString, TokenRequired};
use crate::state::AppState;

/// A suggested amount for co-ops up to a size.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BandBody {
    /// Co-ops with at most this many members; leave out on the last band.
    pub up_to_members: Option<i64>,
    /// Minor units.
    pub amount: i64,
}

/// A fund year as stewards open or restate it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct YearBody {
    /// The calendar year, e.g. 2027.
    pub year: i64,
    /// What the fund is for this year, in the stewards' words.
    pub purpose: String,
    /// ISO 4217 currency of the year's amounts (default GBP).
    pub currency: Option<String>,
    /// One suggested amount for every co-op (minor units) …
    pub suggested_amount: Option<i64>,
    /// … or suggested amounts by number of members, smallest first.
    #[serde(default)]
    pub suggested_bands: Vec<BandBody>,
    /// Who is invited (default: every approved co-op).
    #[serde(default)]
    pub invitees: Invitees,
}

fn parse(body: YearBody) -> Result<YearInput, ValidationErrors> {
    YearInput::parse(YearDraft {
        year: body.year,
        purpose: body.purpose,
        currency: body.currency,
        suggested_amount: body.suggested_amount,
        suggested_bands: body
            .suggested_bands
            .iter()
            .map(|b| BandDraft {
                up_to_members: b.up_to_members,
                amount: b.amount,
            })
            .collect(),
        invitees: body.invitees,
    })
}

/// Opens a year of the fund and invites co-ops to answer.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    request_body = YearBody,
    responses(
        TokenRequired, JsonBody,
        (status = 201, description = "Opened", body = YearSummary),
        (status = 403, description = "Not a steward (network admin)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The year is open already", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/fund/years")]
pub async fn create_year(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<YearBody>,
) -> Result<HttpResponse, ApiError> {
    let input = body.check(|body| Ok(parse(body)?))?;
    let now = state.clock.now();
    let (_, year) = state
        .write(caller, move |conn, viewer| {
            steward(viewer)?;
            let year = fund::insert_year(conn, &input, now)?;
            let every = coophub_store::coops::all(conn)?;
            follow_answers(conn, &year, every, now)?;
            Ok(YearSummary::from(&year))
        })
        .await?;
    let mut response = HttpResponse::build(StatusCode::CREATED);
    response.insert_header(("Location", format!("/api/v1/fund/years/{}", year.year)));
    Ok(response.json(year))
}

/// Restates an open year: its purpose, suggestion, currency or invitees.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    request_body = YearBody,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Restated", body = YearSummary),
        (status = 403, description = "Not a steward (network admin)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The year is not open", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/fund/years/{year}")]
pub async fn replace_year(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<i32>,
    body: Checked<YearBody>,
) -> Result<web::Json<YearSummary>, ApiError> {
    let path = path.into_inner();
    let input = body.check(|body| {
        if body.year != i64::from(path) {
            return Err(ValidationErrors::from(FieldError::new(
                "/year",
                format!("must be {path}, the year in the path"),
            ))
            .into());
        }
        Ok(parse(body)?)
    })?;
    let now = state.clock.now();
    let (_, year) = state
        .write(caller, move |conn, viewer| {
            steward(viewer)?;
            let current = year_for(conn, path)?;
            let year = fund::replace_year(conn, &current, &input, now)?;
            let every = coophub_store::coops::all(conn)?;
            follow_answers(conn, &year, every, now)?;
            Ok(YearSummary::from(&year))
        })
        .await?;
    Ok(web::Json(year))
}

/// Every year of the fund, with its purpose.
#[utoipa::path(
    tag = "fund",
    security((), ("bearer" = [])),
    responses((status = 200, description = "The years", body = YearList))
)]
#[get("/fund/years")]
pub async fn list_years(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<YearList>, ApiError> {
    let (_, items) = state
        .read(caller, |conn, _| {
            Ok(fund::years(conn)?.iter().map(YearSummary::from).collect())
        })
        .await?;
    Ok(web::Json(YearList { items }))
}

/// How many months the runway averages over.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RunwayQuery {
    /// Months of spending to average, 1 to 36 (default 6).
    #[param(minimum = 1, maximum = 36)]
    pub months: Option<u32>,
}

/// A year of the fund.
#[utoipa::path(
    tag = "fund",
    security((), ("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year"), RunwayQuery),
    responses(
        QueryString,
        (status = 200, description = "The year", body = YearDetail),
        (status = 404, description = "The year is not open", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/fund/years/{year}")]
pub async fn show_year(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<i32>,
    query: Query<RunwayQuery>,
) -> Result<web::Json<YearDetail>, ApiError> {
    let months = query.0.months.unwrap_or(6);
    if !RUNWAY_MONTHS.contains(&months) {
        return Err(ApiError::InvalidParameter {
            name: "months".into(),
            message: format!(
                "must be {} to {}",
                RUNWAY_MONTHS.start(),
                RUNWAY_MONTHS.end()
            ),
        });
    }
    let path = path.into_inner();
    let today = state.clock.now().date_naive();
    let (_, detail) = state
        .read(caller, move |conn, viewer| {
            let year = year_for(conn, path)?;
            let summary = YearSummary::from(&year);
            if !see_totals(viewer) {
                return Ok(YearDetail {
                    summary,
                    totals: None,
                    runway: None,
                    from_bids: None,
                });
            }
            let answers: Vec<_> = pledges::of_year(conn, year.year)?
                .into_iter()
                .map(|p| p.answer)
                .collect();
            let sums = spending::sums(conn, &year, &answers)?;
            let dated = spending::dated_in(conn, &year.currency)?;
            let from_bids = if steward(viewer).is_ok() {
                Some(bid_shares(conn, &year)?)
            } else {
                None
            };
            let balance = sums.balance().map_err(coophub_store::StoreError::from)?;
            Ok(YearDetail {
                summary,
                from_bids,
                runway: Some(runway(balance, &dated, today, months)),
                totals: Some(Totals {
                    pledged: sums.pledged,
                    pledged_by_bids: sums.pledged_by_bids,
                    contributing_coops: sums.contributing_coops,
                    raised: sums.raised,
                    spent: sums.spent,
                    carried_in: sums.carried_in,
                    balance,
                }),
            })
        })
        .await?;
    Ok(web::Json(detail))
}
