//! Who may publish, change and see a case study, and which co-ops it credits:
//! the rules of `coophub_domain::access` and `coophub_domain::consent` applied
//! to what the store holds.

use chrono::{DateTime, Utc};
use coophub_domain::access::{self, CoopFacts};
use coophub_domain::case_study::{CaseStudy, CaseStudyInput};
use coophub_domain::consent::{self, Consent};
use coophub_domain::coop::Coop;
use coophub_domain::{Expected, FieldError, ValidationErrors};
use coophub_store::{DbConnection, case_studies, coops};
use uuid::Uuid;

use super::mention_facts;
use crate::auth::{Viewer, refused};
use crate::problem::ApiError;

/// The co-ops a case study names, looked up by slug: 422 for one that does
/// not exist or that `viewer` may not see, alike, so that the answer does not
/// tell that a hidden co-op exists.
pub(crate) fn named_coops(
    conn: &mut DbConnection,
    viewer: &Viewer,
    input: &CaseStudyInput,
) -> Result<Vec<Coop>, ApiError> {
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
pub(crate) fn consents_of_new(
    viewer: &Viewer,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, Consent)>, ApiError> {
    access::create_case_study(viewer, ids).map_err(|denied| refused(denied, String::new))?;
    let owner = ids
        .iter()
        .copied()
        .find(|coop| viewer.is_admin_of(*coop))
        .or_else(|| ids.first().copied())
        .ok_or_else(|| ApiError::from_field(FieldError::new("/coops", "must name a co-op")))?;
    Ok(consent::after_change(ids, owner, &[], |coop| {
        viewer.is_admin_of(coop)
    }))
}

/// Writes `input` over `study` (already checked with [`case_study_to_change`]):
/// it must still name its owner; co-ops that confirmed stay confirmed, and new
/// ones are pending unless the editor administers them.
pub(crate) fn replace_case_study(
    conn: &mut DbConnection,
    viewer: &Viewer,
    study: &CaseStudy,
    input: &CaseStudyInput,
    expected: Option<&Expected>,
    now: DateTime<Utc>,
) -> Result<CaseStudy, ApiError> {
    let ids: Vec<_> = named_coops(conn, viewer, input)?
        .iter()
        .map(|c| c.id)
        .collect();
    let before: Vec<(Uuid, Consent)> = study.coops.iter().map(|c| (c.id, c.consent)).collect();
    let owner = match study.owner() {
        Some(owner) if ids.contains(&owner.id) => owner.id,
        Some(owner) => {
            return Err(ApiError::from_field(FieldError::new(
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
            .ok_or_else(|| ApiError::from_field(FieldError::new("/coops", "must name a co-op")))?,
    };
    let named = consent::after_change(&ids, owner, &before, |coop| viewer.is_admin_of(coop));
    Ok(case_studies::update(
        conn,
        &study.slug,
        expected,
        input,
        &named,
        now,
    )?)
}

/// The case study `slug` for a change by the viewer: visible (404 otherwise),
/// owned by a co-op the viewer administers (403 otherwise), and locked until
/// the write transaction ends.
pub(crate) fn case_study_to_change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
) -> Result<CaseStudy, ApiError> {
    let study = case_study_for(conn, viewer, slug, true)?;
    access::edit_case_study(viewer, study.owner().map(|owner| owner.id))
        .map_err(|denied| refused(denied, String::new))?;
    Ok(study)
}

/// The case study `slug` if the viewer may see it (404 otherwise); locked
/// until the write transaction ends when `for_change`.
pub(crate) fn case_study_for(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    for_change: bool,
) -> Result<CaseStudy, ApiError> {
    let not_found = || format!("no case study {slug}");
    let study = if for_change {
        case_studies::find_for_update(conn, slug)?
    } else {
        case_studies::find_by_slug(conn, slug)?
    }
    .ok_or_else(|| ApiError::NotFound(not_found()))?;
    access::read_case_study(viewer, study.owner().map(mention_facts))
        .map_err(|denied| refused(denied, not_found))?;
    Ok(study)
}
