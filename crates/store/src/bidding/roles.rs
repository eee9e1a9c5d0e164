//! A bid's roles, with the skills each wants (resolved to canonical skills
//! before anything is written), in the order they were added.

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::bidding::{BidRole, RoleInput};
use coophub_domain::sharing::DateRange;
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{bid_role_skills, bid_roles, skills};
use crate::sharing::skills::{grouped, position, resolve};
use crate::sharing::{corrupt, uuid};
use crate::skills::SkillRow;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = bid_roles)]
pub(crate) struct RoleRow {
    id: String,
    bid_id: String,
    lot_id: Option<String>,
    title: String,
    effort_days: i32,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    day_rate: Option<i64>,
    coop_id: Option<String>,
    position: i32,
}

/// A `bid_role_skills` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = bid_role_skills)]
pub(crate) struct RoleSkillRow {
    role_id: String,
    skill_slug: String,
    min_level: i32,
    position: i32,
}

/// The roles of `bid`, in the order they were added.
pub fn of_bid(conn: &mut DbConnection, bid: Uuid) -> Result<Vec<BidRole>, StoreError> {
    let rows: Vec<RoleRow> = bid_roles::table
        .filter(bid_roles::bid_id.eq(bid.to_string()))
        .order(bid_roles::position)
        .select(RoleRow::as_select())
        .load(conn)?;
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let links = bid_role_skills::table
        .inner_join(skills::table)
        .filter(bid_role_skills::role_id.eq_any(&ids))
        .order((bid_role_skills::role_id, bid_role_skills::position))
        .select((
            bid_role_skills::role_id,
            bid_role_skills::min_level,
            SkillRow::as_select(),
        ))
        .load(conn)?;
    let mut by_role = grouped(links)?;
    rows.into_iter()
        .map(|row| {
            let period = match (row.start_date, row.end_date) {
                (Some(start), Some(end)) => {
                    Some(DateRange::new(start, end).ok_or_else(|| corrupt("period"))?)
                }
                _ => None,
            };
            Ok(BidRole {
                id: uuid(&row.id, "id")?,
                lot_id: row.lot_id,
                title: row.title,
                skills: by_role.remove(&row.id).unwrap_or_default(),
                effort_days: u32::try_from(row.effort_days).map_err(|_| corrupt("effort_days"))?,
                period,
                day_rate: row.day_rate,
                coop_id: row
                    .coop_id
                    .as_deref()
                    .map(|c| uuid(c, "coop_id"))
                    .transpose()?,
            })
        })
        .collect()
}

/// Adds a role to `bid`, filled by `coop` if given.
pub fn insert(
    conn: &mut DbConnection,
    bid: Uuid,
    input: &RoleInput,
    coop: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Uuid, StoreError> {
    crate::write(conn, |conn| {
        let skills = resolve(conn, &input.skills, now)?;
        let count: i64 = bid_roles::table
            .filter(bid_roles::bid_id.eq(bid.to_string()))
            .count()
            .get_result(conn)?;
        let id = Uuid::new_v4();
        diesel::insert_into(bid_roles::table)
            .values(RoleRow {
                id: id.to_string(),
                bid_id: bid.to_string(),
                lot_id: input.lot_id.clone(),
                title: input.title.clone(),
                effort_days: i32::try_from(input.effort_days).unwrap_or(i32::MAX),
                start_date: input.period.map(|p| p.start),
                end_date: input.period.map(|p| p.end),
                day_rate: input.day_rate,
                coop_id: coop.map(|c| c.to_string()),
                position: i32::try_from(count + 1).unwrap_or(i32::MAX),
            })
            .execute(conn)?;
        for (i, (slug, level)) in skills.into_iter().enumerate() {
            diesel::insert_into(bid_role_skills::table)
                .values(RoleSkillRow {
                    role_id: id.to_string(),
                    skill_slug: slug,
                    min_level: i32::from(level),
                    position: position(i),
                })
                .execute(conn)?;
        }
        Ok::<_, StoreError>(id)
    })
}

/// Gives the roles `roles` of `bid` to `coop`, or frees them (`None`).
pub fn assign(
    conn: &mut DbConnection,
    bid: Uuid,
    roles: &[Uuid],
    coop: Option<Uuid>,
) -> Result<(), StoreError> {
    let ids: Vec<String> = roles.iter().map(Uuid::to_string).collect();
    diesel::update(
        bid_roles::table
            .filter(bid_roles::bid_id.eq(bid.to_string()))
            .filter(bid_roles::id.eq_any(ids)),
    )
    .set(bid_roles::coop_id.eq(coop.map(|c| c.to_string())))
    .execute(conn)?;
    Ok(())
}

/// Frees every role of `bid` that `coop` holds (it declined).
pub fn free_roles_of(conn: &mut DbConnection, bid: Uuid, coop: Uuid) -> Result<(), StoreError> {
    diesel::update(
        bid_roles::table
            .filter(bid_roles::bid_id.eq(bid.to_string()))
            .filter(bid_roles::coop_id.eq(coop.to_string())),
    )
    .set(bid_roles::coop_id.eq(None::<String>))
    .execute(conn)?;
    Ok(())
}
