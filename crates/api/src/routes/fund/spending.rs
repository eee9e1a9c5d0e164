//! `POST /api/v1/fund/years/{year}/spending` (stewards) and
//! `GET …/spending` (the network): what the fund paid for.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use coophub_app::fund::spending::{self, SpendingList, SpendingView};

use super::SpendingBody;
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, Steward, TokenRequired};
use crate::state::AppState;

/// Records what the fund spent in a year.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    request_body = SpendingBody,
    responses(
        TokenRequired, JsonBody, Steward,
        (status = 201, description = "Recorded", body = SpendingView),
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
    let input = body.check(|body| Ok(body.parse()?))?;
    let path = path.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(spending::record(conn, viewer, path, &input, now)?)
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
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(spending::list(conn, viewer, path)?)
        })
        .await?;
    Ok(web::Json(list))
}
