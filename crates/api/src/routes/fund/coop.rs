//! `GET /api/v1/coops/{slug}/fund`: a co-op's own answers and invoices, for
//! its admins and the stewards; `PUT /api/v1/fund/federation/{slug}`: the
//! stewards mark federation members (a year may invite only those).

use actix_web::{get, put, web};
use coophub_app::directory::coops::ADMINISTER;
use coophub_app::fund::coop::{CoopFund, CoopYear};
use coophub_app::guard::{Lock, load};
use coophub_domain::access::fund::coop_fund;
use coophub_domain::coop::Coop;
use coophub_store::fund::{self, invoices, pledges};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{InvoiceView, YearSummary, invited, steward};
use crate::auth::SignedIn;
use crate::extract::Checked;
use crate::problem::{ApiError, JsonBody, Problem, TokenRequired};
use crate::shapes::CoopRef;
use crate::state::AppState;
use coophub_app::fund::pledges::kind_and_amount;

/// A co-op's answers and invoices, year by year: its admins and stewards.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    responses(
        TokenRequired,
        (status = 200, description = "The co-op's part in the fund", body = CoopFund),
        (status = 403, description = "Not an admin of the co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
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
    let (_, page) = state
        .read(caller, move |conn, viewer| {
            let coop = load::<Coop>(conn, viewer, &slug, coop_fund, Lock::Read)?;
            let reference = CoopRef {
                slug: coop.slug.clone(),
                name: coop.profile.name.clone(),
            };
            let answers = pledges::of_coop(conn, coop.id)?;
            let federation = fund::federation_members(conn)?;
            let mut years = Vec::new();
            for year in fund::years(conn)? {
                let answer = answers.iter().find(|p| p.year == year.year);
                let (kind, amount) = kind_and_amount(answer.map(|p| p.answer), &year.currency);
                let invoices = invoices::list(conn, Some(year.year), Some(coop.id))?
                    .into_iter()
                    .map(|i| InvoiceView::new(i, reference.clone(), &year.currency))
                    .collect();
                years.push(CoopYear {
                    invited: invited(&year, &coop, &federation, now),
                    suggested: year.suggestion.for_members(coop.profile.member_count),
                    answer: kind,
                    amount,
                    answered_at: answer.map(|p| p.answered_at),
                    invoices,
                    year: YearSummary::from(&year),
                });
            }
            Ok(CoopFund {
                federation_member: federation.contains(&coop.id),
                coop: reference,
                years,
            })
        })
        .await?;
    Ok(web::Json(page))
}

/// Whether a co-op is a federation member.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FederationBody {
    /// `true`: a member of the federation too.
    pub member: bool,
}

/// Marks a co-op as a federation member, or not: stewards.
#[utoipa::path(
    tag = "fund",
    security(("bearer" = [])),
    params(("slug" = String, Path, description = "The co-op's slug")),
    request_body = FederationBody,
    responses(
        TokenRequired, JsonBody,
        (status = 200, description = "Recorded", body = FederationBody),
        (status = 403, description = "Not a steward (network admin)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
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
            steward(viewer)?;
            let coop = load::<Coop>(conn, viewer, &slug, ADMINISTER, Lock::Read)?;
            Ok(fund::set_federation_member(conn, coop.id, member, now)?)
        })
        .await?;
    Ok(web::Json(FederationBody { member }))
}
