//! How relevant a tender is to a co-op, and why, in words a bid coordinator
//! can check: what the tender asks for (its CPV codes, the skills added by
//! hand, the work its own words describe), which of those the co-op shows
//! it can do, how far the work is from the co-op, and whether the buyer
//! says it suits small or social enterprises.

use super::{CoopEvidence, Evidence, TenderRelease, cpv_entries, skills_in_words};
use crate::geo::distance_km;
use crate::places::{self, Place};

/// Why a tender asks for something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NeedSource {
    /// One of its CPV codes (the listed code it falls under, and its description).
    Cpv {
        /// Eight digits of the listed code.
        code: &'static str,
        /// Its CPV description.
        description: &'static str,
    },
    /// Added by hand to the tender.
    Asked,
    /// A phrase of its title, description or lots.
    Words {
        /// The phrase.
        phrase: &'static str,
    },
}

/// One thing a tender asks for: skills any one of which shows the capability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    /// Why.
    pub source: NeedSource,
    /// Canonical slugs, alternatives.
    pub skills: Vec<String>,
}

fn named(needs: &[Need], skill: &str) -> bool {
    needs.iter().any(|n| n.skills.iter().any(|s| s == skill))
}

/// What a tender formally asks for: one need per CPV entry its codes fall
/// under, then each skill added by hand that no code implies.
pub fn stated_needs(tender: &TenderRelease, asked: &[String]) -> Vec<Need> {
    let mut needs: Vec<Need> = cpv_entries(tender.cpv.iter().map(String::as_str))
        .into_iter()
        .map(|entry| Need {
            source: NeedSource::Cpv {
                code: entry.code,
                description: entry.description,
            },
            skills: entry.skills.iter().map(|s| (*s).to_owned()).collect(),
        })
        .collect();
    for skill in asked {
        if !named(&needs, skill) {
            needs.push(Need {
                source: NeedSource::Asked,
                skills: vec![skill.clone()],
            });
        }
    }
    needs
}

/// What a tender asks for: its [`stated_needs`], then each phrase of its
/// words naming skills that they do not.
pub fn tender_needs(tender: &TenderRelease, asked: &[String]) -> Vec<Need> {
    let mut needs = stated_needs(tender, asked);
    let lots: Vec<&str> = tender.lots.iter().map(|lot| lot.title.as_str()).collect();
    let text = format!(
        "{}\n{}\n{}",
        tender.title,
        tender.description,
        lots.join("\n")
    );
    for mention in skills_in_words(&text) {
        if named(&needs, mention.skill) {
            continue;
        }
        let phrase = NeedSource::Words {
            phrase: mention.phrase,
        };
        match needs.iter_mut().find(|n| n.source == phrase) {
            Some(need) => need.skills.push(mention.skill.to_owned()),
            None => needs.push(Need {
                source: phrase,
                skills: vec![mention.skill.to_owned()],
            }),
        }
    }
    needs
}

/// Where a tender's work is: its address (a delivery address, else the
/// buyer's: postcode or town), else a town in the buyer's name ("Sheffield
/// City Council"), else its region if that is a town.
pub fn tender_place(tender: &TenderRelease) -> Option<&'static Place> {
    let in_name = |name: &String| {
        let words: Vec<String> = places::key(name).split(' ').map(str::to_owned).collect();
        places::named_in(&words, &|_| false).map(|(_, _, place)| place)
    };
    tender
        .place
        .as_deref()
        .and_then(places::locate)
        .or_else(|| tender.buyer_name.as_ref().and_then(in_name))
        .or_else(|| tender.region.as_deref().and_then(places::locate))
}

/// Work within this many kilometres of a co-op is near it.
pub const NEAR_KM: f64 = 30.0;
/// Work within this many kilometres is within reach.
pub const REACH_KM: f64 = 80.0;

/// A need the co-op meets, with the skill that shows it and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Met {
    /// The need.
    pub need: Need,
    /// The skill of the need the co-op shows best.
    pub skill: String,
    /// How it shows it.
    pub evidence: Vec<Evidence>,
}

/// How relevant a tender is to a co-op.
#[derive(Debug, Clone, PartialEq)]
pub struct Relevance {
    /// Needs the co-op meets.
    pub met: Vec<Met>,
    /// Needs it does not: what partners could bring.
    pub unmet: Vec<Need>,
    /// The tender's place and its distance from the co-op, where both are known.
    pub place: Option<(&'static Place, f64)>,
    /// 0 to 1: the needs met (words counting half as much as codes and
    /// skills asked for, case-study and people evidence a little more than a
    /// listing), then nearness and suitability for small or social enterprises.
    pub score: f64,
}

fn points(evidence: &[Evidence]) -> f64 {
    0.8 + 0.1 * evidence.len().saturating_sub(1) as f64
}

/// How `needs` fit what a co-op at `coop_point` shows; `tender_point`
/// where its work is, `suitable` whether it suits SMEs or VCSEs.
pub fn relevance(
    needs: Vec<Need>,
    coop: &CoopEvidence,
    coop_point: Option<(f64, f64)>,
    tender_point: Option<&'static Place>,
    suitable: bool,
) -> Relevance {
    let (mut met, mut unmet) = (Vec::new(), Vec::new());
    let (mut earned, mut possible) = (0.0, 0.0);
    for need in needs {
        let weight = if matches!(need.source, NeedSource::Words { .. }) {
            0.5
        } else {
            1.0
        };
        possible += weight;
        let best = need
            .skills
            .iter()
            .map(|skill| (skill, coop.evidence_of(skill)))
            .filter(|(_, evidence)| !evidence.is_empty())
            .max_by_key(|(_, evidence)| evidence.len());
        match best {
            Some((skill, evidence)) => {
                earned += weight * points(&evidence);
                met.push(Met {
                    skill: skill.clone(),
                    evidence,
                    need,
                });
            }
            None => unmet.push(need),
        }
    }
    let place = tender_point.zip(coop_point).map(|(place, at)| {
        let km = distance_km(at, (place.latitude, place.longitude));
        (place, (km * 10.0).round() / 10.0)
    });
    let nearness = match place {
        Some((_, km)) if km <= NEAR_KM => 0.15,
        Some((_, km)) if km <= REACH_KM => 0.08,
        _ => 0.0,
    };
    let fit = if possible > 0.0 {
        earned / possible
    } else {
        0.0
    };
    let score = if met.is_empty() {
        0.0
    } else {
        (0.8 * fit.min(1.0) + nearness + if suitable { 0.05 } else { 0.0 }).min(1.0)
    };
    Relevance {
        met,
        unmet,
        place,
        score,
    }
}

#[cfg(test)]
mod tests;
