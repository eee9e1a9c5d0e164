//! The skills vocabulary: canonical skills, their spellings, and who has
//! them, as far as the viewer may know.

mod views;

pub use views::{SkillDetail, SkillHolder, SkillList, SkillPerson, SkillUsageView, SkillView};

use chrono::{DateTime, Utc};
use coophub_domain::access::{self, Viewer};
use coophub_store::{DbConnection, Page, skills};

use crate::AppError;

/// Skills whose name or an alias starts with `typed` (any spelling): the
/// built-in ones and those something the viewer may see lists; an exact
/// match first, then the most used.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    typed: Option<&str>,
    page: Page,
) -> Result<SkillList, AppError> {
    let (found, total) = skills::search(conn, typed, page, viewer.reach())?;
    Ok(SkillList {
        items: found
            .into_iter()
            .map(|usage| SkillUsageView {
                skill: usage.skill.into(),
                coop_count: usage.coops,
            })
            .collect(),
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// The skill spelt `spelling` (its slug or any spelling), with the approved
/// co-ops listing it and the people holding it that the viewer may see.
pub fn show(
    conn: &mut DbConnection,
    viewer: &Viewer,
    spelling: &str,
) -> Result<SkillDetail, AppError> {
    let Some(skill) = skills::find_known(conn, spelling, viewer.reach())? else {
        return Err(AppError::NotFound(format!("no skill {spelling}")));
    };
    let coops = skills::coops_with(conn, &skill.slug)?;
    let people = skills::people_with(conn, &skill.slug, viewer.sees_network_only())?;
    Ok(SkillDetail {
        skill: skill.into(),
        coops: coops
            .into_iter()
            .map(|(slug, name, kind)| SkillHolder { slug, name, kind })
            .collect(),
        people: people
            .into_iter()
            .map(|h| SkillPerson {
                id: h.person_id,
                name: h.name,
                coop: h.coop_slug,
                level: h.level,
                interest: h.interest,
            })
            .collect(),
    })
}

/// Merges the skill `from` into `into` (network admins): every reference
/// and spelling moves. Both must exist.
pub fn merge(
    conn: &mut DbConnection,
    viewer: &Viewer,
    from: &str,
    into: &str,
    now: DateTime<Utc>,
) -> Result<SkillView, AppError> {
    access::administer_network(viewer).map_err(|denied| AppError::refused(denied, String::new))?;
    skills::merge(conn, from, into, now)?
        .map(SkillView::from)
        .ok_or_else(|| AppError::NotFound("both skills must exist".into()))
}
