//! `POST /api/v1/fund/years/{year}/pledges`: an invited co-op's admins
//! answer (an amount, or a decline: an ordinary answer, never chased);
//! `GET …/pledges`: the stewards' view of every invited co-op's answer.

use actix_web::{get, post, web};
use coophub_app::fund::pledges::{PledgeList, PledgeView, kind_and_amount};
use coophub_app::guard::{Lock, load};
use coophub_domain::access::fund::coop_fund;
use coophub_domain::coop::Coop;
use coophub_domain::fund::PledgeDraft;
use coophub_store::fund::{self, invoices, pledges};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{follow_answers, invited, steward, year_for};
use crate::auth::{SignedIn, signed_in};
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, TokenRequired};
use crate::shapes::CoopRef;
use crate::state::AppState;

/// A co-op's answer to a year.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PledgeBody {
    /// The co-op answering (its admins answer).
    pub coop: String,
    /// What it pledges, in the year's currency …
    pub amount: Option<PledgeAmount>,
    /// … or `true`: it does not give this year.
    pub declined: Option<bool>,
}

/// An amount pledged.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PledgeAmount {
    /// Minor units: 25000 is 250.00.
    pub amount: i64,
    /// ISO 4217, the year's currency.
    pub currency: String,
}

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
            let user = signed_in(viewer)?.id;
            let year = year_for(conn, path)?;
            let answer = PledgeDraft {
                amount: body.amount.clone().map(|m| (m.amount, m.currency)),
                declined: body.declined,
            }
            .parse(&year.currency)?;
            let coop = load::<Coop>(conn, viewer, &body.coop, coop_fund, Lock::Read)?;
            pledges::hold(conn, coop.id)?;
            if !invited(&year, &coop, &fund::federation_members(conn)?, now) {
                return Err(ApiError::conflict(
                    Code::NotInvited,
                    format!(
                        "{} is not invited to the {} fund year",
                        coop.slug, year.year
                    ),
                ));
            }
            let invoiced = !invoices::list(conn, Some(year.year), Some(coop.id))?.is_empty();
            let same = pledges::find(conn, year.year, coop.id)?.is_some_and(|p| p.answer == answer);
            if invoiced && !same {
                return Err(ApiError::conflict(
                    Code::PledgeInvoiced,
                    "the pledge is invoiced; ask the stewards to change it",
                ));
            }
            let pledge = pledges::answer(conn, year.year, coop.id, answer, user, now)?;
            follow_answers(conn, &year, vec![coop.clone()], now)?;
            let (answer, amount) = kind_and_amount(Some(pledge.answer), &year.currency);
            Ok(PledgeView {
                year: year.year,
                coop: CoopRef {
                    slug: coop.slug.clone(),
                    name: coop.profile.name.clone(),
                },
                answer,
                amount,
                suggested: year.suggestion.for_members(coop.profile.member_count),
                answered_at: Some(pledge.answered_at),
            })
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
        TokenRequired,
        (status = 200, description = "The answers", body = PledgeList),
        (status = 403, description = "Not a steward (network admin)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The year is not open", body = Problem, content_type = "application/problem+json"),
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
    let (_, items) = state
        .read(caller, move |conn, viewer| {
            steward(viewer)?;
            let year = year_for(conn, path)?;
            let answers = pledges::of_year(conn, year.year)?;
            let federation = fund::federation_members(conn)?;
            let mut items = Vec::new();
            for coop in coophub_store::coops::all(conn)? {
                let answer = answers.iter().find(|p| p.coop_id == coop.id);
                if answer.is_none() && !invited(&year, &coop, &federation, now) {
                    continue;
                }
                let (kind, amount) = kind_and_amount(answer.map(|p| p.answer), &year.currency);
                items.push(PledgeView {
                    year: year.year,
                    answer: kind,
                    amount,
                    suggested: year.suggestion.for_members(coop.profile.member_count),
                    answered_at: answer.map(|p| p.answered_at),
                    coop: CoopRef {
                        slug: coop.slug,
                        name: coop.profile.name,
                    },
                });
            }
            items.sort_by(|a, b| a.coop.slug.cmp(&b.coop.slug));
            Ok(items)
        })
        .await?;
    Ok(web::Json(PledgeList { items }))
}
