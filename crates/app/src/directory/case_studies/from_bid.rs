//! A won bid becomes a case study of its consortium in one step. It belongs
//! to the lead co-op; the other co-ops are named once their admins confirm,
//! as for any case study.

use chrono::{DateTime, Datelike, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::manage_bid;
use coophub_domain::bidding::BidState;
use coophub_domain::case_study::{CaseStudy, CaseStudyDraft, CaseStudyInput, ValueBand};
use coophub_domain::skills::slugify;
use coophub_store::DbConnection;
use coophub_store::bidding::bids;
use coophub_store::case_studies;
use uuid::Uuid;

use super::consents_of_new;
use crate::bidding::bids::BidCase;
use crate::guard::{Lock, load};
use crate::{AppError, Clash};

/// What the case study says beyond what the bid knows (both optional).
#[derive(Debug, Clone, Default)]
pub struct WonBidStory {
    /// A summary of the work.
    pub summary: Option<String>,
    /// What came of it.
    pub outcome: Option<String>,
}

/// Turns the won bid `id`, which the viewer manages, into a case study of
/// the consortium: its title, client (the buyer), co-ops, skills (its
/// roles'), year and value band. Once per bid.
pub fn from_won_bid(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    told: WonBidStory,
    now: DateTime<Utc>,
) -> Result<CaseStudy, AppError> {
    let mut case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
    let refused = |detail: String| AppError::conflict(Clash::BidState, detail);
    if case.bid.state != BidState::Won {
        return Err(refused(format!(
            "a bid that is {} has not been won",
            case.bid.state.name()
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
    let input = CaseStudyInput::parse(draft(&case, slug, told, now.year()))?;
    let named = consents_of_new(viewer, &case.consortium())?;
    let study = case_studies::insert(conn, &input, &named, now)?;
    case.bid.case_study_slug = Some(study.slug.clone());
    bids::save(conn, &mut case.bid, now)?;
    Ok(study)
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
fn draft(case: &BidCase, slug: String, told: WonBidStory, year: i32) -> CaseStudyDraft {
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
        summary: told.summary,
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
        value: case.bid.value.clone(),
        outcome: told.outcome,
        links: Vec::new(),
    }
}
