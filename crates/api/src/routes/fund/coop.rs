//! `GET /api/v1/coops/{slug}/fund`: a co-op's own answers and invoices, for
//! its admins and the stewards; `PUT /api/v1/fund/federation/{slug}`: the
//! stewards mark federation members (a year may invite only those).

use actix_web::{get, put, web};
use coophub_app::fund::coop::{self, CoopFund};

use super::FederationBody;
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, NoSuchCoop, Problem, Steward, TokenRequired};
use crate::state::AppState;

/// A co-op's answers and invoices, year by year: its admins and stewards.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    responses(
        TokenRequired, NoSuchCoop,
        (status = 200, description = "The co-op's part in the fund", body = CoopFund),
        (status = 403, description = "Not an admin of the co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/coops/{slug}/fund")]
pub async fn coop_fund_page(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
) -> Result<web::Json<CoopFund>, ApiError> {
    let slug = slug.into_inner();
    let now = state.clock.now();
    let (_, part) = state
        .read(caller, move |conn, viewer| {
            Ok(coop::part_of(conn, viewer, &slug, now)?)
        })
        .await?;
    Ok(web::Json(part))
}

/// Marks a co-op as a federation member, or not: stewards.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = FederationBody,
    responses(
        TokenRequired, JsonBody, Steward, NoSuchCoop,
        (status = 200, description = "Recorded", body = FederationBody),
    )
)]
#[put("/fund/federation/{slug}")]
pub async fn set_federation(
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Checked<FederationBody>,
) -> Result<web::Json<FederationBody>, ApiError> {
    let member = body.check(|body| Ok(body.member))?;
    let slug = slug.into_inner();
    let now = state.clock.now();
    state
        .write(caller, move |conn, viewer| {
            Ok(coop::set_federation(conn, viewer, &slug, member, now)?)
        })
        .await?;
    Ok(web::Json(FederationBody { member }))
}
