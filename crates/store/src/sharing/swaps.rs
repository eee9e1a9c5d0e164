//! Swaps proposed between two rotation requests: the four answers, and the
//! two placements booked when the last yes comes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::sharing::{Booking, DateRange, Party, Swap, SwapProposal, SwapState};
use diesel::prelude::*;
use uuid::Uuid;

use super::{corrupt, name_of, named, uuid};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::swaps;
use crate::time;
use crate::transaction::{self, Row};

#[derive(
    Debug,
    Clone,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
    serde::Serialize,
    serde::Deserialize,
)]
#[diesel(table_name = swaps, treat_none_as_null = true)]
pub(crate) struct SwapRow {
    id: String,
    first_rotation_id: String,
    second_rotation_id: String,
    half_days: i32,
    start_date: NaiveDate,
    end_date: NaiveDate,
    state: String,
    first_person_agreed: bool,
    second_person_agreed: bool,
    first_coop_agreed: bool,
    second_coop_agreed: bool,
    proposed_at: NaiveDateTime,
    first_placement_id: Option<String>,
    second_placement_id: Option<String>,
    version: i32,
    updated_at: NaiveDateTime,
}

impl SwapRow {
    fn of(proposal: &SwapProposal, now: DateTime<Utc>) -> Self {
        let agreed = |party| proposal.swap.agreed.contains(&party);
        Self {
            id: proposal.id.to_string(),
            first_rotation_id: proposal.first_rotation.to_string(),
            second_rotation_id: proposal.second_rotation.to_string(),
            half_days: i32::from(proposal.booking.half_days),
            start_date: proposal.booking.range.start,
            end_date: proposal.booking.range.end,
            state: name_of(proposal.swap.state),
            first_person_agreed: agreed(Party::FirstPerson),
            second_person_agreed: agreed(Party::SecondPerson),
            first_coop_agreed: agreed(Party::FirstCoop),
            second_coop_agreed: agreed(Party::SecondCoop),
            proposed_at: time::to_db(proposal.swap.proposed_at),
            first_placement_id: proposal.placements.map(|(first, _)| first.to_string()),
            second_placement_id: proposal.placements.map(|(_, second)| second.to_string()),
            version: proposal.version,
            updated_at: time::to_db(now),
        }
    }

    fn into_proposal(self) -> Result<SwapProposal, StoreError> {
        let agreed = [
            (self.first_person_agreed, Party::FirstPerson),
            (self.second_person_agreed, Party::SecondPerson),
            (self.first_coop_agreed, Party::FirstCoop),
            (self.second_coop_agreed, Party::SecondCoop),
        ]
        .into_iter()
        .filter_map(|(yes, party)| yes.then_some(party))
        .collect();
        let placements = match (self.first_placement_id, self.second_placement_id) {
            (Some(first), Some(second)) => {
                Some((uuid(&first, "placement")?, uuid(&second, "placement")?))
            }
            _ => None,
        };
        Ok(SwapProposal {
            id: uuid(&self.id, "id")?,
            first_rotation: uuid(&self.first_rotation_id, "first_rotation_id")?,
            second_rotation: uuid(&self.second_rotation_id, "second_rotation_id")?,
            booking: Booking {
                range: DateRange::new(self.start_date, self.end_date)
                    .ok_or_else(|| corrupt("dates"))?,
                half_days: u8::try_from(self.half_days).map_err(|_| corrupt("half_days"))?,
            },
            swap: Swap {
                proposed_at: time::from_db(self.proposed_at),
                agreed,
                state: named::<SwapState>(&self.state, "state")?,
            },
            placements,
            version: self.version,
        })
    }
}

/// The swap with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<SwapProposal>, StoreError> {
    swaps::table
        .find(id.to_string())
        .select(SwapRow::as_select())
        .first(conn)
        .optional()?
        .map(SwapRow::into_proposal)
        .transpose()
}

/// The swap `id`, locked until the write transaction ends.
pub fn find_for_update(
    conn: &mut DbConnection,
    id: Uuid,
) -> Result<Option<SwapProposal>, StoreError> {
    transaction::lock(conn, Row::Swap(&id.to_string()))?;
    find(conn, id)
}

/// Swaps proposed from or to rotation request `rotation`, newest first.
pub fn of_rotation(
    conn: &mut DbConnection,
    rotation: Uuid,
) -> Result<Vec<SwapProposal>, StoreError> {
    let id = rotation.to_string();
    swaps::table
        .filter(
            swaps::first_rotation_id
                .eq(&id)
                .or(swaps::second_rotation_id.eq(&id)),
        )
        .order((swaps::proposed_at.desc(), swaps::id))
        .select(SwapRow::as_select())
        .load(conn)?
        .into_iter()
        .map(SwapRow::into_proposal)
        .collect()
}

/// Records a new proposal.
pub fn insert(
    conn: &mut DbConnection,
    proposal: &SwapProposal,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(swaps::table)
        .values(SwapRow::of(proposal, now))
        .execute(conn)?;
    Ok(())
}

/// Writes `proposal`'s answers, state and placements (version bumped by the caller).
pub fn save(
    conn: &mut DbConnection,
    proposal: &SwapProposal,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::update(swaps::table.find(proposal.id.to_string()))
        .set(SwapRow::of(proposal, now))
        .execute(conn)?;
    Ok(())
}
