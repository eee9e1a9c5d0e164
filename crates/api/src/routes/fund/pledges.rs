//! `POST /api/v1/fund/years/{year}/pledges`: an invited co-op's admins
//! answer (an amount, or a decline: an ordinary answer, never chased);
//! `GET …/pledges`: the stewards' view of every invited co-op's answer.

use actix_web::{get, post, web};
use coophub_app::fund::pledges::{self, PledgeList, PledgeView};

use super::PledgeBody;
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchYear, Problem, Steward, TokenRequired};
use crate::state::AppState;

/// Answers a year's invitation for a co-op: pledge an amount or decline.
/// The answer may change until the pledge is invoiced.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    request_body = PledgeBody,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Answered", body = PledgeView),
        (status = 403, description = "Not an admin of the co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such year or co-op", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The co-op is not invited to this year (`not_invited`), or its pledge is invoiced (`pledge_invoiced`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/fund/years/{year}/pledges")]
pub async fn answer_year(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<i32>,
    body: Checked<PledgeBody>,
) -> Result<web::Json<PledgeView>, ApiError> {
    let body = body.check(Ok)?;
    let path = path.into_inner();
    let now = state.clock.now();
    let (_, view) = state
        .write(caller, move |conn, viewer| {
            Ok(pledges::answer(conn, viewer, path, &body, now)?)
        })
        .await?;
    Ok(web::Json(view))
}

/// Every invited co-op and its answer: stewards only (others never see who
/// did not give).
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    responses(
        TokenRequired, Steward, NoSuchYear,
        (status = 200, description = "The answers", body = PledgeList),
    )
)]
#[get("/fund/years/{year}/pledges")]
pub async fn list_pledges(
    state: web::Data<AppState>,
    caller: SignedIn,
    path: web::Path<i32>,
) -> Result<web::Json<PledgeList>, ApiError> {
    let path = path.into_inner();
    let now = state.clock.now();
    let (_, list) = state
        .read(caller, move |conn, viewer| {
            Ok(pledges::list(conn, viewer, path, now)?)
        })
        .await?;
    Ok(web::Json(list))
}
