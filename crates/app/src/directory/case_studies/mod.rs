//! Case studies: work co-ops did, alone or together. Who may see and change
//! one, and which co-ops it credits: the rules of `coophub_domain::access`
//! and `coophub_domain::consent` applied to what the store holds.

mod from_bid;
mod views;

pub use from_bid::{WonBidStory, from_won_bid};
pub use views::{CaseStudyList, CaseStudyView, NamedCoop};

use chrono::{DateTime, Utc};
use coophub_domain::access::{self, CoopFacts, Denied, Viewer};
use coophub_domain::case_study::{CaseStudy, CaseStudyInput, CoopMention};
use coophub_domain::consent::{self, Consent};
use coophub_domain::coop::{Coop, MembershipStatus};
use coophub_domain::{Expected, FieldError, ValidationErrors};
use coophub_store::case_studies::{self, CaseStudyFilter, ConsentAnswer};
use coophub_store::{DbConnection, Page, coops, skills};
use uuid::Uuid;

use crate::AppError;
use crate::directory::coops::slug_taken;
use crate::guard::{Guarded, Lock, load};

/// A rule about a case study.
pub type CaseStudyRule = fn(&Viewer, &CaseStudy) -> Result<(), Denied>;

/// What the rules know of a co-op a case study names.
pub fn mention_facts(coop: &CoopMention) -> CoopFacts {
    CoopFacts {
        id: coop.id,
        status: if coop.approved {
            MembershipStatus::Approved
        } else {
            // Not approved: applied, invited, lapsed or removed alike here.
            MembershipStatus::Applied
        },
    }
}

/// The viewer may see the case study.
pub const READ: CaseStudyRule =
    |viewer, study| access::read_case_study(viewer, study.owner().map(mention_facts));

/// The viewer may see the case study and administers the co-op that
/// published it.
pub const EDIT: CaseStudyRule = |viewer, study| {
    READ(viewer, study)?;
    access::edit_case_study(viewer, study.owner().map(|owner| owner.id))
};

/// A case study by slug; one the viewer may not see is not found.
impl Guarded for CaseStudy {
    type Key = str;
    type Rule = CaseStudyRule;

    fn missing(slug: &str) -> String {
        format!("no case study {slug}")
    }

    fn find(conn: &mut DbConnection, slug: &str, lock: Lock) -> Result<Option<Self>, AppError> {
        Ok(match lock {
            Lock::Read => case_studies::find_by_slug(conn, slug)?,
            Lock::ForChange => case_studies::find_for_update(conn, slug)?,
        })
    }

    fn decide(&self, viewer: &Viewer, rule: CaseStudyRule) -> Result<(), Denied> {
        rule(viewer, self)
    }
}

/// What a case study listing asks for: a co-op (slug) and a skill (any
/// spelling).
#[derive(Debug, Clone, Default)]
pub struct CaseStudyQuery {
    /// Only case studies naming this co-op.
    pub coop: Option<String>,
    /// Only case studies using this skill.
    pub skill: Option<String>,
    /// Only case studies of this year.
    pub year: Option<i32>,
}

/// Case studies, newest first: outside the network only those published by
/// an approved co-op. A co-op's admins also see what waits for their
/// consent. An unknown co-op or skill matches nothing; so does a co-op the
/// viewer may not see (a count does not reveal it).
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    query: CaseStudyQuery,
    page: Page,
) -> Result<CaseStudyList, AppError> {
    let empty = || CaseStudyList {
        items: Vec::new(),
        total: 0,
        page: page.number,
        per_page: page.size,
    };
    let coop = match query.coop {
        Some(slug) => match coops::find_by_slug(conn, &slug)? {
            Some(coop) if access::read_coop(viewer, CoopFacts::of(&coop)).is_ok() => Some(coop),
            _ => return Ok(empty()),
        },
        None => None,
    };
    let skill = match query.skill {
        Some(spelling) => match skills::find(conn, &spelling)? {
            Some(skill) => Some(skill.slug),
            None => return Ok(empty()),
        },
        None => None,
    };
    let filter = CaseStudyFilter {
        approved_owner_only: !viewer.sees_network_only(),
        coop: coop.as_ref().map(|coop| coop.id),
        pending_too: coop
            .as_ref()
            .is_some_and(|coop| viewer.is_network_admin() || viewer.is_admin_of(coop.id)),
        skill: skill.as_deref(),
        year: query.year,
    };
    let (studies, total) = case_studies::list(conn, filter, page)?;
    Ok(CaseStudyList {
        items: studies
            .into_iter()
            .map(|study| CaseStudyView::new(study, viewer))
            .collect(),
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// Publishes a case study: it belongs to the first named co-op the author
/// administers; the others are credited once their admins confirm.
pub fn create(
    conn: &mut DbConnection,
    viewer: &Viewer,
    input: &CaseStudyInput,
    now: DateTime<Utc>,
) -> Result<CaseStudy, AppError> {
    let ids: Vec<_> = named_coops(conn, viewer, input)?
        .iter()
        .map(|c| c.id)
        .collect();
    let named = consents_of_new(viewer, &ids)?;
    case_studies::insert(conn, input, &named, now).map_err(slug_taken("case study"))
}

/// Replaces the case study `slug`, which the viewer may edit.
pub fn update(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    expected: Option<&Expected>,
    input: &CaseStudyInput,
    now: DateTime<Utc>,
) -> Result<CaseStudy, AppError> {
    let study = load::<CaseStudy>(conn, viewer, slug, EDIT, Lock::ForChange)?;
    replace(conn, viewer, &study, input, expected, now)
}

/// Deletes the case study `slug`, which the viewer may edit.
pub fn delete(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let study = load::<CaseStudy>(conn, viewer, slug, EDIT, Lock::ForChange)?;
    Ok(case_studies::delete(conn, &study.slug, expected, now)?)
}

/// The co-op `coop` (slug) answers whether it agrees to be credited in the
/// case study `slug`; declining removes it.
pub fn answer_consent(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    coop: &str,
    answer: ConsentAnswer,
    now: DateTime<Utc>,
) -> Result<CaseStudy, AppError> {
    let not_found = || format!("no case study {slug} naming {coop}");
    let named = coops::find_by_slug(conn, coop)?.ok_or_else(|| AppError::NotFound(not_found()))?;
    access::decide_consent(viewer, named.id)
        .map_err(|denied| AppError::refused(denied, not_found))?;
    case_studies::answer(conn, slug, named.id, answer, now)?
        .ok_or_else(|| AppError::NotFound(not_found()))
}

/// The co-ops a case study names, looked up by slug: 422 for one that does
/// not exist or that `viewer` may not see, alike, so that the answer does not
/// tell that a hidden co-op exists.
pub fn named_coops(
    conn: &mut DbConnection,
    viewer: &Viewer,
    input: &CaseStudyInput,
) -> Result<Vec<Coop>, AppError> {
    let mut errors = ValidationErrors::default();
    let mut named = Vec::new();
    for (i, slug) in input.coops.iter().enumerate() {
        match coops::find_by_slug(conn, slug.as_str())? {
            Some(coop) if access::read_coop(viewer, CoopFacts::of(&coop)).is_ok() => {
                named.push(coop)
            }
            _ => errors.0.push(FieldError::new(
                format!("/coops/{i}"),
                "no co-op has this slug",
            )),
        }
    }
    if errors.0.is_empty() {
        Ok(named)
    } else {
        Err(errors.into())
    }
}

/// The consents of a new case study naming `ids`: it belongs to the first
/// named co-op the author administers (a network admin's, to the first named);
/// the others are credited once their admins confirm.
pub fn consents_of_new(viewer: &Viewer, ids: &[Uuid]) -> Result<Vec<(Uuid, Consent)>, AppError> {
    access::create_case_study(viewer, ids)
        .map_err(|denied| AppError::refused(denied, String::new))?;
    let owner = ids
        .iter()
        .copied()
        .find(|coop| viewer.is_admin_of(*coop))
        .or_else(|| ids.first().copied())
        .ok_or_else(|| AppError::from(FieldError::new("/coops", "must name a co-op")))?;
    Ok(consent::after_change(ids, owner, &[], |coop| {
        viewer.is_admin_of(coop)
    }))
}

/// Writes `input` over `study` (loaded with [`EDIT`] for a change):
/// it must still name its owner; co-ops that confirmed stay confirmed, and new
/// ones are pending unless the editor administers them.
pub fn replace(
    conn: &mut DbConnection,
    viewer: &Viewer,
    study: &CaseStudy,
    input: &CaseStudyInput,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<CaseStudy, AppError> {
    let ids: Vec<_> = named_coops(conn, viewer, input)?
        .iter()
        .map(|c| c.id)
        .collect();
    let before: Vec<(Uuid, Consent)> = study.coops.iter().map(|c| (c.id, c.consent)).collect();
    let owner = match study.owner() {
        Some(owner) if ids.contains(&owner.id) => owner.id,
        Some(owner) => {
            return Err(AppError::from(FieldError::new(
                "/coops",
                format!(
                    "must still name {}, the co-op that published it",
                    owner.slug
                ),
            )));
        }
        // Its owner's record is gone: the first co-op named takes it over.
        None => ids
            .first()
            .copied()
            .ok_or_else(|| AppError::from(FieldError::new("/coops", "must name a co-op")))?,
    };
    let named = consent::after_change(&ids, owner, &before, |coop| viewer.is_admin_of(coop));
    case_studies::update(conn, &study.slug, expected, input, &named, now)
        .map_err(slug_taken("case study"))
}
