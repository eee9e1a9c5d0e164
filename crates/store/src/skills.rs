//! The skills vocabulary: seeding, resolving any spelling to a canonical
//! skill (creating unknown ones), and merging one skill into another.

use chrono::{DateTime, Utc};
use coophub_domain::access::Reach;
use coophub_domain::skills::{SEED, Skill, SkillCategory, SkillName, skill_key};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{skill_aliases, skills};
use crate::time;
use crate::transaction::{self, Row};
use crate::vocabulary;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = skills)]
pub(crate) struct SkillRow {
    slug: String,
    name: String,
    category: String,
    esco_uri: Option<String>,
}

impl From<SkillRow> for Skill {
    fn from(row: SkillRow) -> Self {
        Self {
            slug: row.slug,
            name: row.name,
            // Only this module writes the column, always from a SkillCategory.
            category: SkillCategory::parse(&row.category).unwrap_or(SkillCategory::Technology),
            esco_uri: row.esco_uri,
        }
    }
}

fn insert_skill(
    conn: &mut DbConnection,
    slug: &str,
    name: &str,
    category: SkillCategory,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::insert_into(skills::table)
        .values((
            skills::slug.eq(slug),
            skills::name.eq(name),
            skills::category.eq(category.as_str()),
            skills::created_at.eq(time::to_db(now)),
            skills::updated_at.eq(time::to_db(now)),
        ))
        .execute(conn)
}

fn insert_alias(conn: &mut DbConnection, key: &str, slug: &str) -> QueryResult<usize> {
    diesel::insert_into(skill_aliases::table)
        .values((
            skill_aliases::alias_key.eq(key),
            skill_aliases::skill_slug.eq(slug),
        ))
        .execute(conn)
}

/// Adds the built-in skills and aliases that are missing; returns how many
/// skills were added. Never changes what admins have edited or merged.
pub fn seed(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<usize, StoreError> {
    conn.transaction(|conn| {
        let slugs: HashSet<String> = skills::table
            .select(skills::slug)
            .load(conn)?
            .into_iter()
            .collect();
        let mut keys: HashSet<String> = skill_aliases::table
            .select(skill_aliases::alias_key)
            .load(conn)?
            .into_iter()
            .collect();
        let mut added = 0;
        for seed in SEED {
            if !slugs.contains(seed.slug) {
                insert_skill(conn, seed.slug, seed.name, seed.category, now)?;
                added += 1;
            }
            for spelling in [seed.slug, seed.name].iter().chain(seed.aliases) {
                let key = skill_key(spelling);
                if keys.insert(key.clone()) {
                    insert_alias(conn, &key, seed.slug)?;
                }
            }
        }
        Ok(added)
    })
}

/// The skill a spelling (or slug) resolves to, if any.
pub fn find(conn: &mut DbConnection, spelling: &str) -> Result<Option<Skill>, StoreError> {
    find_known(conn, spelling, Reach::Everything)
}

/// The skill a spelling resolves to, if a viewer with `reach` may learn of
/// it (see [`crate::vocabulary`]): otherwise it is as unknown as a typo.
pub fn find_known(
    conn: &mut DbConnection,
    spelling: &str,
    reach: Reach,
) -> Result<Option<Skill>, StoreError> {
    let spelt = skill_aliases::table
        .filter(skill_aliases::alias_key.eq(skill_key(spelling)))
        .select(skill_aliases::skill_slug);
    let Some(skill) = skills::table
        .filter(skills::slug.eq_any(spelt))
        .select(SkillRow::as_select())
        .first(conn)
        .optional()?
        .map(Skill::from)
    else {
        return Ok(None);
    };
    let Some(rule) = vocabulary::listed_to(reach).filter(|_| !vocabulary::is_built_in(&skill.slug))
    else {
        return Ok(Some(skill));
    };
    let listed = skills::table
        .filter(skills::slug.eq(&skill.slug))
        .select(skills::slug)
        .into_boxed()
        .filter(rule)
        .first::<String>(conn)
        .optional()?;
    Ok(listed.map(|_| skill))
}

/// Every spelling the network knows (its key, as `skill_key` makes it) and
/// the skill it means: what search keeps in memory.
pub fn spellings(conn: &mut DbConnection) -> Result<HashMap<String, String>, StoreError> {
    let pairs: Vec<(String, String)> = skill_aliases::table
        .select((skill_aliases::alias_key, skill_aliases::skill_slug))
        .load(conn)?;
    Ok(pairs.into_iter().collect())
}

/// The canonical skill for `name`, creating it (in `category`) if nobody knew it.
///
/// Safe under concurrency: if another request creates the same skill first,
/// this one finds it.
pub fn resolve(
    conn: &mut DbConnection,
    name: &SkillName,
    category: SkillCategory,
    now: DateTime<Utc>,
) -> Result<Skill, StoreError> {
    // A merge may be deleting the skill found: the shared lock waits for it,
    // and a skill that is gone by then is looked up again (as the alias it became).
    for _ in 0..3 {
        match find(conn, name.key())? {
            Some(skill) if transaction::share(conn, Row::Skill(&skill.slug))? => return Ok(skill),
            Some(_) => continue,
            None => break,
        }
    }
    let base = name.slug();
    for attempt in 0..10 {
        let slug = if attempt == 0 {
            base.clone()
        } else {
            format!("{base}-{}", attempt + 1)
        };
        // A savepoint, so that a lost race does not abort an enclosing transaction.
        let created = conn.transaction(|conn| {
            insert_skill(conn, &slug, name.name(), category, now)?;
            insert_alias(conn, name.key(), &slug)?;
            if skill_key(&slug) != name.key() {
                // The slug's own key may already mean another skill: then the slug
                // is simply not a spelling of this one.
                let _ = conn.transaction(|conn| insert_alias(conn, &skill_key(&slug), &slug));
            }
            Ok::<_, DieselError>(())
        });
        match created {
            Ok(()) => {
                crate::changes::record(conn, crate::changes::Entity::Vocabulary, Uuid::nil(), now)?;
                return Ok(Skill {
                    slug,
                    name: name.name().to_owned(),
                    category,
                    esco_uri: None,
                });
            }
            Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                if let Some(skill) = find(conn, name.key())? {
                    return Ok(skill);
                }
                // The slug is taken by a skill with another key: try the next one.
            }
            Err(error) => return Err(error.into()),
        }
    }
    Err(StoreError::Conflict { what: "skill slug" })
}

/// Makes `from` a spelling of `into`: its aliases move over and the skill is
/// deleted. References to `from` are moved by the caller's tables through
/// [`crate::skill_refs::repoint`] first.
pub fn merge(
    conn: &mut DbConnection,
    from: &str,
    into: &str,
    now: DateTime<Utc>,
) -> Result<Option<Skill>, StoreError> {
    crate::write(conn, |conn| {
        // Both skills, in slug order so that two merges never wait on each other.
        let (first, second) = if from < into {
            (from, into)
        } else {
            (into, from)
        };
        let first_exists = transaction::lock(conn, Row::Skill(first))?;
        if !(first_exists && transaction::lock(conn, Row::Skill(second))?) {
            return Ok(None);
        }
        crate::skill_refs::repoint(conn, from, into)?;
        crate::changes::record_skill_holders(conn, into, now)?;
        crate::changes::record(conn, crate::changes::Entity::Vocabulary, Uuid::nil(), now)?;
        diesel::update(skill_aliases::table.filter(skill_aliases::skill_slug.eq(from)))
            .set(skill_aliases::skill_slug.eq(into))
            .execute(conn)?;
        diesel::delete(skills::table.find(from)).execute(conn)?;
        diesel::update(skills::table.find(into))
            .set(skills::updated_at.eq(time::to_db(now)))
            .execute(conn)?;
        Ok(skills::table
            .find(into)
            .select(SkillRow::as_select())
            .first(conn)
            .optional()?
            .map(Skill::from))
    })
}

/// A skill and how many approved co-ops list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillUsage {
    /// The skill.
    pub skill: Skill,
    /// Approved co-ops listing it as a technology or service.
    pub coops: i64,
}

/// The skills a spelling begins, as [`starting`] finds them.
#[derive(Debug, Clone, Default)]
pub struct Starting {
    /// Every skill found, in no order.
    pub skills: Vec<Skill>,
    /// The one the whole spelling names, if it is among them.
    pub exact: Option<String>,
}

impl Starting {
    /// The skills found, the exact one first, then by `uses` (how many
    /// approved co-ops list a slug), most first, then by name.
    pub fn ranked(self, uses: impl Fn(&str) -> i64) -> Vec<SkillUsage> {
        let exact = self.exact;
        let mut ranked: Vec<SkillUsage> = self
            .skills
            .into_iter()
            .map(|skill| SkillUsage {
                coops: uses(&skill.slug),
                skill,
            })
            .collect();
        ranked.sort_by_cached_key(|usage| {
            (
                exact.as_deref() != Some(usage.skill.slug.as_str()),
                -usage.coops,
                usage.skill.name.to_lowercase(),
                usage.skill.slug.clone(),
            )
        });
        ranked
    }
}

/// Skills whose name or any alias starts like `q` (all skills without `q`)
/// that a viewer with `reach` may learn of.
///
/// Suggest asks this on every keystroke, so each statement has a fixed text
/// (candidates by a subquery, not a bound list; the built-in skills checked
/// here): the connection prepares it once. Preparing a statement with the
/// built-in skills' slugs bound was most of a suggestion's time.
pub fn starting(
    conn: &mut DbConnection,
    q: Option<&str>,
    reach: Reach,
) -> Result<Starting, StoreError> {
    let key = q.map(skill_key).unwrap_or_default();
    let mut found = skills::table.select(SkillRow::as_select()).into_boxed();
    let mut listed = skills::table.select(skills::slug).into_boxed();
    let mut exact = None;
    if !key.is_empty() {
        // Keys hold only letters and digits, so they need no LIKE escaping.
        let pattern = format!("{key}%");
        let spelt: Vec<(String, String)> = skill_aliases::table
            .filter(skill_aliases::alias_key.like(&pattern))
            .select((skill_aliases::alias_key, skill_aliases::skill_slug))
            .load(conn)?;
        exact = spelt
            .into_iter()
            .find(|(alias, _)| *alias == key)
            .map(|(_, slug)| slug);
        let spelt_so = || {
            skill_aliases::table
                .filter(skill_aliases::alias_key.like(pattern.clone()))
                .select(skill_aliases::skill_slug)
        };
        found = found.filter(skills::slug.eq_any(spelt_so()));
        listed = listed.filter(skills::slug.eq_any(spelt_so()));
    }
    let mut skills: Vec<Skill> = found.load(conn)?.into_iter().map(Skill::from).collect();
    if let Some(rule) = vocabulary::listed_to(reach)
        && skills
            .iter()
            .any(|skill| !vocabulary::is_built_in(&skill.slug))
    {
        let known: HashSet<String> = listed.filter(rule).load(conn)?.into_iter().collect();
        skills.retain(|skill| vocabulary::is_built_in(&skill.slug) || known.contains(&skill.slug));
    }
    let exact = exact.filter(|slug| skills.iter().any(|skill| skill.slug == *slug));
    Ok(Starting { skills, exact })
}

/// Skills whose name or any alias starts like `q` (all skills without `q`)
/// that a viewer with `reach` may learn of, exact matches first, then the
/// most used, then by name. Answers one page and the number of matches.
pub fn search(
    conn: &mut DbConnection,
    q: Option<&str>,
    page: crate::Page,
    reach: Reach,
) -> Result<(Vec<SkillUsage>, i64), StoreError> {
    use coophub_domain::coop::MembershipStatus;
    use diesel::dsl::count_star;

    use crate::schema::{coop_skills, coops};

    let found = starting(conn, q, reach)?;
    let slugs: Vec<&str> = found.skills.iter().map(|s| s.slug.as_str()).collect();
    let counts: HashMap<String, i64> = coop_skills::table
        .inner_join(coops::table)
        .filter(coops::membership_status.eq(MembershipStatus::Approved.as_str()))
        .filter(coop_skills::skill_slug.eq_any(&slugs))
        .group_by(coop_skills::skill_slug)
        .select((coop_skills::skill_slug, count_star()))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let ranked = found.ranked(|slug| counts.get(slug).copied().unwrap_or(0));
    let total = i64::try_from(ranked.len()).unwrap_or(i64::MAX);
    let start = usize::try_from(page.offset()).unwrap_or(usize::MAX);
    let items = ranked
        .into_iter()
        .skip(start)
        .take(page.size as usize)
        .collect();
    Ok((items, total))
}

/// The approved co-ops listing `slug`, with the kind (`technology` or `service`), in name order.
pub fn coops_with(
    conn: &mut DbConnection,
    slug: &str,
) -> Result<Vec<(String, String, String)>, StoreError> {
    use coophub_domain::coop::MembershipStatus;

    use crate::schema::{coop_skills, coops};

    Ok(coop_skills::table
        .inner_join(coops::table)
        .filter(coop_skills::skill_slug.eq(slug))
        .filter(coops::membership_status.eq(MembershipStatus::Approved.as_str()))
        .order((coops::name, coop_skills::kind))
        .select((coops::slug, coops::name, coop_skills::kind))
        .load(conn)?)
}

/// A person holding a skill.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Holder {
    /// The person's id.
    pub person_id: String,
    /// Their name.
    pub name: String,
    /// Their co-op's slug.
    pub coop_slug: String,
    /// 1 to 5.
    pub level: i32,
    /// 1 to 5.
    pub interest: i32,
}

/// People holding `slug` in approved co-ops (public ones only unless
/// `network_too`), best level first.
pub fn people_with(
    conn: &mut DbConnection,
    slug: &str,
    network_too: bool,
) -> Result<Vec<Holder>, StoreError> {
    use coophub_domain::coop::MembershipStatus;
    use coophub_domain::person::Visibility;

    use crate::schema::{coops, people, person_skills};

    let mut query = person_skills::table
        .inner_join(people::table.inner_join(coops::table))
        .filter(person_skills::skill_slug.eq(slug.to_owned()))
        .filter(coops::membership_status.eq(MembershipStatus::Approved.as_str()))
        .into_boxed();
    if !network_too {
        query = query.filter(people::visibility.eq(Visibility::Public.as_str()));
    }
    Ok(query
        .order((person_skills::level.desc(), people::name, people::id))
        .select((
            people::id,
            people::name,
            coops::slug,
            person_skills::level,
            person_skills::interest,
        ))
        .load(conn)?)
}
