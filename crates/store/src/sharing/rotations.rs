//! Rotation requests: private to the person and their co-op's admins. The
//! only query that crosses co-ops ([`candidates`]) returns the open requests
//! of people who agreed to be suggested.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::sharing::{DateRange, ProjectKind, Rotation, RotationInput, RotationStatus};
use coophub_domain::skills::{Skill, SkillCategory};
use diesel::prelude::*;
use uuid::Uuid;

use super::{corrupt, name_of, named, skills as levelled, uuid};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{rotation_skills, rotations, skills};
use crate::skills::SkillRow;
use crate::transaction::{self, Row};
use crate::{Page, time};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = rotations)]
pub(crate) struct RotationRow {
    id: String,
    person_id: String,
    coop_id: String,
    from_placement_id: Option<String>,
    from_offer_id: Option<String>,
    project_kind: Option<String>,
    half_days: i32,
    start_date: NaiveDate,
    end_date: NaiveDate,
    notes: String,
    suggest_me: bool,
    status: String,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl RotationRow {
    fn into_rotation(self, wanted_skills: Vec<Skill>) -> Result<Rotation, StoreError> {
        Ok(Rotation {
            id: uuid(&self.id, "id")?,
            person_id: uuid(&self.person_id, "person_id")?,
            coop_id: uuid(&self.coop_id, "coop_id")?,
            from_placement: self
                .from_placement_id
                .as_deref()
                .map(|p| uuid(p, "from_placement_id"))
                .transpose()?,
            from_offer: self
                .from_offer_id
                .as_deref()
                .map(|o| uuid(o, "from_offer_id"))
                .transpose()?,
            wanted_skills,
            project_kind: self
                .project_kind
                .as_deref()
                .map(|kind| named::<ProjectKind>(kind, "project_kind"))
                .transpose()?,
            half_days: u8::try_from(self.half_days).map_err(|_| corrupt("half_days"))?,
            dates: DateRange::new(self.start_date, self.end_date)
                .ok_or_else(|| corrupt("dates"))?,
            notes: self.notes,
            suggest_me: self.suggest_me,
            status: named::<RotationStatus>(&self.status, "status")?,
            version: self.version,
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }
}

fn with_skills(
    conn: &mut DbConnection,
    rows: Vec<RotationRow>,
) -> Result<Vec<Rotation>, StoreError> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let links: Vec<(String, SkillRow)> = rotation_skills::table
        .inner_join(skills::table)
        .filter(rotation_skills::rotation_id.eq_any(&ids))
        .order((rotation_skills::rotation_id, rotation_skills::position))
        .select((rotation_skills::rotation_id, SkillRow::as_select()))
        .load(conn)?;
    let mut by_rotation: std::collections::HashMap<String, Vec<Skill>> = Default::default();
    for (rotation, skill) in links {
        by_rotation
            .entry(rotation)
            .or_default()
            .push(Skill::from(skill));
    }
    rows.into_iter()
        .map(|row| {
            let skills = by_rotation.remove(&row.id).unwrap_or_default();
            row.into_rotation(skills)
        })
        .collect()
}

/// The rotation request with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Rotation>, StoreError> {
    let row = rotations::table
        .find(id.to_string())
        .select(RotationRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_skills(conn, row.into_iter().collect())?.pop())
}

/// The rotation request `id`, locked until the write transaction ends.
pub fn find_for_update(conn: &mut DbConnection, id: Uuid) -> Result<Option<Rotation>, StoreError> {
    transaction::lock(conn, Row::Rotation(&id.to_string()))?;
    find(conn, id)
}

/// Records `person_id`'s (of `coop_id`) request to rotate.
pub fn insert(
    conn: &mut DbConnection,
    person_id: Uuid,
    coop_id: Uuid,
    input: &RotationInput,
    now: DateTime<Utc>,
) -> Result<Rotation, StoreError> {
    crate::write(conn, |conn| {
        let id = Uuid::new_v4();
        let row = RotationRow {
            id: id.to_string(),
            person_id: person_id.to_string(),
            coop_id: coop_id.to_string(),
            from_placement_id: input.from_placement.map(|p| p.to_string()),
            from_offer_id: input.from_offer.map(|o| o.to_string()),
            project_kind: input.project_kind.map(name_of),
            half_days: i32::from(input.half_days),
            start_date: input.dates.start,
            end_date: input.dates.end,
            notes: input.notes.clone(),
            suggest_me: input.suggest_me,
            status: name_of(RotationStatus::Open),
            version: 1,
            created_at: time::to_db(now),
            updated_at: time::to_db(now),
        };
        diesel::insert_into(rotations::table)
            .values(&row)
            .execute(conn)?;
        let mut seen = std::collections::HashSet::new();
        for name in &input.wanted_skills {
            let skill = crate::skills::resolve(conn, name, SkillCategory::Technology, now)?;
            if !seen.insert(skill.slug.clone()) {
                continue;
            }
            diesel::insert_into(rotation_skills::table)
                .values((
                    rotation_skills::rotation_id.eq(&row.id),
                    rotation_skills::skill_slug.eq(&skill.slug),
                    rotation_skills::position.eq(levelled::position(seen.len() - 1)),
                ))
                .execute(conn)?;
        }
        find(conn, id)?.ok_or(StoreError::NotFound)
    })
}

/// Sets the status of `rotation` (read with [`find_for_update`]).
pub fn set_status(
    conn: &mut DbConnection,
    rotation: &Rotation,
    status: RotationStatus,
    now: DateTime<Utc>,
) -> Result<Rotation, StoreError> {
    crate::write(conn, |conn| {
        diesel::update(rotations::table.find(rotation.id.to_string()))
            .set((
                rotations::status.eq(name_of(status)),
                rotations::version.eq(rotation.version + 1),
                rotations::updated_at.eq(time::to_db(now)),
            ))
            .execute(conn)?;
        find(conn, rotation.id)?.ok_or(StoreError::NotFound)
    })
}

/// A page of the rotation requests of these people and of these co-ops
/// (what one viewer may see: their own, and their co-ops' as admin).
pub fn list_visible(
    conn: &mut DbConnection,
    people: &[Uuid],
    coops: &[Uuid],
    page: Page,
) -> Result<(Vec<Rotation>, i64), StoreError> {
    let people: Vec<String> = people.iter().map(Uuid::to_string).collect();
    let coops: Vec<String> = coops.iter().map(Uuid::to_string).collect();
    let filtered = || {
        rotations::table
            .filter(
                rotations::person_id
                    .eq_any(people.clone())
                    .or(rotations::coop_id.eq_any(coops.clone())),
            )
            .into_boxed()
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((rotations::start_date, rotations::id))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(RotationRow::as_select())
        .load(conn)?;
    Ok((with_skills(conn, rows)?, total))
}

/// Open rotation requests of people who agreed to be suggested, in co-ops
/// other than `coop`, overlapping `dates`: who a swap could be with.
pub fn candidates(
    conn: &mut DbConnection,
    coop: Uuid,
    dates: DateRange,
) -> Result<Vec<Rotation>, StoreError> {
    let rows = rotations::table
        .filter(rotations::status.eq(name_of(RotationStatus::Open)))
        .filter(rotations::suggest_me.eq(true))
        .filter(rotations::coop_id.ne(coop.to_string()))
        .filter(rotations::start_date.le(dates.end))
        .filter(rotations::end_date.ge(dates.start))
        .order(rotations::id)
        .select(RotationRow::as_select())
        .load(conn)?;
    with_skills(conn, rows)
}
