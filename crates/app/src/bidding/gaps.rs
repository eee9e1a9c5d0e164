//! What a bid's consortium covers, what nobody does (with co-ops that
//! could), and whether each role can be staffed.

use crate::AppError;
use crate::bidding::bids::BidCase;
use crate::bidding::capability::Capability;
use crate::bidding::suggestions::candidates;
use crate::bidding::suggestions::period_of;
use crate::guard::{Lock, load};
use crate::shapes::CoopRef;
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::read_rates;
use coophub_domain::bidding::{Evidence, coop_fit, stated_needs};
use coophub_store::DbConnection;
use serde::Serialize;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Co-ops suggested for each uncovered skill.
const SUGGESTED_PER_SKILL: usize = 3;

/// One consortium co-op's hold on a skill.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatrixCell {
    /// The co-op's slug.
    pub coop: String,
    /// The best level its people hold, if any does.
    pub level: Option<u8>,
    /// How it shows the skill (empty: it does not).
    pub evidence: Vec<Evidence>,
}

/// A required skill against the consortium.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatrixRow {
    /// Canonical slug.
    pub skill: String,
    /// The highest least level a role wants (1 for a skill only the tender names).
    pub min_level: u8,
    /// One cell per consortium co-op, lead first.
    pub members: Vec<MatrixCell>,
    /// Some co-op of the consortium shows it.
    pub covered: bool,
    /// Someone of the consortium holds it at `min_level`.
    pub at_level: bool,
}

/// A skill nobody in the consortium covers, and who could.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Gap {
    /// Canonical slug.
    pub skill: String,
    /// Co-ops outside the consortium that show it, most evidence first.
    pub suggested: Vec<CoopRef>,
}

/// Whether a role can be staffed.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleStaffing {
    /// The role.
    pub role_id: Uuid,
    /// Its title.
    pub title: String,
    /// The consortium co-op filling it, if any.
    pub coop: Option<CoopRef>,
    /// Effort in days.
    pub effort_days: u32,
    /// The period counted (the role's, else the contract's).
    pub start: Option<NaiveDate>,
    /// See `start`.
    pub end: Option<NaiveDate>,
    /// Days the co-op's people with the skills can give over the period.
    pub available_days: Option<f64>,
    /// Enough days: `null` without a co-op or a period.
    pub staffed: Option<bool>,
}

/// The gap analysis.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GapsView {
    /// Required skills × consortium co-ops.
    pub matrix: Vec<MatrixRow>,
    /// Skills nobody covers.
    pub gaps: Vec<Gap>,
    /// "Can we staff it?", role by role.
    pub staffing: Vec<RoleStaffing>,
}

fn coop_ref(capability: &Capability) -> CoopRef {
    CoopRef {
        slug: capability.coop.slug.clone(),
        name: capability.coop.profile.name.clone(),
    }
}

pub(crate) fn gaps_of(case: &BidCase, all: &[Capability]) -> GapsView {
    let consortium = case.consortium();
    let members: Vec<&Capability> = consortium
        .iter()
        .filter_map(|id| all.iter().find(|c| c.coop.id == *id))
        .collect();
    // The tender's required skills (any level), raised to what roles want.
    let mut wanted: BTreeMap<String, u8> = case
        .opportunity
        .required_skills
        .iter()
        .map(|s| (s.slug.clone(), 1))
        .collect();
    for skill in case.roles.iter().flat_map(|r| &r.skills) {
        let least = wanted.entry(skill.skill.slug.clone()).or_default();
        *least = (*least).max(skill.level);
    }
    // A skill the tender's code offers as one of several ways to show the
    // same capability is no gap when the consortium shows another of them
    // (72413000 asks for web design, web development or UX); a role's
    // skills are wanted for themselves.
    let asked: Vec<String> = case
        .opportunity
        .required_skills
        .iter()
        .map(|s| s.slug.clone())
        .collect();
    let needs = stated_needs(&case.opportunity.tender, &asked);
    let shown = |skill: &str| {
        members
            .iter()
            .any(|m| !m.evidence.evidence_of(skill).is_empty())
    };
    let met_otherwise = |skill: &str| {
        !case
            .roles
            .iter()
            .any(|r| r.skills.iter().any(|s| s.skill.slug == skill))
            && needs.iter().any(|need| {
                need.skills.iter().any(|s| s == skill) && need.skills.iter().any(|s| shown(s))
            })
    };
    let mut matrix = Vec::new();
    let mut gaps = Vec::new();
    for (skill, min_level) in &wanted {
        let required = [skill.clone()];
        let cells: Vec<MatrixCell> = members
            .iter()
            .map(|m| MatrixCell {
                coop: m.coop.slug.clone(),
                level: m.levels.get(skill).copied(),
                evidence: coop_fit(&required, &m.evidence)
                    .covered
                    .into_iter()
                    .flat_map(|(_, evidence)| evidence)
                    .collect(),
            })
            .collect();
        let covered = cells.iter().any(|c| !c.evidence.is_empty());
        let at_level = cells
            .iter()
            .any(|c| c.level.is_some_and(|l| l >= *min_level));
        if !covered && !met_otherwise(skill) {
            let mut outside: Vec<(usize, &Capability)> = all
                .iter()
                .filter(|c| !consortium.contains(&c.coop.id))
                .map(|c| {
                    (
                        coop_fit(&required, &c.evidence)
                            .covered
                            .first()
                            .map_or(0, |(_, e)| e.len()),
                        c,
                    )
                })
                .filter(|(evidence, _)| *evidence > 0)
                .collect();
            outside.sort_by(|a, b| {
                b.0.cmp(&a.0)
                    .then_with(|| a.1.coop.slug.cmp(&b.1.coop.slug))
            });
            gaps.push(Gap {
                skill: skill.clone(),
                suggested: outside
                    .into_iter()
                    .take(SUGGESTED_PER_SKILL)
                    .map(|(_, c)| coop_ref(c))
                    .collect(),
            });
        }
        matrix.push(MatrixRow {
            skill: skill.clone(),
            min_level: *min_level,
            members: cells,
            covered,
            at_level,
        });
    }
    let staffing = case
        .roles
        .iter()
        .map(|role| {
            let period = period_of(case, role);
            let filler = role
                .coop_id
                .filter(|c| consortium.contains(c))
                .and_then(|c| members.iter().find(|m| m.coop.id == c));
            let wanted: Vec<(String, u8)> = role
                .skills
                .iter()
                .map(|s| (s.skill.slug.clone(), s.level))
                .collect();
            let available_days = filler
                .zip(period)
                .map(|(m, period)| (m.time.days_over(period, &wanted) * 10.0).round() / 10.0);
            RoleStaffing {
                role_id: role.id,
                title: role.title.clone(),
                coop: filler.map(|m| coop_ref(m)),
                effort_days: role.effort_days,
                start: period.map(|p| p.start),
                end: period.map(|p| p.end),
                available_days,
                staffed: available_days.map(|days| days >= f64::from(role.effort_days)),
            }
        })
        .collect();
    GapsView {
        matrix,
        gaps,
        staffing,
    }
}

/// The gap analysis of the bid `id`, to its consortium: the capability
/// matrix (the tender's required skills and the roles' skills × consortium
/// co-ops, with levels), the skills nobody covers with co-ops that could,
/// and whether each role can be staffed over its period.
pub fn of_bid(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<GapsView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_rates, Lock::Read)?;
    let all = candidates(conn, viewer, &case, now)?;
    Ok(gaps_of(&case, &all))
}
