//! Co-ops (and their people) that could fill a bid's role, best first,
//! each with its reasons.

use crate::AppError;
use crate::bidding::bids::BidCase;
use crate::bidding::capability::{ALL, Capability, capability_of};
use crate::guard::{Lock, load};
use crate::shapes::CoopRef;
use crate::shapes::PersonRef;
use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::read_rates;
use coophub_domain::bidding::best_partners_first;
use coophub_domain::bidding::{BidRole, MemberStatus, PartnerFacts, coop_fit, partner_score};
use coophub_domain::geo::distance_km;
use coophub_domain::sharing::DateRange;
use coophub_store::DbConnection;
use coophub_store::coops::{self, CoopFilter};
use serde::Serialize;
use uuid::Uuid;

/// A person who holds a wanted skill at the role's least level.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuggestedPerson {
    /// Who.
    pub person: PersonRef,
    /// Wanted skills they hold at the least level (slugs).
    pub skills: Vec<String>,
}

/// A co-op that could fill the role, and why.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestion {
    /// The co-op.
    pub coop: CoopRef,
    /// 0 to 1 (weights in the API documentation of bidding).
    pub score: f64,
    /// Already in the consortium (`lead`, `accepted`) or invited.
    pub status: Option<MemberStatus>,
    /// Wanted skills it covers (listed, case studies, people).
    pub covered: Vec<String>,
    /// Wanted skills it does not.
    pub missing: Vec<String>,
    /// Wanted skills its people hold at the least level.
    pub at_level: Vec<String>,
    /// Days its people can give over the role's period (declared
    /// availability, open offers less placements); `null` without a period.
    pub available_days: Option<f64>,
    /// Kilometres to the lead co-op, when both places are known (buyers'
    /// places are not in the tender data).
    pub distance_km: Option<f64>,
    /// Consortium co-ops it has case studies with.
    pub worked_with: Vec<String>,
    /// Happy to share experience (`null`: the co-op has not said).
    pub happy_to_share_experience: Option<bool>,
    /// Its people who fit, as far as the caller may see them.
    pub people: Vec<SuggestedPerson>,
    /// The reasons in words.
    pub why: Vec<String>,
}

/// Suggestions for a role.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuggestionList {
    /// The role.
    pub role_id: Uuid,
    /// Best first; equal scores by slug.
    pub items: Vec<Suggestion>,
}

/// The role's period, or the tender's (or lot's) contract period.
pub fn period_of(case: &BidCase, role: &BidRole) -> Option<DateRange> {
    role.period.or_else(|| {
        let tender = &case.opportunity.tender;
        let lot = role
            .lot_id
            .as_ref()
            .or(case.bid.lot_id.as_ref())
            .and_then(|id| tender.lots.iter().find(|l| &l.id == id));
        let period = lot.map_or(&tender.contract_period, |l| &l.contract_period);
        let day = |at: Option<DateTime<Utc>>| at.map(|at| at.date_naive());
        DateRange::new(day(period.start)?, day(period.end)?)
    })
}

/// The co-ops that may be suggested for `case`: approved members that did
/// not decline it, each with its capability.
pub fn candidates(
    conn: &mut DbConnection,
    viewer: &Viewer,
    case: &BidCase,
    now: DateTime<Utc>,
) -> Result<Vec<Capability>, AppError> {
    let declined: Vec<Uuid> = case
        .members
        .iter()
        .filter(|m| m.status == MemberStatus::Declined)
        .map(|m| m.coop_id)
        .collect();
    let approved = CoopFilter {
        approved_only: true,
        ..CoopFilter::default()
    };
    let mut found = Vec::new();
    for coop in coops::list(conn, &approved, ALL)?.0 {
        if !declined.contains(&coop.id) {
            found.push(capability_of(conn, viewer, coop, now)?);
        }
    }
    Ok(found)
}

fn suggestion(case: &BidCase, role: &BidRole, candidate: &Capability) -> (f64, Suggestion) {
    let wanted: Vec<(String, u8)> = role
        .skills
        .iter()
        .map(|s| (s.skill.slug.clone(), s.level))
        .collect();
    let slugs: Vec<String> = wanted.iter().map(|(slug, _)| slug.clone()).collect();
    let fit = coop_fit(&slugs, &candidate.evidence);
    let at_level: Vec<String> = wanted
        .iter()
        .filter(|(slug, least)| candidate.levels.get(slug).is_some_and(|l| l >= least))
        .map(|(slug, _)| slug.clone())
        .collect();
    let available_days = period_of(case, role)
        .map(|period| tenths_of_days(candidate.time.days_over(period, &wanted)));
    let place = |coop: &coophub_domain::coop::Coop| {
        Some((
            coop.profile.location.latitude?,
            coop.profile.location.longitude?,
        ))
    };
    let distance_km = case
        .coop(case.bid.lead_coop_id)
        .and_then(place)
        .zip(place(&candidate.coop))
        .map(|(a, b)| distance_km(a, b).round());
    let consortium = case.consortium();
    let worked_with: Vec<String> = candidate
        .worked_with
        .iter()
        .filter(|id| consortium.contains(id))
        .filter_map(|id| case.coop(*id).map(|c| c.slug.clone()))
        .collect();
    let coop = &candidate.coop;
    let facts = PartnerFacts {
        coverage: fit.score,
        at_level: at_level.len(),
        wanted: wanted.len(),
        available_days,
        effort_days: role.effort_days,
        distance_km,
        worked_with: worked_with.len(),
        happy_to_share: coop.profile.happy_to_share_experience == Some(true),
    };
    let score = partner_score(&facts);
    let people = candidate
        .people
        .iter()
        .filter_map(|person| {
            let skills: Vec<String> = wanted
                .iter()
                .filter(|(slug, least)| {
                    person
                        .skills
                        .iter()
                        .any(|s| &s.skill.slug == slug && s.level >= *least)
                })
                .map(|(slug, _)| slug.clone())
                .collect();
            (!skills.is_empty()).then(|| SuggestedPerson {
                person: PersonRef {
                    id: person.id,
                    name: person.name.clone(),
                },
                skills,
            })
        })
        .collect();
    let covered: Vec<String> = fit.covered.into_iter().map(|(slug, _)| slug).collect();
    let mut why = vec![format!(
        "covers {} of {} wanted skills",
        covered.len(),
        wanted.len()
    )];
    if !at_level.is_empty() {
        why.push(format!(
            "its people hold {} at the level wanted",
            at_level.join(", ")
        ));
    }
    if let Some(days) = available_days {
        why.push(free_days_reason(days, role.effort_days));
    }
    if let Some(km) = distance_km {
        why.push(format!("{km} km from the lead co-op"));
    }
    if !worked_with.is_empty() {
        why.push(format!("worked with {} before", worked_with.join(", ")));
    }
    if coop.profile.happy_to_share_experience == Some(true) {
        why.push("happy to share experience".into());
    }
    let status = case
        .members
        .iter()
        .find(|m| m.coop_id == coop.id)
        .map(|m| m.status);
    (
        score,
        Suggestion {
            coop: CoopRef {
                slug: coop.slug.clone(),
                name: coop.profile.name.clone(),
            },
            score: (score * 1000.0).round() / 1000.0,
            status,
            covered,
            missing: fit.missing,
            at_level,
            available_days,
            distance_km,
            worked_with,
            happy_to_share_experience: coop.profile.happy_to_share_experience,
            people,
            why,
        },
    )
}

/// Co-ops (and their people) ranked for the role `role_id` of the bid `id`,
/// best first, each with its reasons; co-ops that cover none of the skills
/// are left out. To the consortium only.
pub fn for_role(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    role_id: Uuid,
    now: DateTime<Utc>,
) -> Result<SuggestionList, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_rates, Lock::Read)?;
    let role = case
        .roles
        .iter()
        .find(|r| r.id == role_id)
        .ok_or_else(|| AppError::NotFound(format!("no role {role_id} in bid {id}")))?;
    let all = candidates(conn, viewer, &case, now)?;
    Ok(ranked_for(&case, role, &all))
}

/// The `candidates` that cover some of `role`'s skills, best first.
pub(crate) fn ranked_for(case: &BidCase, role: &BidRole, all: &[Capability]) -> SuggestionList {
    let mut ranked: Vec<(f64, String, Suggestion)> = all
        .iter()
        .map(|candidate| suggestion(case, role, candidate))
        .filter(|(_, s)| !s.covered.is_empty())
        .map(|(score, s)| (score, s.coop.slug.clone(), s))
        .collect();
    best_partners_first(&mut ranked);
    SuggestionList {
        role_id: role.id,
        items: ranked.into_iter().map(|(_, _, s)| s).collect(),
    }
}

/// `days` to a tenth, never below nothing: rounding what is left of a stretch
/// taken up may leave a hair under zero, which reads "-0 days".
fn tenths_of_days(days: f64) -> f64 {
    let tenths = (days * 10.0).round() / 10.0;
    if tenths > 0.0 { tenths } else { 0.0 }
}

/// The reason a suggestion gives for its free time.
fn free_days_reason(days: f64, effort_days: u32) -> String {
    if days > 0.0 {
        format!("{days} days free over the period for {effort_days} days of effort")
    } else {
        format!("no days free over the period for {effort_days} days of effort")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_time_never_reads_minus_nothing() {
        assert_eq!(tenths_of_days(-0.01).to_string(), "0");
        assert_eq!(tenths_of_days(12.345), 12.3);
        assert_eq!(
            free_days_reason(tenths_of_days(-0.0), 60),
            "no days free over the period for 60 days of effort"
        );
        assert_eq!(
            free_days_reason(2.5, 10),
            "2.5 days free over the period for 10 days of effort"
        );
    }
}
