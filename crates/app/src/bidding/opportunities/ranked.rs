//! Open tenders ranked for a co-op: what each asks for (its CPV codes, the
//! skills added by hand, its own words) against what the co-op shows, how
//! near the work is, and whether it suits small or social enterprises —
//! with the reasons in words.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::bidding::{
    Evidence, Need, NeedSource, Opportunity, Relevance, relevance, tender_needs, tender_place,
};
use coophub_domain::coop::{Coop, Location};
use coophub_domain::money::written;
use coophub_domain::places;
use coophub_domain::skills::SEED;
use coophub_store::bidding::opportunities;
use coophub_store::{DbConnection, Page};

use crate::AppError;
use crate::bidding::capability::capability_of;
use crate::bidding::ranking::{AskedBecause, CoveredView, PlaceFit, RankedList, RankedOpportunity};
use crate::bidding::views::OpportunityView;
use crate::directory::coops::READ;
use crate::guard::{Lock, load};
use crate::shapes::page_of;

/// Where a co-op is: its coordinates, else its town or postcode.
fn point_of(location: &Location) -> Option<(f64, f64)> {
    location.latitude.zip(location.longitude).or_else(|| {
        [&location.locality, &location.postcode]
            .into_iter()
            .flatten()
            .find_map(|text| places::locate(text))
            .map(|place| (place.latitude, place.longitude))
    })
}

/// The open opportunities the co-op `slug` shows it can do some of, best
/// first (then the nearest deadline), each with its reasons.
pub fn for_coop(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    page: Page,
    now: DateTime<Utc>,
) -> Result<RankedList, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, READ, Lock::Read)?;
    let at = point_of(&coop.profile.location);
    let mut names: HashMap<String, String> = SEED
        .iter()
        .map(|s| (s.slug.to_owned(), s.name.to_owned()))
        .collect();
    for skill in coop.technologies.iter().chain(&coop.services) {
        names.insert(skill.slug.clone(), skill.name.clone());
    }
    let evidence = capability_of(conn, viewer, coop, now)?.evidence;
    let mut ranked: Vec<(Relevance, Opportunity)> = opportunities::open(conn, now)?
        .into_iter()
        .map(|opportunity| {
            let asked: Vec<String> = opportunity
                .required_skills
                .iter()
                .map(|s| s.slug.clone())
                .collect();
            for skill in &opportunity.required_skills {
                names.insert(skill.slug.clone(), skill.name.clone());
            }
            let tender = &opportunity.tender;
            let suitable =
                tender.suitable_for_sme == Some(true) || tender.suitable_for_vcse == Some(true);
            let needs = tender_needs(tender, &asked);
            let fit = relevance(needs, &evidence, at, tender_place(tender), suitable);
            (fit, opportunity)
        })
        .filter(|(fit, _)| !fit.met.is_empty())
        .collect();
    ranked.sort_by(|(a, x), (b, y)| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(Ordering::Equal)
            .then_with(|| x.tender.deadline.cmp(&y.tender.deadline))
            .then_with(|| x.id.cmp(&y.id))
    });
    let (chosen, total) = page_of(ranked, page);
    let name = |slug: &str| names.get(slug).cloned().unwrap_or_else(|| slug.to_owned());
    let items = chosen
        .into_iter()
        .map(|(fit, opportunity)| ranked_view(fit, opportunity, &name, now))
        .collect();
    Ok(RankedList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    })
}

fn because(need: &Need) -> AskedBecause {
    let (kind, cpv, cpv_description, words) = match &need.source {
        NeedSource::Cpv { code, description } => (
            "cpv",
            Some((*code).to_owned()),
            Some((*description).to_owned()),
            None,
        ),
        NeedSource::Asked => ("asked", None, None, None),
        NeedSource::Words { phrase } => ("words", None, None, Some((*phrase).to_owned())),
    };
    AskedBecause {
        kind,
        cpv,
        cpv_description,
        words,
    }
}

/// Why a tender asks for `need`, as a clause: `its CPV code 72413000 (…)`.
fn asked_for(need: &Need) -> String {
    match &need.source {
        NeedSource::Cpv { code, description } => format!("its CPV code {code} ({description})"),
        NeedSource::Asked => "added to the tender by hand".to_owned(),
        NeedSource::Words { phrase } => format!("its text says \"{phrase}\""),
    }
}

fn shown(evidence: &[Evidence]) -> String {
    let ways: Vec<&str> = evidence
        .iter()
        .map(|e| match e {
            Evidence::Listed => "lists it",
            Evidence::CaseStudy => "has a case study of it",
            Evidence::People => "has people skilled in it",
        })
        .collect();
    ways.join(" and ")
}

fn ranked_view(
    fit: Relevance,
    opportunity: Opportunity,
    name: &dyn Fn(&str) -> String,
    now: DateTime<Utc>,
) -> RankedOpportunity {
    let tender = &opportunity.tender;
    let mut reasons: Vec<String> = fit
        .met
        .iter()
        .map(|met| {
            format!(
                "{}: {}; the co-op {}.",
                name(&met.skill),
                asked_for(&met.need),
                shown(&met.evidence)
            )
        })
        .collect();
    let mut missing: Vec<String> = Vec::new();
    for need in &fit.unmet {
        for skill in &need.skills {
            if !missing.contains(skill) {
                missing.push(skill.clone());
            }
        }
    }
    if !fit.unmet.is_empty() {
        let wanted: Vec<String> = fit
            .unmet
            .iter()
            .map(|need| {
                let skills: Vec<String> = need.skills.iter().map(|s| name(s)).collect();
                format!("{} ({})", skills.join(" or "), asked_for(need))
            })
            .collect();
        reasons.push(format!(
            "Not shown by the co-op, for partners to bring: {}.",
            wanted.join("; ")
        ));
    }
    reasons.push(match (fit.place, tender_place(tender)) {
        (Some((place, km)), _) => format!("The work is in {}, {km} km from the co-op.", place.name),
        (None, Some(place)) => format!(
            "The work is in {}; the co-op's own place is not known.",
            place.name
        ),
        (None, None) => "Where the work is is not known.".to_owned(),
    });
    reasons.push(match &tender.value {
        Some(value) => format!("Worth {}.", written(value.amount, &value.currency)),
        None => "No value published.".to_owned(),
    });
    let suits: Vec<&str> = [
        (tender.suitable_for_sme, "small and medium enterprises"),
        (
            tender.suitable_for_vcse,
            "voluntary, community and social enterprises",
        ),
    ]
    .into_iter()
    .filter(|(flag, _)| *flag == Some(true))
    .map(|(_, who)| who)
    .collect();
    if !suits.is_empty() {
        reasons.push(format!("The buyer says it suits {}.", suits.join(" and ")));
    }
    // One entry per skill: the first need it meets says why.
    let mut covered: Vec<CoveredView> = Vec::new();
    for met in &fit.met {
        if !covered.iter().any(|c| c.slug == met.skill) {
            covered.push(CoveredView {
                slug: met.skill.clone(),
                evidence: met.evidence.clone(),
                because: because(&met.need),
            });
        }
    }
    RankedOpportunity {
        score: (fit.score * 1000.0).round() / 1000.0,
        covered,
        missing,
        place: fit.place.map(|(place, km)| PlaceFit {
            name: place.name.clone(),
            distance_km: km,
        }),
        reasons,
        opportunity: OpportunityView::new(opportunity, now),
    }
}
