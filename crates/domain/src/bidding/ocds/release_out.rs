//! A bid as an OCDS 1.1 release, with the bids extension (`bids.details`,
//! tenderers as parties with the `tenderer` role) and, when the bid is for
//! one lot, the lots extension (`tender.lots`, `relatedLots`). Amounts go
//! out in major units, as OCDS has them (two decimals, as they came in).

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::TenderValue;
use crate::bidding::{Bid, BidState};
use crate::sharing::Money;

/// A party named in the release: an id unique within it and a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// Unique within the release, e.g. `coophub-outlandish`.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// What the release says: the bid, its tender, and who bids.
#[derive(Debug, Clone)]
pub struct BidRelease<'a> {
    /// The bid.
    pub bid: &'a Bid,
    /// The tender's `ocid`.
    pub ocid: &'a str,
    /// The tender's title.
    pub title: &'a str,
    /// The buyer, when known.
    pub buyer: Option<Party>,
    /// The lot bid for, with its title and value.
    pub lot: Option<(&'a str, &'a str, Option<&'a TenderValue>)>,
    /// The consortium: the lead first, then those that accepted.
    pub tenderers: Vec<Party>,
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn amount(minor: i64, currency: &str) -> Value {
    json!({"amount": crate::money::major_units(minor), "currency": currency})
}

/// The bid's status in the bids extension's closed `bidStatus` codelist:
/// a bid on its way or sent is `pending`; once the buyer decided, it was
/// `valid`; one given up (or never made) is `withdrawn`.
fn status(state: BidState) -> &'static str {
    match state {
        BidState::Forming | BidState::Go | BidState::Submitted => "pending",
        BidState::Won | BidState::Lost => "valid",
        BidState::NoGo | BidState::Withdrawn => "withdrawn",
    }
}

/// The release; its id changes with every version of the bid.
pub fn bid_release(release: &BidRelease<'_>) -> Value {
    let bid = release.bid;
    let reference = |party: &Party| json!({"id": party.id, "name": party.name});
    let mut parties: Vec<Value> = Vec::new();
    if let Some(buyer) = &release.buyer {
        parties.push(json!({"id": buyer.id, "name": buyer.name, "roles": ["buyer"]}));
    }
    for party in &release.tenderers {
        parties.push(json!({"id": party.id, "name": party.name, "roles": ["tenderer"]}));
    }
    let mut detail = json!({
        "id": bid.id.to_string(),
        "status": status(bid.state),
        "tenderers": release.tenderers.iter().map(reference).collect::<Vec<_>>(),
    });
    if let Some(submitted) = bid.submitted_at {
        detail["date"] = json!(stamp(submitted));
    }
    if let Some(Money {
        amount: minor,
        currency,
    }) = &bid.value
    {
        detail["value"] = amount(*minor, currency);
    }
    let mut tender = json!({"id": release.ocid, "title": release.title});
    if let Some((id, title, value)) = release.lot {
        let mut lot = json!({"id": id, "title": title});
        if let Some(value) = value {
            lot["value"] = amount(value.amount, &value.currency);
        }
        tender["lots"] = json!([lot]);
        detail["relatedLots"] = json!([id]);
    }
    let mut out = json!({
        "ocid": release.ocid,
        "id": format!("{}-coophub-bid-{}-{}", release.ocid, bid.id, bid.version),
        "date": stamp(bid.updated_at),
        "tag": ["tender"],
        "initiationType": "tender",
        "parties": parties,
        "tender": tender,
        "bids": {"details": [detail]},
    });
    if let Some(buyer) = &release.buyer {
        out["buyer"] = reference(buyer);
    }
    out
}

/// The bids extension's description, as OCDS extension registries name it.
pub const BIDS_EXTENSION: &str = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";
/// The lots extension's description.
pub const LOTS_EXTENSION: &str = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";

/// `release` in a release package published at `uri`, which declares the
/// extensions it uses (the bids extension, and the lots extension for a bid
/// on a lot), so that tools that read packages apply their schemas.
pub fn bid_package(release: Value, uri: &str, published: DateTime<Utc>) -> Value {
    let mut extensions = vec![BIDS_EXTENSION];
    if release["tender"].get("lots").is_some() {
        extensions.push(LOTS_EXTENSION);
    }
    json!({
        "uri": uri,
        "version": "1.1",
        "publishedDate": stamp(published),
        "publisher": {"name": "coophub"},
        "extensions": extensions,
        "releases": [release],
    })
}
