//! Claims to administer co-ops that have no admin: who asked, why, and what
//! the stewards decided. Decisions on one co-op's claims are taken under its
//! row lock (see `coophub_app::directory::claims`).

use chrono::{DateTime, NaiveDateTime, Utc};
use coophub_domain::coop::ClaimStatus;
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::page::Page;
use crate::schema::coop_claims;
use crate::time;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize, serde::Deserialize)]
#[diesel(table_name = coop_claims)]
pub(crate) struct ClaimRow {
    id: String,
    coop_id: String,
    user_id: String,
    message: String,
    status: String,
    created_at: NaiveDateTime,
    decided_at: Option<NaiveDateTime>,
    decided_by: Option<String>,
}

/// A claim as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Stable identifier.
    pub id: Uuid,
    /// The co-op claimed.
    pub coop_id: Uuid,
    /// The account asking to administer it.
    pub user_id: Uuid,
    /// What the claimant said.
    pub message: String,
    /// Where it stands.
    pub status: ClaimStatus,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When the stewards decided, if they have.
    pub decided_at: Option<DateTime<Utc>>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in a claim").into(),
    ))
}

fn uuid(text: &str, what: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|_| corrupt(what))
}

impl ClaimRow {
    fn into_claim(self) -> Result<Claim, StoreError> {
        Ok(Claim {
            id: uuid(&self.id, "id")?,
            coop_id: uuid(&self.coop_id, "coop_id")?,
            user_id: uuid(&self.user_id, "user_id")?,
            message: self.message,
            status: ClaimStatus::parse(&self.status).ok_or_else(|| corrupt("status"))?,
            created_at: time::from_db(self.created_at),
            decided_at: self.decided_at.map(time::from_db),
        })
    }
}

/// Records `user`'s pending claim to administer `coop`.
pub fn insert(
    conn: &mut DbConnection,
    coop: Uuid,
    user: Uuid,
    message: &str,
    now: DateTime<Utc>,
) -> Result<Claim, StoreError> {
    let row = ClaimRow {
        id: Uuid::new_v4().to_string(),
        coop_id: coop.to_string(),
        user_id: user.to_string(),
        message: message.to_owned(),
        status: ClaimStatus::Pending.as_str().to_owned(),
        created_at: time::to_db(now),
        decided_at: None,
        decided_by: None,
    };
    diesel::insert_into(coop_claims::table)
        .values(&row)
        .execute(conn)?;
    row.into_claim()
}

/// The claim `id`.
pub fn find(conn: &mut DbConnection, id: Uuid) -> Result<Option<Claim>, StoreError> {
    coop_claims::table
        .find(id.to_string())
        .select(ClaimRow::as_select())
        .first(conn)
        .optional()?
        .map(ClaimRow::into_claim)
        .transpose()
}

/// Whether `user` has a claim on `coop` still waiting for the stewards.
pub fn pending_of(conn: &mut DbConnection, coop: Uuid, user: Uuid) -> Result<bool, StoreError> {
    let count: i64 = coop_claims::table
        .filter(coop_claims::coop_id.eq(coop.to_string()))
        .filter(coop_claims::user_id.eq(user.to_string()))
        .filter(coop_claims::status.eq(ClaimStatus::Pending.as_str()))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

/// A page of the claims in `status` (every status when `None`), oldest
/// first, and how many in all.
pub fn list(
    conn: &mut DbConnection,
    status: Option<ClaimStatus>,
    page: Page,
) -> Result<(Vec<Claim>, i64), StoreError> {
    let filtered = || {
        let mut query = coop_claims::table.into_boxed();
        if let Some(status) = status {
            query = query.filter(coop_claims::status.eq(status.as_str()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<ClaimRow> = filtered()
        .order((coop_claims::created_at.asc(), coop_claims::id.asc()))
        .offset(page.offset())
        .limit(i64::from(page.size))
        .select(ClaimRow::as_select())
        .load(conn)?;
    let claims = rows
        .into_iter()
        .map(ClaimRow::into_claim)
        .collect::<Result<_, _>>()?;
    Ok((claims, total))
}

/// Records the stewards' decision on the claim `id`, made by `by`.
pub fn decide(
    conn: &mut DbConnection,
    id: Uuid,
    status: ClaimStatus,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::update(coop_claims::table.find(id.to_string()))
        .set((
            coop_claims::status.eq(status.as_str()),
            coop_claims::decided_at.eq(Some(time::to_db(now))),
            coop_claims::decided_by.eq(Some(by.to_string())),
        ))
        .execute(conn)?;
    Ok(())
}
