//! The levelled skills of offers and requests: resolved to canonical skills
//! (created when new) before anything is written, and read back in order.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use coophub_domain::sharing::LevelledSkill;
use coophub_domain::skills::{Skill, SkillCategory, SkillName};

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::skills::SkillRow;

/// Canonical slugs for `skills` with their levels, first spelling of each
/// skill kept: the rows to link, in order.
pub(crate) fn resolve(
    conn: &mut DbConnection,
    skills: &[(SkillName, u8)],
    now: DateTime<Utc>,
) -> Result<Vec<(String, u8)>, StoreError> {
    let mut seen = HashSet::new();
    let mut resolved = Vec::new();
    for (name, level) in skills {
        let skill = crate::skills::resolve(conn, name, SkillCategory::Technology, now)?;
        if seen.insert(skill.slug.clone()) {
            resolved.push((skill.slug, *level));
        }
    }
    Ok(resolved)
}

/// Links as loaded (`owner id, level, skill`, in position order), grouped by owner.
pub(crate) fn grouped(
    links: Vec<(String, i32, SkillRow)>,
) -> Result<HashMap<String, Vec<LevelledSkill>>, StoreError> {
    let mut by_owner: HashMap<String, Vec<LevelledSkill>> = HashMap::new();
    for (owner, level, skill) in links {
        let level = u8::try_from(level).map_err(|_| super::corrupt("level"))?;
        by_owner.entry(owner).or_default().push(LevelledSkill {
            skill: Skill::from(skill),
            level,
        });
    }
    Ok(by_owner)
}

/// The position column of the `index`th link.
pub(crate) fn position(index: usize) -> i32 {
    i32::try_from(index + 1).unwrap_or(i32::MAX)
}
