//! `POST /api/v1/bids/{id}/case-study`: a won bid becomes a case study in
//! one call. It belongs to the lead co-op; the other consortium co-ops are
//! named in it only once their admins confirm, as for any case study.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use chrono::Datelike;
use coophub_domain::access::bidding::manage_bid;
use coophub_domain::bidding::BidState;
use coophub_domain::case_study::{CaseStudyDraft, CaseStudyInput, ValueBand};
use coophub_domain::skills::slugify;
use coophub_store::bidding::bids;
use coophub_store::case_studies;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{BidCase, bid_to_change, moves::state_name};
use crate::auth::Caller;
use crate::extract::Checked;
use crate::problem::{ApiError, Code, JsonBody, Problem, SignedIn};
use crate::routes::case_studies::{case_study_response, consents_of_new};
use crate::state::AppState;

/// What the case study says beyond what the bid knows (both optional).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WonCaseStudyBody {
    /// A summary of the work.
    pub summary: Option<String>,
    /// What came of it.
    pub outcome: Option<String>,
}

/// The value band of an amount in pence (bands are in pounds sterling).
fn band(minor: i64) -> ValueBand {
    match minor / 100 {
        pounds if pounds < 10_000 => ValueBand::Under10k,
        pounds if pounds < 50_000 => ValueBand::From10kTo50k,
        pounds if pounds < 100_000 => ValueBand::From50kTo100k,
        pounds if pounds < 500_000 => ValueBand::From100kTo500k,
        _ => ValueBand::Over500k,
    }
}

/// The case study's fields from the won bid, under `slug`.
fn draft(case: &BidCase, slug: String, body: WonCaseStudyBody, year: i32) -> CaseStudyDraft {
    let mut skills: Vec<String> = Vec::new();
    for skill in case.roles.iter().flat_map(|r| &r.skills) {
        if !skills.contains(&skill.skill.slug) {
            skills.push(skill.skill.slug.clone());
        }
    }
    let tender = &case.opportunity.tender;
    CaseStudyDraft {
        slug,
        title: case.bid.title.clone(),
        client: tender
            .buyer_name
            .clone()
            .unwrap_or_else(|| "A public buyer".into()),
        summary: body.summary,
        coops: case
            .consortium()
            .into_iter()
            .filter_map(|id| case.coop(id).map(|c| c.slug.clone()))
            .collect(),
        skills,
        year: Some(i64::from(year)),
        value_band: case
            .bid
            .value
            .as_ref()
            .filter(|v| v.currency == "GBP")
            .map(|v| band(v.amount)),
        outcome: body.outcome,
        links: Vec::new(),
    }
}

/// Turns a won bid into a case study of the consortium: its title, client
/// (the buyer), co-ops, skills (its roles'), year and value band. The lead
/// co-op's admins do it, once.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The bid's id")),
    request_body = WonCaseStudyBody,
    responses(
        SignedIn, JsonBody,
        (status = 201, description = "The case study", body = crate::routes::case_studies::CaseStudyView),
        (status = 403, description = "Not the lead co-op's admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such bid (or not the caller's)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not won, or a case study already (`bid_state`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/bids/{id}/case-study")]
pub async fn bid_case_study(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Checked<WonCaseStudyBody>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let body = body.check(Ok)?;
    let id = id.into_inner();
    let now = state.clock.now();
    let (viewer, study) = state
        .write(caller, move |conn, viewer| {
            let mut case = bid_to_change(conn, viewer, id, manage_bid)?;
            let refused = |detail: String| ApiError::conflict(Code::BidState, detail);
            if case.bid.state != BidState::Won {
                return Err(refused(format!(
                    "a bid that is {} has not been won",
                    state_name(case.bid.state)
                )));
            }
            if let Some(slug) = &case.bid.case_study_slug {
                return Err(refused(format!("the bid is case study {slug} already")));
            }
            let base = slugify(&case.bid.title);
            let mut slug = base.clone();
            let mut n = 1;
            while case_studies::find_by_slug(conn, &slug)?.is_some() {
                n += 1;
                slug = format!("{base}-{n}");
            }
            let body = WonCaseStudyBody {
                summary: body.summary.clone(),
                outcome: body.outcome.clone(),
            };
            let input = CaseStudyInput::parse(draft(&case, slug, body, now.year()))?;
            let ids = case.consortium();
            let named = consents_of_new(viewer, &ids)?;
            let study = case_studies::insert(conn, &input, &named, now)?;
            case.bid.case_study_slug = Some(study.slug.clone());
            bids::save(conn, &mut case.bid, now)?;
            Ok(study)
        })
        .await?;
    Ok(case_study_response(StatusCode::CREATED, study, &viewer))
}
