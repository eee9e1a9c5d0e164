//! The `opportunities` row and its conversions.

use chrono::NaiveDateTime;
use coophub_domain::bidding::{Period, Provenance, TenderRelease, TenderValue};
use diesel::prelude::*;

use crate::error::StoreError;
use crate::schema::opportunities;
use crate::time;

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
#[diesel(table_name = opportunities, treat_none_as_null = true)]
pub(crate) struct OpportunityRow {
    pub(super) id: String,
    pub(super) ocid: String,
    release_id: String,
    pub(super) release_date: NaiveDateTime,
    tags: String,
    title: String,
    description: String,
    buyer_name: Option<String>,
    buyer_id: Option<String>,
    value_amount: Option<i64>,
    value_gross: Option<i64>,
    value_currency: Option<String>,
    deadline: Option<NaiveDateTime>,
    enquiry_deadline: Option<NaiveDateTime>,
    contract_start: Option<NaiveDateTime>,
    contract_end: Option<NaiveDateTime>,
    procurement_method: Option<String>,
    cpv: String,
    lots: String,
    documents: String,
    suitable_for_sme: Option<bool>,
    suitable_for_vcse: Option<bool>,
    tender_status: Option<String>,
    pub(super) manual: bool,
    pub(super) version: i32,
    pub(super) created_at: NaiveDateTime,
    pub(super) updated_at: NaiveDateTime,
    // Backups written before regions were read lack it.
    #[serde(default)]
    region: Option<String>,
    // Backups written before provenance was kept hold the network's.
    #[serde(default)]
    pub(super) source_account: Option<String>,
    // Backups written before places were read lack it.
    #[serde(default)]
    place: Option<String>,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in an opportunities row").into(),
    ))
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

fn parsed<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|_| corrupt(what))
}

fn at(instant: Option<chrono::DateTime<chrono::Utc>>) -> Option<NaiveDateTime> {
    instant.map(time::to_db)
}

fn from(value: Option<NaiveDateTime>) -> Option<chrono::DateTime<chrono::Utc>> {
    value.map(time::from_db)
}

/// Who writes the row, and when.
pub(super) struct Stamp {
    pub(super) id: String,
    pub(super) manual: bool,
    pub(super) provenance: Provenance,
    pub(super) version: i32,
    pub(super) created_at: NaiveDateTime,
    pub(super) updated_at: NaiveDateTime,
}

impl OpportunityRow {
    pub(super) fn new(tender: &TenderRelease, stamp: Stamp) -> Self {
        Self {
            id: stamp.id,
            ocid: tender.ocid.clone(),
            release_id: tender.release_id.clone(),
            release_date: time::to_db(tender.release_date),
            tags: json(&tender.tags),
            title: tender.title.clone(),
            description: tender.description.clone(),
            buyer_name: tender.buyer_name.clone(),
            buyer_id: tender.buyer_id.clone(),
            value_amount: tender.value.as_ref().map(|v| v.amount),
            value_gross: tender.value.as_ref().and_then(|v| v.gross),
            value_currency: tender.value.as_ref().map(|v| v.currency.clone()),
            deadline: at(tender.deadline),
            enquiry_deadline: at(tender.enquiry_deadline),
            contract_start: at(tender.contract_period.start),
            contract_end: at(tender.contract_period.end),
            procurement_method: tender.procurement_method.clone(),
            cpv: json(&tender.cpv),
            lots: json(&tender.lots),
            documents: json(&tender.documents),
            suitable_for_sme: tender.suitable_for_sme,
            suitable_for_vcse: tender.suitable_for_vcse,
            tender_status: tender.status.clone(),
            manual: stamp.manual,
            version: stamp.version,
            created_at: stamp.created_at,
            updated_at: stamp.updated_at,
            region: tender.region.clone(),
            place: tender.place.clone(),
            source_account: match stamp.provenance {
                Provenance::Network => None,
                Provenance::Member(account) => Some(account.to_string()),
            },
        }
    }

    pub(super) fn provenance(&self) -> Result<Provenance, StoreError> {
        match &self.source_account {
            None => Ok(Provenance::Network),
            Some(account) => uuid::Uuid::parse_str(account)
                .map(Provenance::Member)
                .map_err(|_| corrupt("source_account")),
        }
    }

    pub(super) fn tender(&self) -> Result<TenderRelease, StoreError> {
        let value = match (self.value_amount, &self.value_currency) {
            (Some(amount), Some(currency)) => Some(TenderValue {
                amount,
                gross: self.value_gross,
                currency: currency.clone(),
            }),
            _ => None,
        };
        Ok(TenderRelease {
            ocid: self.ocid.clone(),
            release_id: self.release_id.clone(),
            release_date: time::from_db(self.release_date),
            tags: parsed(&self.tags, "tags")?,
            title: self.title.clone(),
            description: self.description.clone(),
            buyer_name: self.buyer_name.clone(),
            buyer_id: self.buyer_id.clone(),
            region: self.region.clone(),
            place: self.place.clone(),
            value,
            deadline: from(self.deadline),
            enquiry_deadline: from(self.enquiry_deadline),
            contract_period: Period {
                start: from(self.contract_start),
                end: from(self.contract_end),
            },
            procurement_method: self.procurement_method.clone(),
            cpv: parsed(&self.cpv, "cpv")?,
            lots: parsed(&self.lots, "lots")?,
            documents: parsed(&self.documents, "documents")?,
            suitable_for_sme: self.suitable_for_sme,
            suitable_for_vcse: self.suitable_for_vcse,
            status: self.tender_status.clone(),
        })
    }
}
