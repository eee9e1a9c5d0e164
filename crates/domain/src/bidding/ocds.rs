//! Reading tenders from Open Contracting Data Standard 1.1 packages: release
//! packages and record packages, as UK Contracts Finder and Find a Tender
//! publish them. Real publishers omit fields and use odd ones (empty
//! `buyerID`s, no `tender.status`, amounts as floats or strings): what can be
//! read is kept, what is odd is a warning. Only a release without `ocid`,
//! `id` or a readable `date` is an error, and any error refuses the whole
//! package (every problem at its JSON Pointer), so an import is all or
//! nothing.

mod read;
mod release_out;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::validation::{FieldError, ValidationErrors};
use read::Release;
pub use release_out::{
    BIDS_EXTENSION, BidRelease, LOTS_EXTENSION, Party, bid_package, bid_release,
};

/// An amount of a tender, in minor units (two decimals) of its currency.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TenderValue {
    /// Net amount, minor units.
    pub amount: i64,
    /// Gross amount (with tax) where the publisher gives it.
    pub gross: Option<i64>,
    /// ISO 4217 code.
    pub currency: String,
}

/// A period of a contract or lot.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Period {
    /// Start.
    pub start: Option<DateTime<Utc>>,
    /// End.
    pub end: Option<DateTime<Utc>>,
}

/// One lot of a tender.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Lot {
    /// The publisher's id of the lot.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its value.
    pub value: Option<TenderValue>,
    /// Its contract period.
    pub contract_period: Period,
    /// Its status, as published.
    pub status: Option<String>,
}

/// A link to a notice or document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DocumentLink {
    /// The URL.
    pub url: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// OCDS `documentType`, e.g. `tenderNotice`.
    pub kind: Option<String>,
}

/// A tender as one release tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenderRelease {
    /// The contracting process.
    pub ocid: String,
    /// This release.
    pub release_id: String,
    /// When it was released: the newer release of an `ocid` wins.
    pub release_date: DateTime<Utc>,
    /// OCDS tags: `tender`, `award`, `planning`...
    pub tags: Vec<String>,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Buyer's name.
    pub buyer_name: Option<String>,
    /// Buyer's identifier (`scheme-id` where a scheme is given).
    pub buyer_id: Option<String>,
    /// Where the work is: the first delivery address's region of an item,
    /// else the buyer's region (as published, e.g. `North West`).
    pub region: Option<String>,
    /// Where the work is, as an address gives it: the first delivery
    /// address's locality and postcode, else the buyer's (`Sheffield, S1
    /// 2HH`); what [`crate::places::locate`] places a tender by.
    pub place: Option<String>,
    /// Value.
    pub value: Option<TenderValue>,
    /// `tender.tenderPeriod.endDate`: nothing is submitted after it.
    pub deadline: Option<DateTime<Utc>>,
    /// `tender.enquiryPeriod.endDate`.
    pub enquiry_deadline: Option<DateTime<Utc>>,
    /// `tender.contractPeriod`.
    pub contract_period: Period,
    /// `tender.procurementMethod` (and its details, if given).
    pub procurement_method: Option<String>,
    /// CPV codes wherever the publisher put them, eight digits each.
    pub cpv: Vec<String>,
    /// Lots.
    pub lots: Vec<Lot>,
    /// Documents and notices.
    pub documents: Vec<DocumentLink>,
    /// Suitable for small and medium enterprises.
    pub suitable_for_sme: Option<bool>,
    /// Suitable for voluntary, community and social enterprises.
    pub suitable_for_vcse: Option<bool>,
    /// `tender.status`, as published.
    pub status: Option<String>,
}

impl TenderRelease {
    /// A call for tender (open for bidding), not an award, contract,
    /// amendment or planning notice.
    pub fn calls_for_tenders(&self) -> bool {
        self.tags
            .iter()
            .any(|t| t == "tender" || t == "tenderUpdate")
    }

    /// A planning notice, which co-ops may track before it opens.
    pub fn is_planning(&self) -> bool {
        self.tags
            .iter()
            .any(|t| t == "planning" || t == "planningUpdate")
    }
}

/// What a package held.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    /// Its releases (for a record package, each record's compiled release,
    /// else its newest embedded release).
    pub releases: Vec<TenderRelease>,
    /// Where each release was read (a JSON Pointer), in the same order.
    pub pointers: Vec<String>,
    /// What was odd but readable, at its pointer.
    pub warnings: Vec<FieldError>,
}

/// Reads an OCDS release package or record package, received at `now`.
pub fn read_package(document: &Value, now: DateTime<Utc>) -> Result<Package, ValidationErrors> {
    let mut errors = crate::text::control_characters(document);
    let mut warnings = Vec::new();
    let mut releases = Vec::new();
    let mut pointers = Vec::new();
    let found: Vec<(String, &Value)> = if let Some(list) = document.get("releases") {
        match list.as_array() {
            Some(list) => list
                .iter()
                .enumerate()
                .map(|(i, release)| (format!("/releases/{i}"), release))
                .collect(),
            None => {
                errors
                    .0
                    .push(FieldError::new("/releases", "must be a list of releases"));
                Vec::new()
            }
        }
    } else if let Some(list) = document.get("records").and_then(Value::as_array) {
        list.iter()
            .enumerate()
            .filter_map(|(i, record)| record_release(record, i, &mut errors))
            .collect()
    } else {
        errors.0.push(FieldError::new(
            "",
            "must be an OCDS release package (with `releases`) or record package (with `records`)",
        ));
        Vec::new()
    };
    for (pointer, release) in found {
        let mut reading = Release::new(release, &pointer, now, &mut errors, &mut warnings);
        if let Some(read) = reading.tender() {
            releases.push(read);
            pointers.push(pointer);
        }
    }
    errors.finish(|| {
        Some(Package {
            releases,
            pointers,
            warnings,
        })
    })
}

/// The release a record stands for: its compiled release, else its newest
/// embedded one (releases given only as links cannot be read here).
fn record_release<'a>(
    record: &'a Value,
    i: usize,
    errors: &mut ValidationErrors,
) -> Option<(String, &'a Value)> {
    if let Some(compiled) = record.get("compiledRelease") {
        return Some((format!("/records/{i}/compiledRelease"), compiled));
    }
    let embedded = record
        .get("releases")
        .and_then(Value::as_array)
        .and_then(|list| {
            list.iter()
                .enumerate()
                .filter(|(_, r)| r.get("ocid").is_some())
                .max_by_key(|(_, r)| r.get("date").and_then(Value::as_str).unwrap_or(""))
        });
    match embedded {
        Some((j, release)) => Some((format!("/records/{i}/releases/{j}"), release)),
        None => {
            errors.0.push(FieldError::new(
                format!("/records/{i}"),
                "has neither a compiledRelease nor an embedded release",
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests;
