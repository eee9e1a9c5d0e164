//! What a co-op can bring to a bid, as far as the viewer may know it: its
//! listed technologies and services, the skills of case studies naming it
//! with its consent, and (where the viewer may see network-only fields)
//! its people's skills and levels and the time they can give. Ranked
//! opportunities, partner suggestions and gap analysis all read it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use coophub_domain::access;
use coophub_domain::bidding::{CoopEvidence, CoopTime, OfferTime, PersonTime};
use coophub_domain::consent::Consent;
use coophub_domain::coop::Coop;
use coophub_domain::person::Person;
use coophub_store::case_studies::{self, CaseStudyFilter};
use coophub_store::sharing::offers;
use coophub_store::sharing::placements::{self, Holder};
use coophub_store::{DbConnection, Page, people};
use uuid::Uuid;

use coophub_domain::access::Viewer;

use crate::AppError;
use crate::directory::people::facts;

/// A co-op's capability.
pub struct Capability {
    /// The co-op.
    pub coop: Coop,
    /// How it shows each skill.
    pub evidence: CoopEvidence,
    /// The best level its people hold of each skill (network members only).
    pub levels: HashMap<String, u8>,
    /// The time its people can give (network members only).
    pub time: CoopTime,
    /// Ids of the co-ops it has case studies with (consented on both sides).
    pub worked_with: Vec<Uuid>,
    /// Its people the viewer may see (network members only).
    pub people: Vec<Person>,
}

/// Every page at once: capability reads whole lists.
pub const ALL: Page = Page {
    number: 1,
    size: u32::MAX,
};

/// Loads `coop`'s capability as `viewer` may know it at `now`.
pub fn capability_of(
    conn: &mut DbConnection,
    viewer: &Viewer,
    coop: Coop,
    now: DateTime<Utc>,
) -> Result<Capability, AppError> {
    let mut evidence = CoopEvidence {
        listed: coop
            .technologies
            .iter()
            .chain(&coop.services)
            .map(|s| s.slug.clone())
            .collect(),
        ..CoopEvidence::default()
    };
    let studies = CaseStudyFilter {
        coop: Some(coop.id),
        ..CaseStudyFilter::default()
    };
    let mut worked_with = Vec::new();
    for study in case_studies::list(conn, studies, ALL)?.0 {
        evidence
            .case_studies
            .extend(study.skills.into_iter().map(|s| s.slug));
        worked_with.extend(
            study
                .coops
                .iter()
                .filter(|m| m.id != coop.id && m.consent != Consent::Pending)
                .map(|m| m.id),
        );
    }
    worked_with.sort();
    worked_with.dedup();
    let mut levels: HashMap<String, u8> = HashMap::new();
    let mut time = CoopTime::default();
    let mut visible = Vec::new();
    if access::see_network_only_fields(viewer, coop.id) {
        let mut by_person: HashMap<Uuid, PersonTime> = HashMap::new();
        for person in people::of_coops(conn, &[coop.id])? {
            if access::read_person(viewer, facts(&person, &coop)).is_ok() {
                visible.push(person.clone());
            }
            let skills: Vec<(String, u8)> = person
                .skills
                .iter()
                .map(|s| (s.skill.slug.clone(), s.level))
                .collect();
            for (slug, level) in &skills {
                let best = levels.entry(slug.clone()).or_default();
                *best = (*best).max(*level);
                if *level >= 3 {
                    evidence.people.push(slug.clone());
                }
            }
            let declared = person
                .availability
                .as_ref()
                .filter(|a| !a.lapsed(now))
                .and_then(|a| Some((a.half_days()?, a.from)));
            by_person.insert(
                person.id,
                PersonTime {
                    skills,
                    declared,
                    offers: Vec::new(),
                },
            );
        }
        for offer in offers::of_coops(conn, &[coop.id])? {
            if !offer.live(now) {
                continue;
            }
            let held = placements::held(conn, Holder::Offer(offer.id), None)?;
            let offered = OfferTime {
                skills: offer
                    .skills
                    .iter()
                    .map(|s| (s.skill.slug.clone(), s.level))
                    .collect(),
                half_days: offer.half_days,
                dates: offer.dates,
                held,
            };
            match offer.person_id.and_then(|p| by_person.get_mut(&p)) {
                Some(person) => person.offers.push(offered),
                None => time.unnamed.push(offered),
            }
        }
        let mut people: Vec<(Uuid, PersonTime)> = by_person.into_iter().collect();
        people.sort_by_key(|(id, _)| *id);
        time.people = people.into_iter().map(|(_, person)| person).collect();
    }
    Ok(Capability {
        coop,
        evidence,
        levels,
        time,
        worked_with,
        people: visible,
    })
}
