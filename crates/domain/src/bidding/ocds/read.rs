//! Reading one release, leniently: each field read where the standard puts
//! it, odd values kept as warnings, missing ones left out.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde_json::Value;

use super::{DocumentLink, Lot, Period, TenderRelease, TenderValue};
use crate::bidding::{MAX_BUYER_NAME, MAX_DESCRIPTION, MAX_REGION, MAX_TITLE, cpv_digits};
use crate::money::{MAX_TENDER_VALUE, minor_units};
use crate::validation::{FieldError, ValidationErrors};

/// A release being read, and where its problems go.
pub(super) struct Release<'a> {
    value: &'a Value,
    pointer: &'a str,
    now: DateTime<Utc>,
    errors: &'a mut ValidationErrors,
    warnings: &'a mut Vec<FieldError>,
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The value at `path` (object keys and list indexes).
fn at<'v>(value: &'v Value, path: &[&str]) -> Option<&'v Value> {
    value.pointer(&format!("/{}", path.join("/")))
}

impl<'a> Release<'a> {
    pub(super) fn new(
        value: &'a Value,
        pointer: &'a str,
        now: DateTime<Utc>,
        errors: &'a mut ValidationErrors,
        warnings: &'a mut Vec<FieldError>,
    ) -> Self {
        Self {
            value,
            pointer,
            now,
            errors,
            warnings,
        }
    }

    fn warn(&mut self, path: &str, message: impl Into<String>) {
        self.warnings
            .push(FieldError::new(format!("{}{path}", self.pointer), message));
    }

    fn required(&mut self, key: &str) -> Option<String> {
        let found = text(self.value.get(key));
        if found.is_none() {
            self.errors.0.push(FieldError::new(
                format!("{}/{key}", self.pointer),
                "is required in every OCDS release",
            ));
        }
        found
    }

    /// A date-time as publishers write it: RFC 3339, or without a zone
    /// (read as UTC, with a warning), or a bare date (midnight UTC); one
    /// outside the plausible range ([`crate::dates`]) is an error.
    fn instant(&mut self, path: &[&str]) -> Option<DateTime<Utc>> {
        let read = self.any_instant(path)?;
        let pointer = format!("{}/{}", self.pointer, path.join("/"));
        crate::dates::check_instant(Some(read), &pointer, self.errors)
    }

    fn any_instant(&mut self, path: &[&str]) -> Option<DateTime<Utc>> {
        let raw = text(at(self.value, path))?;
        if let Ok(parsed) = DateTime::parse_from_rfc3339(&raw) {
            return Some(parsed.with_timezone(&Utc));
        }
        let pointer = format!("/{}", path.join("/"));
        if let Ok(naive) = NaiveDateTime::parse_from_str(&raw, "%Y-%m-%dT%H:%M:%S%.f") {
            self.warn(&pointer, "has no time zone; read as UTC");
            return Some(naive.and_utc());
        }
        if let Ok(day) = raw.parse::<NaiveDate>() {
            return Some(day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
        }
        self.warn(&pointer, format!("`{raw}` is not a date; left out"));
        None
    }

    /// An amount as published (a number or a numeric string of major
    /// units), read exactly into minor units. What is not a number is left
    /// out with a warning; a negative amount or one over
    /// [`MAX_TENDER_VALUE`] is refused, as for a tender entered by hand.
    fn amount(&mut self, value: Option<&Value>, pointer: &str) -> Option<i64> {
        let text = match value? {
            Value::Number(n) => Some(n.to_string()),
            Value::String(s) => Some(s.trim().to_owned()),
            _ => None,
        };
        let Some(minor) = text.as_deref().and_then(minor_units) else {
            self.warn(pointer, "is not an amount; left out");
            return None;
        };
        if !(0..=MAX_TENDER_VALUE).contains(&minor) {
            self.errors.0.push(FieldError::new(
                format!("{}{pointer}", self.pointer),
                format!(
                    "must be an amount from 0 to {} (major units, at most two decimal places)",
                    MAX_TENDER_VALUE / 100
                ),
            ));
            return None;
        }
        Some(minor)
    }

    fn value_at(&mut self, path: &[&str]) -> Option<TenderValue> {
        let value = at(self.value, path)?;
        let pointer = format!("/{}", path.join("/"));
        let amount = self.amount(value.get("amount"), &format!("{pointer}/amount"));
        let gross = self.amount(value.get("amountGross"), &format!("{pointer}/amountGross"));
        let currency = text(value.get("currency")).map(|c| c.to_ascii_uppercase());
        if currency.is_none() && (amount.is_some() || gross.is_some()) {
            self.warn(&pointer, "has an amount but no currency; left out");
        }
        Some(TenderValue {
            amount: amount.or(gross)?,
            gross,
            currency: currency?,
        })
    }

    fn period(&mut self, path: &[&str]) -> Period {
        let with = |key: &'static str| -> Vec<&str> { path.iter().copied().chain([key]).collect() };
        Period {
            start: self.instant(&with("startDate")),
            end: self.instant(&with("endDate")),
        }
    }

    /// CPV codes of one classification and its additional ones.
    fn cpv_of(holder: &Value, found: &mut Vec<String>) {
        let listed = holder
            .get("additionalClassifications")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for classification in holder.get("classification").into_iter().chain(listed) {
            let scheme = text(classification.get("scheme")).unwrap_or_default();
            if !scheme.eq_ignore_ascii_case("CPV") {
                continue;
            }
            if let Some(code) = text(classification.get("id")).and_then(|id| cpv_digits(&id))
                && !found.contains(&code)
            {
                found.push(code);
            }
        }
    }

    /// The addresses where the work is: the items' delivery addresses
    /// (`deliveryAddresses`, or `deliveryAddress`), then the buyer's.
    fn addresses<'v>(&'v self, tender: &'v Value) -> impl Iterator<Item = &'v Value> {
        let items = tender
            .get("items")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        let delivered = items.flat_map(|item| {
            let many = item.get("deliveryAddresses").and_then(Value::as_array);
            let one = item.get("deliveryAddress").into_iter();
            many.into_iter().flatten().chain(one)
        });
        let buyer = self
            .value
            .get("parties")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|p| {
                p.get("roles")
                    .and_then(Value::as_array)
                    .is_some_and(|roles| roles.iter().any(|r| r == "buyer"))
            })
            .filter_map(|p| p.get("address"));
        delivered.chain(buyer)
    }

    /// The first address's region (`North West`), as published.
    fn region(&self, tender: &Value) -> Option<String> {
        self.addresses(tender)
            .find_map(|address| text(address.get("region")))
    }

    /// The first address's locality and postcode, as published.
    fn place(&self, tender: &Value) -> Option<String> {
        self.addresses(tender).find_map(|address| {
            let parts: Vec<String> = ["locality", "postalCode"]
                .iter()
                .filter_map(|key| text(address.get(*key)))
                .collect();
            // Only placed, never shown as the region is: kept short rather
            // than refused.
            (!parts.is_empty()).then(|| parts.join(", ").chars().take(MAX_REGION).collect())
        })
    }

    fn buyer(&mut self) -> (Option<String>, Option<String>) {
        let buyer = self.value.get("buyer");
        let named = buyer.and_then(|b| text(b.get("name")));
        let id = buyer.and_then(|b| text(b.get("id")));
        // Some publishers leave `buyer` out (or its id empty) and list the
        // buyer among the parties.
        let party = self
            .value
            .get("parties")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .find(|p| {
                let by_role = p
                    .get("roles")
                    .and_then(Value::as_array)
                    .is_some_and(|roles| roles.iter().any(|r| r == "buyer"));
                by_role || (id.is_some() && text(p.get("id")) == id)
            });
        let identifier = party.and_then(|p| p.get("identifier")).and_then(|i| {
            let id = text(i.get("id"))?;
            Some(match text(i.get("scheme")) {
                Some(scheme) => format!("{scheme}-{id}"),
                None => id,
            })
        });
        let name = named.or_else(|| party.and_then(|p| text(p.get("name"))));
        if name.is_none() {
            self.warn("/buyer", "no buyer is named");
        }
        (name, identifier.or(id))
    }

    fn lots(&mut self) -> Vec<Lot> {
        let Some(list) = at(self.value, &["tender", "lots"]).and_then(Value::as_array) else {
            return Vec::new();
        };
        let mut lots = Vec::new();
        for (i, lot) in list.iter().enumerate() {
            let Some(id) = text(lot.get("id")) else {
                self.warn(
                    &format!("/tender/lots/{i}/id"),
                    "a lot without an id is left out",
                );
                continue;
            };
            let index = i.to_string();
            lots.push(Lot {
                title: text(lot.get("title")).unwrap_or_default(),
                value: self.value_at(&["tender", "lots", &index, "value"]),
                contract_period: self.period(&["tender", "lots", &index, "contractPeriod"]),
                status: text(lot.get("status")),
                id,
            });
        }
        lots
    }

    fn documents(&self) -> Vec<DocumentLink> {
        at(self.value, &["tender", "documents"])
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|d| {
                let url = text(d.get("url"))?;
                (url.starts_with("https://") || url.starts_with("http://")).then(|| DocumentLink {
                    url,
                    title: text(d.get("title")),
                    kind: text(d.get("documentType")),
                })
            })
            .collect()
    }

    /// The tender this release tells of; `None` (with errors) when it lacks
    /// what every release must have.
    pub(super) fn tender(&mut self) -> Option<TenderRelease> {
        let ocid = self.required("ocid");
        let release_id = self.required("id");
        let known_problems = self.errors.0.len();
        let release_date = self.instant(&["date"]);
        // (A date outside the plausible range was named already.)
        if release_date.is_none() && self.errors.0.len() == known_problems {
            self.errors.0.push(FieldError::new(
                format!("{}/date", self.pointer),
                "is required in every OCDS release, as a date-time such as 2027-01-04T09:00:00Z",
            ));
        }
        // A release is dated when it is published: one dated far ahead would
        // win over every genuine release to come (the newest one wins).
        if release_date.is_some_and(|date| date > self.now + chrono::Duration::days(1)) {
            self.errors.0.push(FieldError::new(
                format!("{}/date", self.pointer),
                "is more than a day in the future; a release is dated when it is published",
            ));
        }
        let mut tags = match self.value.get("tag") {
            Some(Value::Array(tags)) => tags.iter().filter_map(|t| text(Some(t))).collect(),
            Some(Value::String(tag)) => vec![tag.clone()],
            _ => {
                self.warn("/tag", "no tag: read as a tender");
                vec!["tender".to_owned()]
            }
        };
        let tender = self.value.get("tender").cloned().unwrap_or(Value::Null);
        // A compiled release (of a record) is tagged `compiled`: what it
        // calls for is read from the tender's status instead.
        if tags.iter().any(|t| t == "compiled") {
            match text(tender.get("status")).as_deref() {
                Some("active") => tags = vec!["tender".to_owned()],
                Some("planning" | "planned") => tags = vec!["planning".to_owned()],
                _ => {}
            }
        }
        let mut cpv = Vec::new();
        Self::cpv_of(&tender, &mut cpv);
        for item in tender
            .get("items")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            Self::cpv_of(item, &mut cpv);
        }
        let (buyer_name, buyer_id) = self.buyer();
        let region = self.region(&tender);
        let place = self.place(&tender);
        let method = text(tender.get("procurementMethod"));
        let details = text(tender.get("procurementMethodDetails"));
        let suitability = tender.get("suitability");
        let flag = |key: &str| {
            suitability
                .and_then(|s| s.get(key))
                .and_then(Value::as_bool)
        };
        let (title, title_at) = match text(tender.get("title")) {
            Some(title) => (title, "/tender/title"),
            None => (text(self.value.get("title")).unwrap_or_default(), "/title"),
        };
        let description = text(tender.get("description")).unwrap_or_default();
        // What a tender entered by hand may hold, imported ones may too: the
        // buyer's name and the region come from one of several places, so
        // they are named at the release.
        for (value, at, what, max) in [
            (Some(&title), title_at, "", MAX_TITLE),
            (
                Some(&description),
                "/tender/description",
                "",
                MAX_DESCRIPTION,
            ),
            (buyer_name.as_ref(), "", "its buyer's name ", MAX_BUYER_NAME),
            (region.as_ref(), "", "its region ", MAX_REGION),
        ] {
            if value.is_some_and(|v| v.chars().count() > max) {
                self.errors.0.push(FieldError::new(
                    format!("{}{at}", self.pointer),
                    format!("{what}must be at most {max} characters long"),
                ));
            }
        }
        Some(TenderRelease {
            title,
            description,
            value: self.value_at(&["tender", "value"]),
            deadline: self.instant(&["tender", "tenderPeriod", "endDate"]),
            enquiry_deadline: self.instant(&["tender", "enquiryPeriod", "endDate"]),
            contract_period: self.period(&["tender", "contractPeriod"]),
            procurement_method: match (method, details) {
                (Some(method), Some(details)) => Some(format!("{method} ({details})")),
                (method, details) => method.or(details),
            },
            lots: self.lots(),
            documents: self.documents(),
            suitable_for_sme: flag("sme"),
            suitable_for_vcse: flag("vcse"),
            status: text(tender.get("status")),
            cpv,
            buyer_name,
            buyer_id,
            region,
            place,
            tags,
            ocid: ocid?,
            release_id: release_id?,
            release_date: release_date?,
        })
    }
}
