//! The sections of a bid document, in the order they were added.

use chrono::NaiveDate;
use coophub_domain::bidding::{BidSection, SectionInput, SectionStatus};
use diesel::prelude::*;
use uuid::Uuid;

use crate::connection::DbConnection;
use crate::error::StoreError;
use crate::schema::bid_sections;
use crate::sharing::{name_of, named, uuid};

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
#[diesel(table_name = bid_sections, treat_none_as_null = true)]
pub(crate) struct SectionRow {
    id: String,
    bid_id: String,
    title: String,
    owner_coop_id: Option<String>,
    owner_person_id: Option<String>,
    due: Option<NaiveDate>,
    status: String,
    position: i32,
}

fn into_section(row: SectionRow) -> Result<BidSection, StoreError> {
    let id = |text: &Option<String>, what| text.as_deref().map(|t| uuid(t, what)).transpose();
    Ok(BidSection {
        id: uuid(&row.id, "id")?,
        owner_coop_id: id(&row.owner_coop_id, "owner_coop_id")?,
        owner_person_id: id(&row.owner_person_id, "owner_person_id")?,
        title: row.title,
        due: row.due,
        status: named::<SectionStatus>(&row.status, "status")?,
    })
}

/// The sections of `bid`.
pub fn of_bid(conn: &mut DbConnection, bid: Uuid) -> Result<Vec<BidSection>, StoreError> {
    bid_sections::table
        .filter(bid_sections::bid_id.eq(bid.to_string()))
        .order(bid_sections::position)
        .select(SectionRow::as_select())
        .load(conn)?
        .into_iter()
        .map(into_section)
        .collect()
}

/// Who writes a section.
#[derive(Debug, Clone, Copy, Default)]
pub struct Owner {
    /// The co-op.
    pub coop: Option<Uuid>,
    /// The person.
    pub person: Option<Uuid>,
}

/// Adds a section to `bid`, or (with `id`) replaces that section of it;
/// answers its id, or `None` when `id` is not a section of the bid.
pub fn put(
    conn: &mut DbConnection,
    bid: Uuid,
    id: Option<Uuid>,
    input: &SectionInput,
    owner: Owner,
) -> Result<Option<Uuid>, StoreError> {
    let mut row = SectionRow {
        id: id.unwrap_or_else(Uuid::new_v4).to_string(),
        bid_id: bid.to_string(),
        title: input.title.clone(),
        owner_coop_id: owner.coop.map(|c| c.to_string()),
        owner_person_id: owner.person.map(|p| p.to_string()),
        due: input.due,
        status: name_of(input.status),
        position: 0,
    };
    if id.is_some() {
        let existing: Option<i32> = bid_sections::table
            .filter(bid_sections::bid_id.eq(&row.bid_id))
            .filter(bid_sections::id.eq(&row.id))
            .select(bid_sections::position)
            .first(conn)
            .optional()?;
        let Some(position) = existing else {
            return Ok(None);
        };
        row.position = position;
        diesel::update(bid_sections::table.find(&row.id))
            .set(&row)
            .execute(conn)?;
    } else {
        let count: i64 = bid_sections::table
            .filter(bid_sections::bid_id.eq(&row.bid_id))
            .count()
            .get_result(conn)?;
        row.position = i32::try_from(count + 1).unwrap_or(i32::MAX);
        diesel::insert_into(bid_sections::table)
            .values(&row)
            .execute(conn)?;
    }
    uuid(&row.id, "id").map(Some)
}
