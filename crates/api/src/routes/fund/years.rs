//! `POST /api/v1/fund/years`, `PUT|GET /api/v1/fund/years/{year}`,
//! `GET /api/v1/fund/years`: a year of the fund, its purpose for everyone,
//! its totals and runway for the network.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};
use coophub_app::fund::years::{self, YearDetail, YearList};
use coophub_domain::fund::RUNWAY_MONTHS;
use coophub_domain::{FieldError, ValidationErrors};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{YearBody, YearSummary};
use crate::auth::{Caller, SignedIn};
use crate::extract::{Checked, Query};
use crate::problem::{
    ApiError, JsonBody, NoSuchYear, Problem, QueryString, Steward, TokenRequired,
};
use crate::state::AppState;

/// Opens a year of the fund and invites co-ops to answer.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    request_body = YearBody,
    responses(
        TokenRequired, JsonBody, Steward,
        (status = 201, description = "Opened", body = YearSummary),
        (status = 409, description = "The year is open already", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/fund/years")]
pub async fn create_year(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: Checked<YearBody>,
) -> Result<HttpResponse, ApiError> {
    let input = body.check(|body| Ok(body.parse()?))?;
    let now = state.clock.now();
    let (_, year) = state
        .write(caller, move |conn, viewer| {
            Ok(years::open(conn, viewer, &input, now)?)
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
        TokenRequired, JsonBody, Steward, NoSuchYear,
        (status = 200, description = "Restated", body = YearSummary),
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
        Ok(body.parse()?)
    })?;
    let now = state.clock.now();
    let (_, year) = state
        .write(caller, move |conn, viewer| {
            Ok(years::restate(conn, viewer, path, &input, now)?)
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
    let (_, list) = state.read(caller, |conn, _| Ok(years::list(conn)?)).await?;
    Ok(web::Json(list))
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
        QueryString, NoSuchYear,
        (status = 200, description = "The year", body = YearDetail),
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
            Ok(years::detail(conn, viewer, path, months, today)?)
        })
        .await?;
    Ok(web::Json(detail))
}
