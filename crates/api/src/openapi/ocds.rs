//! OCDS 1.1 packages as the OpenAPI document describes them, so that
//! generated clients can build one to import and read the one a bid is
//! published as. These types only describe: the reader
//! (`coophub_domain::bidding::read_package`) reads `serde_json::Value`
//! leniently (ids as numbers, dates without a zone, amounts as strings),
//! and the writer (`bid_package`) builds JSON. Only the fields coophub reads
//! or writes are listed; every other field of the standard is allowed and
//! left alone. See <https://standard.open-contracting.org/1.1/en/schema/>.
#![expect(
    dead_code,
    reason = "never built: they exist for their derived schemas alone"
)]

use std::collections::HashMap;

use utoipa::ToSchema;

/// An OCDS 1.1 release package (with `releases`) or record package (with
/// `records`). Importing reads each release's tender; fields not listed
/// here are allowed and ignored.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsPackage {
    /// Where the package is published.
    uri: Option<String>,
    /// The OCDS version, e.g. `1.1`.
    version: Option<String>,
    /// When the package was published (RFC 3339).
    published_date: Option<String>,
    /// Who published it.
    publisher: Option<OcdsName>,
    /// The extensions' descriptions (`extension.json` URLs) the releases use.
    extensions: Option<Vec<String>>,
    /// The releases (a release package).
    releases: Option<Vec<OcdsRelease>>,
    /// The records (a record package): each record's `compiledRelease` is
    /// read, else its newest embedded release.
    records: Option<Vec<OcdsRecord>>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// One contracting process's record.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsRecord {
    /// The contracting process.
    ocid: Option<String>,
    /// The process as its releases compiled it.
    compiled_release: Option<OcdsRelease>,
    /// The releases embedded in the record.
    releases: Option<Vec<OcdsRelease>>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// One release: what was known of a contracting process at `date`.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsRelease {
    /// The contracting process, e.g. `ocds-b5fd17-…`; an opportunity per process.
    ocid: String,
    /// The release, unique within the process.
    id: String,
    /// When the release was published (RFC 3339); the newest release of a
    /// process wins, and one dated more than a day ahead is refused.
    date: String,
    /// What the release tells of (`planning`, `tender`, `award`, …); a
    /// release without tags is read as a tender.
    tag: Option<Vec<String>>,
    /// How the process began (`tender`).
    initiation_type: Option<String>,
    /// The buyer.
    buyer: Option<OcdsOrganizationReference>,
    /// The organisations involved, with their roles (`buyer`, `tenderer`).
    parties: Option<Vec<OcdsParty>>,
    /// The tender.
    tender: Option<OcdsTender>,
    /// The bids (the bids extension): a bid published by coophub.
    bids: Option<OcdsBids>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// A name (of a publisher).
#[derive(ToSchema)]
pub struct OcdsName {
    /// The name.
    name: Option<String>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// An organisation named by its id among the release's parties.
#[derive(ToSchema)]
pub struct OcdsOrganizationReference {
    /// Its id among the parties.
    id: Option<String>,
    /// Its name.
    name: Option<String>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// An organisation involved in the process.
#[derive(ToSchema)]
pub struct OcdsParty {
    /// Its id within the release.
    id: Option<String>,
    /// Its name.
    name: Option<String>,
    /// Its roles, e.g. `buyer`, `tenderer`.
    roles: Option<Vec<String>>,
    /// Its registered identifier.
    identifier: Option<OcdsIdentifier>,
    /// Its address (the buyer's region places a tender without a delivery address).
    address: Option<OcdsAddress>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// An organisation's registered identifier.
#[derive(ToSchema)]
pub struct OcdsIdentifier {
    /// The register, e.g. `GB-COH`.
    scheme: Option<String>,
    /// The id in that register.
    id: Option<String>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// An address; coophub reads its region.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsAddress {
    /// The region, e.g. `UKE42`.
    region: Option<String>,
    /// The town.
    locality: Option<String>,
    /// The ISO 3166-1 alpha-2 country code.
    country_name: Option<String>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// What the buyer calls for.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsTender {
    /// The tender's id.
    id: Option<String>,
    /// The title (at most 300 characters).
    title: Option<String>,
    /// The description (at most 20,000 characters).
    description: Option<String>,
    /// `planning`, `active`, `complete`, `cancelled`, …
    status: Option<String>,
    /// The estimated value.
    value: Option<OcdsValue>,
    /// The main classification (CPV codes are read).
    classification: Option<OcdsClassification>,
    /// Further classifications.
    additional_classifications: Option<Vec<OcdsClassification>>,
    /// What is bought, with classifications and delivery addresses.
    items: Option<Vec<OcdsItem>>,
    /// Bids are taken until this period's `endDate`.
    tender_period: Option<OcdsPeriod>,
    /// Questions are taken until this period's `endDate`.
    enquiry_period: Option<OcdsPeriod>,
    /// When the work would be done.
    contract_period: Option<OcdsPeriod>,
    /// `open`, `selective`, `limited` or `direct`.
    procurement_method: Option<String>,
    /// The buyer's own words for the method.
    procurement_method_details: Option<String>,
    /// The lots (the lots extension).
    lots: Option<Vec<OcdsLot>>,
    /// Documents published with the tender (http or https links).
    documents: Option<Vec<OcdsDocument>>,
    /// Whom the tender suits (the suitability extension).
    suitability: Option<OcdsSuitability>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// An amount (major units, at most two decimal places, 0 to 10^12) and its
/// ISO 4217 currency.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsValue {
    /// The amount in major units.
    amount: Option<f64>,
    /// The amount including taxes, read when `amount` is missing.
    amount_gross: Option<f64>,
    /// The currency, e.g. `GBP`.
    currency: Option<String>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// A classification of the work; CPV codes (`scheme: CPV`) suggest skills.
#[derive(ToSchema)]
pub struct OcdsClassification {
    /// `CPV` for the Common Procurement Vocabulary.
    scheme: Option<String>,
    /// The code, e.g. `72000000`.
    id: Option<String>,
    /// What the code means.
    description: Option<String>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// A thing bought.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsItem {
    /// Its id.
    id: Option<String>,
    /// Its classification.
    classification: Option<OcdsClassification>,
    /// Further classifications.
    additional_classifications: Option<Vec<OcdsClassification>>,
    /// Where it is delivered (the location extension).
    delivery_addresses: Option<Vec<OcdsAddress>>,
    /// Where it is delivered (the older, single form).
    delivery_address: Option<OcdsAddress>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// A period (RFC 3339 date-times).
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsPeriod {
    /// The start.
    start_date: Option<String>,
    /// The end.
    end_date: Option<String>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// A lot of a tender.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsLot {
    /// The lot's id within the tender (a lot without one is left out).
    id: Option<String>,
    /// Its title.
    title: Option<String>,
    /// `active`, `cancelled`, …
    status: Option<String>,
    /// Its estimated value.
    value: Option<OcdsValue>,
    /// When its work would be done.
    contract_period: Option<OcdsPeriod>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// A document published with a tender.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsDocument {
    /// Where it is (http or https).
    url: Option<String>,
    /// Its title.
    title: Option<String>,
    /// Its kind, e.g. `tenderNotice`.
    document_type: Option<String>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// Whom a tender suits.
#[derive(ToSchema)]
pub struct OcdsSuitability {
    /// Small and medium-sized enterprises.
    sme: Option<bool>,
    /// Voluntary, community and social enterprises.
    vcse: Option<bool>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// The bids of a process (the bids extension).
#[derive(ToSchema)]
pub struct OcdsBids {
    /// One entry per bid.
    details: Option<Vec<OcdsBid>>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}

/// A bid: who bids, its status and value.
#[derive(ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OcdsBid {
    /// The bid's id.
    id: Option<String>,
    /// `pending`, `valid` or `withdrawn` (the extension's `bidStatus` codes).
    status: Option<String>,
    /// When it was submitted.
    date: Option<String>,
    /// The consortium: the lead first, then the co-ops that accepted.
    tenderers: Option<Vec<OcdsOrganizationReference>>,
    /// The price bid.
    value: Option<OcdsValue>,
    /// The lots bid for.
    related_lots: Option<Vec<String>>,
    /// Every other field of the standard: allowed, and left alone.
    #[serde(flatten)]
    other: HashMap<String, serde_json::Value>,
}
