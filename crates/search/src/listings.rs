//! Search documents of offers, requests and opportunities. Only live ones of member co-ops
//! are indexed (everyone may find them); rates, budgets, notes about people
//! and the person offered are never indexed. An offer expires when it lapses
//! unless reconfirmed, a request after its last day.

use chrono::NaiveTime;
use coophub_domain::bidding::Opportunity;
use coophub_domain::coop::{Coop, MembershipStatus};
use coophub_domain::sharing::{
    LevelledSkill, Offer, OfferStatus, Request, RequestStatus, WorkMode, days_a_week,
};

use crate::document::{DocKind, SearchDocument, SkillEntry};

fn skills(skills: &[LevelledSkill]) -> Vec<SkillEntry> {
    skills
        .iter()
        .map(|s| SkillEntry {
            slug: s.skill.slug.clone(),
            name: s.skill.name.clone(),
            level: s.level,
        })
        .collect()
}

fn mode(mode: Option<WorkMode>) -> &'static str {
    match mode {
        Some(WorkMode::Remote) => "remote",
        Some(WorkMode::Hybrid) => "hybrid",
        Some(WorkMode::Onsite) => "on site",
        None => "remote or on site",
    }
}

/// A listing of `coop` with its own place when it has one.
fn listing(coop: &Coop, kind: DocKind, id: String, place: Option<(f64, f64)>) -> SearchDocument {
    let location = &coop.profile.location;
    SearchDocument {
        kind,
        id,
        slug: None,
        title: String::new(),
        summary: String::new(),
        description: String::new(),
        clients: Vec::new(),
        skills: Vec::new(),
        region: location.region.clone(),
        country: location.country.clone(),
        legal_form: None,
        location: place.or(location.latitude.zip(location.longitude)),
        public: true,
        standing: None,
        availability: None,
        updated: 0,
        expires: None,
    }
}

/// The document of `offer` (of `coop`), if it may be found: open, of a member co-op.
pub fn offer_document(offer: &Offer, coop: &Coop) -> Option<SearchDocument> {
    if offer.status != OfferStatus::Open || coop.membership.status != MembershipStatus::Approved {
        return None;
    }
    Some(SearchDocument {
        title: offer.title.clone(),
        summary: format!(
            "{} from {} to {}, {}, offered by {}",
            days_a_week(offer.half_days),
            offer.dates.start,
            offer.dates.end,
            mode(Some(offer.work_mode)),
            coop.profile.name
        ),
        description: offer.notes.clone(),
        clients: Vec::new(),
        skills: skills(&offer.skills),
        updated: offer.updated_at.timestamp(),
        expires: Some(offer.lapses_at().timestamp()),
        ..listing(coop, DocKind::Offer, offer.id.to_string(), offer.location)
    })
}

/// The document of `request` (of `coop`), if it may be found: open, of a member co-op.
pub fn request_document(request: &Request, coop: &Coop) -> Option<SearchDocument> {
    if request.status != RequestStatus::Open || coop.membership.status != MembershipStatus::Approved
    {
        return None;
    }
    let after_last_day = request.dates.end.succ_opt().unwrap_or(request.dates.end);
    Some(SearchDocument {
        title: request.title.clone(),
        summary: format!(
            "{} from {} to {}, {}, asked for by {}",
            days_a_week(request.half_days),
            request.dates.start,
            request.dates.end,
            mode(request.work_mode),
            coop.profile.name
        ),
        skills: skills(&request.skills),
        updated: request.updated_at.timestamp(),
        expires: Some(
            after_last_day
                .and_time(NaiveTime::MIN)
                .and_utc()
                .timestamp(),
        ),
        ..listing(
            coop,
            DocKind::Request,
            request.id.to_string(),
            request.location,
        )
    })
}

/// The document of an opportunity, if it may be found: calls for tenders
/// (until their deadline: it is when they expire) and planning notices.
/// Tenders are public notices.
pub fn opportunity_document(opportunity: &Opportunity) -> Option<SearchDocument> {
    let tender = &opportunity.tender;
    if !tender.calls_for_tenders() && !tender.is_planning() {
        return None;
    }
    Some(SearchDocument {
        kind: DocKind::Opportunity,
        id: opportunity.id.to_string(),
        slug: None,
        title: tender.title.clone(),
        summary: tender.buyer_name.clone().unwrap_or_default(),
        description: tender.description.clone(),
        clients: Vec::new(),
        skills: opportunity
            .required_skills
            .iter()
            .map(|s| SkillEntry {
                slug: s.slug.clone(),
                name: s.name.clone(),
                level: 3,
            })
            .collect(),
        region: None,
        country: None,
        legal_form: None,
        location: None,
        public: true,
        standing: None,
        availability: None,
        updated: opportunity.updated_at.timestamp(),
        expires: tender
            .deadline
            .filter(|_| tender.calls_for_tenders())
            .map(|d| d.timestamp()),
    })
}
