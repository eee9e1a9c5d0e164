//! Social-good proposals: a rotation request's person proposed for another
//! co-op's social-good request, the three answers, and the placement booked
//! when the last yes comes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use coophub_domain::sharing::{
    Booking, Consent, DateRange, ProposalParty, SocialGoodProposal, SwapState,
};
use diesel::prelude::*;
use uuid::Uuid;

use super::{corrupt, name_of, named, uuid};
use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::social_good_proposals as proposals;
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
#[diesel(table_name = proposals, treat_none_as_null = true)]
pub(crate) struct ProposalRow {
    id: String,
    rotation_id: String,
    request_id: String,
    half_days: i32,
    start_date: NaiveDate,
    end_date: NaiveDate,
    state: String,
    person_agreed: bool,
    home_coop_agreed: bool,
    requesting_coop_agreed: bool,
    proposed_at: NaiveDateTime,
    placement_id: Option<String>,
    version: i32,
    updated_at: NaiveDateTime,
}

impl ProposalRow {
    fn of(proposal: &SocialGoodProposal, now: DateTime<Utc>) -> Self {
        let agreed = |party| proposal.consent.agreed.contains(&party);
        Self {
            id: proposal.id.to_string(),
            rotation_id: proposal.rotation.to_string(),
            request_id: proposal.request.to_string(),
            half_days: i32::from(proposal.booking.half_days),
            start_date: proposal.booking.range.start,
            end_date: proposal.booking.range.end,
            state: name_of(proposal.consent.state),
            person_agreed: agreed(ProposalParty::Person),
            home_coop_agreed: agreed(ProposalParty::HomeCoop),
            requesting_coop_agreed: agreed(ProposalParty::RequestingCoop),
            proposed_at: time::to_db(proposal.consent.proposed_at),
            placement_id: proposal.placement.map(|id| id.to_string()),
            version: proposal.version,
            updated_at: time::to_db(now),
        }
    }

    fn into_proposal(self) -> Result<SocialGoodProposal, StoreError> {
        let agreed = [
            (self.person_agreed, ProposalParty::Person),
            (self.home_coop_agreed, ProposalParty::HomeCoop),
            (self.requesting_coop_agreed, ProposalParty::RequestingCoop),
        ]
        .into_iter()
        .filter_map(|(yes, party)| yes.then_some(party))
        .collect();
        Ok(SocialGoodProposal {
            id: uuid(&self.id, "id")?,
            rotation: uuid(&self.rotation_id, "rotation_id")?,
            request: uuid(&self.request_id, "request_id")?,
            booking: Booking {
                range: DateRange::new(self.start_date, self.end_date)
                    .ok_or_else(|| corrupt("dates"))?,
                half_days: u8::try_from(self.half_days).map_err(|_| corrupt("half_days"))?,
            },
            consent: Consent {
                proposed_at: time::from_db(self.proposed_at),
                agreed,
                state: named::<SwapState>(&self.state, "state")?,
            },
            placement: self
                .placement_id
                .map(|id| uuid(&id, "placement_id"))
                .transpose()?,
            version: self.version,
        })
    }
}

/// The proposal with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<SocialGoodProposal>, StoreError> {
    proposals::table
        .find(id.to_string())
        .select(ProposalRow::as_select())
        .first(conn)
        .optional()?
        .map(ProposalRow::into_proposal)
        .transpose()
}

/// The proposal `id`, locked until the write transaction ends.
pub fn find_for_update(
    conn: &mut DbConnection,
    id: Uuid,
) -> Result<Option<SocialGoodProposal>, StoreError> {
    transaction::lock(conn, Row::SocialGoodProposal(&id.to_string()))?;
    find(conn, id)
}

/// Proposals of rotation request `rotation`, newest first.
pub fn of_rotation(
    conn: &mut DbConnection,
    rotation: Uuid,
) -> Result<Vec<SocialGoodProposal>, StoreError> {
    proposals::table
        .filter(proposals::rotation_id.eq(rotation.to_string()))
        .order((proposals::proposed_at.desc(), proposals::id))
        .select(ProposalRow::as_select())
        .load(conn)?
        .into_iter()
        .map(ProposalRow::into_proposal)
        .collect()
}

/// Records a new proposal.
pub fn insert(
    conn: &mut DbConnection,
    proposal: &SocialGoodProposal,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(proposals::table)
        .values(ProposalRow::of(proposal, now))
        .execute(conn)?;
    Ok(())
}

/// Writes `proposal`'s answers, state and placement (version bumped by the caller).
pub fn save(
    conn: &mut DbConnection,
    proposal: &SocialGoodProposal,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::update(proposals::table.find(proposal.id.to_string()))
        .set(ProposalRow::of(proposal, now))
        .execute(conn)?;
    Ok(())
}
