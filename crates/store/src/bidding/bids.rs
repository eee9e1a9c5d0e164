//! Bids and their consortium. A bid is the consortium's business: lists
//! ([`visible_to`]) show a viewer only bids their co-ops are in (led,
//! accepted, or invited to with an admin's role there).

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use coophub_domain::bidding::{
    Bid, BidInput, BidMember, BidState, Decision, MemberStatus, ShareSettings,
};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::{bid_members, bids};
use crate::sharing::{corrupt, money, name_of, named, uuid};
use crate::transaction::{self, Row};
use crate::{Page, time};
use coophub_domain::money::total;

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
#[diesel(table_name = bids, treat_none_as_null = true)]
pub(crate) struct BidRow {
    id: String,
    opportunity_id: String,
    lot_id: Option<String>,
    lead_coop_id: String,
    coordinator_id: Option<String>,
    title: String,
    state: String,
    decision_go: Option<bool>,
    decision_reasons: Option<String>,
    decision_criteria: Option<String>,
    decided_at: Option<NaiveDateTime>,
    value_amount: Option<i64>,
    value_currency: Option<String>,
    lead_premium_bp: i32,
    fund_bp: Option<i32>,
    case_study_slug: Option<String>,
    submitted_at: Option<NaiveDateTime>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    #[serde(default)]
    closed_at: Option<NaiveDateTime>,
    // Backups written before readiness was kept lack it.
    #[serde(default)]
    decision_readiness: Option<String>,
}

fn basis_points(raw: i32) -> Result<u32, StoreError> {
    u32::try_from(raw).map_err(|_| corrupt("basis points"))
}

impl BidRow {
    fn into_bid(self) -> Result<Bid, StoreError> {
        let decision = match (self.decision_go, self.decided_at) {
            (Some(go), Some(at)) => Some(Decision {
                go,
                reasons: self.decision_reasons.unwrap_or_default(),
                criteria: serde_json::from_str(self.decision_criteria.as_deref().unwrap_or("[]"))
                    .map_err(|_| corrupt("decision_criteria"))?,
                decided_at: time::from_db(at),
                readiness: self
                    .decision_readiness
                    .as_deref()
                    .map(serde_json::from_str)
                    .transpose()
                    .map_err(|_| corrupt("decision_readiness"))?,
            }),
            _ => None,
        };
        Ok(Bid {
            id: uuid(&self.id, "id")?,
            opportunity_id: uuid(&self.opportunity_id, "opportunity_id")?,
            lot_id: self.lot_id,
            lead_coop_id: uuid(&self.lead_coop_id, "lead_coop_id")?,
            coordinator_id: self
                .coordinator_id
                .as_deref()
                .map(|c| uuid(c, "coordinator_id"))
                .transpose()?,
            title: self.title,
            state: named::<BidState>(&self.state, "state")?,
            decision,
            value: money(self.value_amount, self.value_currency),
            shares: ShareSettings {
                lead_premium_bp: basis_points(self.lead_premium_bp)?,
                fund_bp: self.fund_bp.map(basis_points).transpose()?,
            },
            case_study_slug: self.case_study_slug,
            submitted_at: self.submitted_at.map(time::from_db),
            closed_at: self.closed_at.map(time::from_db),
            version: self.version,
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }

    fn from_bid(bid: &Bid) -> Self {
        let decision = bid.decision.as_ref();
        Self {
            id: bid.id.to_string(),
            opportunity_id: bid.opportunity_id.to_string(),
            lot_id: bid.lot_id.clone(),
            lead_coop_id: bid.lead_coop_id.to_string(),
            coordinator_id: bid.coordinator_id.map(|c| c.to_string()),
            title: bid.title.clone(),
            state: name_of(bid.state),
            decision_go: decision.map(|d| d.go),
            decision_reasons: decision.map(|d| d.reasons.clone()),
            decision_criteria: decision.and_then(|d| serde_json::to_string(&d.criteria).ok()),
            decided_at: decision.map(|d| time::to_db(d.decided_at)),
            decision_readiness: decision
                .and_then(|d| d.readiness.as_ref())
                .and_then(|r| serde_json::to_string(r).ok()),
            value_amount: bid.value.as_ref().map(|v| v.amount),
            value_currency: bid.value.as_ref().map(|v| v.currency.clone()),
            lead_premium_bp: i32::try_from(bid.shares.lead_premium_bp).unwrap_or(i32::MAX),
            fund_bp: bid
                .shares
                .fund_bp
                .map(|bp| i32::try_from(bp).unwrap_or(i32::MAX)),
            case_study_slug: bid.case_study_slug.clone(),
            submitted_at: bid.submitted_at.map(time::to_db),
            closed_at: bid.closed_at.map(time::to_db),
            version: bid.version,
            created_at: time::to_db(bid.created_at),
            updated_at: time::to_db(bid.updated_at),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = bid_members)]
pub(crate) struct MemberRow {
    bid_id: String,
    coop_id: String,
    status: String,
    invited_at: NaiveDateTime,
    answered_at: Option<NaiveDateTime>,
}

impl MemberRow {
    fn into_member(self) -> Result<BidMember, StoreError> {
        Ok(BidMember {
            coop_id: uuid(&self.coop_id, "coop_id")?,
            status: named::<MemberStatus>(&self.status, "status")?,
            invited_at: time::from_db(self.invited_at),
            answered_at: self.answered_at.map(time::from_db),
        })
    }
}

/// A new bid: what was checked, and who leads and coordinates it.
#[derive(Debug, Clone)]
pub struct NewBid<'a> {
    /// The tender.
    pub opportunity_id: Uuid,
    /// The lead co-op.
    pub lead: Uuid,
    /// One of the lead's people.
    pub coordinator: Option<Uuid>,
    /// The checked fields.
    pub input: &'a BidInput,
}

/// Opens the bid, with its lead as the consortium's first member.
pub fn insert(
    conn: &mut DbConnection,
    new: &NewBid<'_>,
    now: DateTime<Utc>,
) -> Result<Bid, StoreError> {
    let bid = Bid {
        id: Uuid::new_v4(),
        opportunity_id: new.opportunity_id,
        lot_id: new.input.lot_id.clone(),
        lead_coop_id: new.lead,
        coordinator_id: new.coordinator,
        title: new.input.title.clone(),
        state: BidState::Forming,
        decision: None,
        value: new.input.value.clone(),
        shares: new.input.shares,
        case_study_slug: None,
        submitted_at: None,
        closed_at: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    crate::write(conn, |conn| {
        diesel::insert_into(bids::table)
            .values(BidRow::from_bid(&bid))
            .execute(conn)?;
        set_member(conn, bid.id, new.lead, MemberStatus::Lead, now)?;
        Ok::<_, StoreError>(())
    })?;
    Ok(bid)
}

/// Writes `bid` back (its state, decision, value, shares), one version on.
pub fn save(conn: &mut DbConnection, bid: &mut Bid, now: DateTime<Utc>) -> Result<(), StoreError> {
    bid.version += 1;
    bid.updated_at = now;
    diesel::update(bids::table.find(bid.id.to_string()))
        .set(BidRow::from_bid(bid))
        .execute(conn)?;
    Ok(())
}

/// The bid with this id.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Bid>, StoreError> {
    bids::table
        .find(id.to_string())
        .select(BidRow::as_select())
        .first(conn)
        .optional()?
        .map(BidRow::into_bid)
        .transpose()
}

/// The bid `id`, locked until the write transaction ends: every change of a
/// bid or its consortium, roles and sections takes this lock first.
pub fn find_for_update(conn: &mut DbConnection, id: Uuid) -> Result<Option<Bid>, StoreError> {
    transaction::lock(conn, Row::Bid(&id.to_string()))?;
    find(conn, id)
}

/// The bid's consortium, every co-op invited included, lead first.
pub fn members(conn: &mut DbConnection, bid: Uuid) -> Result<Vec<BidMember>, StoreError> {
    let mut members = bid_members::table
        .filter(bid_members::bid_id.eq(bid.to_string()))
        .order((bid_members::invited_at, bid_members::coop_id))
        .select(MemberRow::as_select())
        .load(conn)?
        .into_iter()
        .map(MemberRow::into_member)
        .collect::<Result<Vec<_>, _>>()?;
    members.sort_by_key(|m| m.status != MemberStatus::Lead);
    Ok(members)
}

/// Records where `coop` stands in the bid (inviting it, or its answer).
pub fn set_member(
    conn: &mut DbConnection,
    bid: Uuid,
    coop: Uuid,
    status: MemberStatus,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let key = (bid.to_string(), coop.to_string());
    let answered = !matches!(status, MemberStatus::Invited | MemberStatus::Lead);
    let updated = diesel::update(bid_members::table.find(key.clone()))
        .set((
            bid_members::status.eq(name_of(status)),
            bid_members::answered_at.eq(answered.then(|| time::to_db(now))),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(bid_members::table)
            .values(MemberRow {
                bid_id: key.0,
                coop_id: key.1,
                status: name_of(status),
                invited_at: time::to_db(now),
                answered_at: None,
            })
            .execute(conn)?;
    }
    Ok(())
}

/// Bids a viewer with roles in `coops` (admin in `administered`) may see,
/// newest first, with how many in all.
pub fn visible_to(
    conn: &mut DbConnection,
    coops: &[Uuid],
    administered: &[Uuid],
    page: Page,
) -> Result<(Vec<Bid>, i64), StoreError> {
    let coops: Vec<String> = coops.iter().map(Uuid::to_string).collect();
    let administered: Vec<String> = administered.iter().map(Uuid::to_string).collect();
    let in_consortium = [name_of(MemberStatus::Lead), name_of(MemberStatus::Accepted)];
    let seen = bid_members::table
        .filter(
            bid_members::coop_id
                .eq_any(coops)
                .and(bid_members::status.eq_any(in_consortium))
                .or(bid_members::coop_id
                    .eq_any(administered)
                    .and(bid_members::status.eq(name_of(MemberStatus::Invited)))),
        )
        .select(bid_members::bid_id);
    let total: i64 = bids::table
        .filter(bids::id.eq_any(seen.clone()))
        .count()
        .get_result(conn)?;
    let rows = bids::table
        .filter(bids::id.eq_any(seen))
        .order((bids::created_at.desc(), bids::id))
        .limit(i64::from(page.size))
        .offset(page.offset())
        .select(BidRow::as_select())
        .load(conn)?;
    let bids = rows
        .into_iter()
        .map(BidRow::into_bid)
        .collect::<Result<_, _>>()?;
    Ok((bids, total))
}

/// What the network's stats count of bids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BidTally {
    /// Bids opened.
    pub formed: i64,
    /// Bids submitted (won and lost ones included).
    pub submitted: i64,
    /// Bids won.
    pub won: i64,
    /// The value of won bids by currency, in minor units, currency order.
    pub value_won: Vec<(String, i64)>,
}

/// Counts every bid (stats name no bid and no co-op, so they count all); in
/// `year`, those opened, submitted and won that year.
pub fn tally(conn: &mut DbConnection, year: Option<i32>) -> Result<BidTally, StoreError> {
    /// A bid's state, value and the times it was opened, submitted and closed.
    type Counted = (
        String,
        Option<i64>,
        Option<String>,
        NaiveDateTime,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
    );
    let rows: Vec<Counted> = bids::table
        .select((
            bids::state,
            bids::value_amount,
            bids::value_currency,
            bids::created_at,
            bids::submitted_at,
            bids::closed_at,
        ))
        .load(conn)?;
    let within =
        |at: Option<NaiveDateTime>| at.is_some_and(|at| year.is_none_or(|year| at.year() == year));
    let mut tally = BidTally::default();
    let mut value_won = std::collections::BTreeMap::<String, i64>::new();
    for (state, amount, currency, created, submitted, closed) in rows {
        tally.formed += i64::from(within(Some(created)));
        tally.submitted += i64::from(within(submitted));
        if named::<BidState>(&state, "state")? == BidState::Won && within(closed) {
            tally.won += 1;
            if let (Some(amount), Some(currency)) = (amount, currency) {
                let sum = value_won.entry(currency).or_default();
                *sum = total([*sum, amount])?;
            }
        }
    }
    tally.value_won = value_won.into_iter().collect();
    Ok(tally)
}
