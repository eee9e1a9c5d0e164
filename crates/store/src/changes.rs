//! The change log the search index follows. Writers record what they changed
//! in the same transaction, so the index can never miss an acknowledged write;
//! the indexer reads the log in sequence order.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{
    coop_skills, offer_skills, offers, people, person_skills, request_skills, requests,
    search_change_pruning, search_changes,
};
use crate::time;

/// A kind of record the index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    /// A co-op (its people follow it: their visibility depends on it).
    Coop,
    /// A person.
    Person,
    /// An offer of time (it follows its co-op too).
    Offer,
    /// A request for time (it follows its co-op too).
    Request,
    /// An opportunity (a tender).
    Opportunity,
    /// The skills vocabulary (a skill or spelling added, a merge): each
    /// instance reloads the spellings it keeps for search (the id is nil).
    Vocabulary,
}

impl Entity {
    const ALL: [Entity; 6] = [
        Self::Coop,
        Self::Person,
        Self::Offer,
        Self::Request,
        Self::Opportunity,
        Self::Vocabulary,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Coop => "coop",
            Self::Person => "person",
            Self::Offer => "offer",
            Self::Request => "request",
            Self::Opportunity => "opportunity",
            Self::Vocabulary => "vocabulary",
        }
    }
}

/// One logged change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Position in the log.
    pub seq: i64,
    /// What changed.
    pub entity: Entity,
    /// Its id.
    pub id: Uuid,
}

/// Records that `id` changed.
pub(crate) fn record(
    conn: &mut DbConnection,
    entity: Entity,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(search_changes::table)
        .values((
            search_changes::entity.eq(entity.as_str()),
            search_changes::entity_id.eq(id.to_string()),
            search_changes::changed_at.eq(time::to_db(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records a change to every co-op and person that lists `skill`.
pub(crate) fn record_skill_holders(
    conn: &mut DbConnection,
    skill: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let coops: Vec<String> = coop_skills::table
        .filter(coop_skills::skill_slug.eq(skill))
        .select(coop_skills::coop_id)
        .distinct()
        .load(conn)?;
    let holders: Vec<String> = person_skills::table
        .filter(person_skills::skill_slug.eq(skill))
        .select(person_skills::person_id)
        .load(conn)?;
    let offers: Vec<String> = offer_skills::table
        .filter(offer_skills::skill_slug.eq(skill))
        .select(offer_skills::offer_id)
        .load(conn)?;
    let requests: Vec<String> = request_skills::table
        .filter(request_skills::skill_slug.eq(skill))
        .select(request_skills::request_id)
        .load(conn)?;
    for (entity, ids) in [
        (Entity::Coop, coops),
        (Entity::Person, holders),
        (Entity::Offer, offers),
        (Entity::Request, requests),
    ] {
        for id in ids {
            if let Ok(id) = Uuid::parse_str(&id) {
                record(conn, entity, id, now)?;
            }
        }
    }
    Ok(())
}

/// Records a change to a co-op and to each of its people, offers and
/// requests, whose documents follow the co-op's (visibility, place). Call it
/// before deleting the co-op.
pub(crate) fn record_coop(
    conn: &mut DbConnection,
    coop: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    record(conn, Entity::Coop, coop, now)?;
    let ids: Vec<String> = people::table
        .filter(people::coop_id.eq(coop.to_string()))
        .select(people::id)
        .load(conn)?;
    let offers: Vec<String> = offers::table
        .filter(offers::coop_id.eq(coop.to_string()))
        .select(offers::id)
        .load(conn)?;
    let requests: Vec<String> = requests::table
        .filter(requests::coop_id.eq(coop.to_string()))
        .select(requests::id)
        .load(conn)?;
    for (entity, ids) in [
        (Entity::Person, ids),
        (Entity::Offer, offers),
        (Entity::Request, requests),
    ] {
        for id in ids.iter().filter_map(|id| Uuid::parse_str(id).ok()) {
            record(conn, entity, id, now)?;
        }
    }
    Ok(())
}

/// Records a change to every co-op and person (and what follows them) and
/// every opportunity, e.g. after a restore.
pub(crate) fn record_everything(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let coops: Vec<String> = crate::schema::coops::table
        .select(crate::schema::coops::id)
        .load(conn)?;
    for id in coops.iter().filter_map(|id| Uuid::parse_str(id).ok()) {
        record_coop(conn, id, now)?;
    }
    let tenders: Vec<String> = crate::schema::opportunities::table
        .select(crate::schema::opportunities::id)
        .load(conn)?;
    for id in tenders.iter().filter_map(|id| Uuid::parse_str(id).ok()) {
        record(conn, Entity::Opportunity, id, now)?;
    }
    Ok(())
}

/// Changes after `after`, oldest first, at most `limit`.
pub fn since(conn: &mut DbConnection, after: i64, limit: i64) -> Result<Vec<Change>, StoreError> {
    let rows: Vec<(i64, String, String)> = search_changes::table
        .filter(search_changes::seq.gt(after))
        .order(search_changes::seq.asc())
        .limit(limit)
        .select((
            search_changes::seq,
            search_changes::entity,
            search_changes::entity_id,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(seq, entity, id)| {
            let entity = Entity::ALL.into_iter().find(|e| e.as_str() == entity)?;
            Uuid::parse_str(&id)
                .ok()
                .map(|id| Change { seq, entity, id })
        })
        .collect())
}

/// Deletes the changes recorded before `before`, always keeping the newest
/// (it marks where the log ends), and records how far the log is now pruned;
/// answers how many were deleted.
pub fn prune(conn: &mut DbConnection, before: DateTime<Utc>) -> Result<usize, StoreError> {
    crate::write(conn, |conn| {
        let newest = latest(conn)?;
        let doomed = || {
            search_changes::table
                .filter(search_changes::changed_at.lt(time::to_db(before)))
                .filter(search_changes::seq.lt(newest))
        };
        let through: Option<i64> = doomed()
            .select(diesel::dsl::max(search_changes::seq))
            .first(conn)?;
        let Some(through) = through else {
            return Ok(0);
        };
        let deleted = diesel::delete(doomed()).execute(conn)?;
        // One statement, so that concurrent pruners only ever raise it.
        diesel::update(
            search_change_pruning::table.filter(search_change_pruning::pruned_through.lt(through)),
        )
        .set(search_change_pruning::pruned_through.eq(through))
        .execute(conn)?;
        Ok(deleted)
    })
}

/// The highest position pruned from the log (0 if none was): an index whose
/// position is lower may have missed what was pruned, and must be rebuilt.
pub fn pruned_through(conn: &mut DbConnection) -> Result<i64, StoreError> {
    Ok(search_change_pruning::table
        .select(search_change_pruning::pruned_through)
        .first::<i64>(conn)
        .optional()?
        .unwrap_or(0))
}

/// The newest position in the log (0 when empty).
pub fn latest(conn: &mut DbConnection) -> Result<i64, StoreError> {
    let max: Option<i64> = search_changes::table
        .select(diesel::dsl::max(search_changes::seq))
        .first(conn)?;
    Ok(max.unwrap_or(0))
}
