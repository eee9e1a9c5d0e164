//! Opportunities as answers show them: the same for every face.

use crate::shapes::SkillRef;
use chrono::{DateTime, Utc};
use coophub_domain::bidding::{
    DocumentLink, Lot, Opportunity, OpportunityStatus, Period, TenderValue,
};
use serde::Serialize;
use uuid::Uuid;

/// An amount of a tender.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ValueView {
    /// Net, in minor units.
    pub amount: i64,
    /// With tax, where published.
    pub gross: Option<i64>,
    /// ISO 4217.
    pub currency: String,
}

/// A period.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodView {
    /// Start.
    pub start: Option<DateTime<Utc>>,
    /// End.
    pub end: Option<DateTime<Utc>>,
}

/// A lot.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LotView {
    /// The publisher's lot id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Value.
    pub value: Option<ValueView>,
    /// Contract period.
    pub contract_period: PeriodView,
    /// Status, as published.
    pub status: Option<String>,
}

/// A document or notice link.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentView {
    /// URL.
    pub url: String,
    /// Title.
    pub title: Option<String>,
    /// OCDS `documentType`.
    pub kind: Option<String>,
}

/// An opportunity: a tender co-ops could bid for.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpportunityView {
    /// Stable identifier.
    pub id: Uuid,
    /// The OCDS contracting process (`coophub-…` for tenders entered by hand).
    pub ocid: String,
    /// The release kept (the newest seen).
    pub release_id: String,
    /// Its date.
    pub release_date: DateTime<Utc>,
    /// OCDS tags of that release.
    pub tags: Vec<String>,
    /// `open` (a call for tenders before its deadline), `planning` or `closed`.
    pub status: OpportunityStatus,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Buyer's name.
    pub buyer_name: Option<String>,
    /// Buyer's identifier.
    pub buyer_id: Option<String>,
    /// Where the work is (an item's delivery region, else the buyer's), as published.
    pub region: Option<String>,
    /// Where the work is as an address gives it (a delivery address's, else
    /// the buyer's, locality and postcode), as published; entered tenders: the region.
    pub place: Option<String>,
    /// Value.
    pub value: Option<ValueView>,
    /// Submission deadline.
    pub deadline: Option<DateTime<Utc>>,
    /// Enquiry deadline.
    pub enquiry_deadline: Option<DateTime<Utc>>,
    /// Contract period.
    pub contract_period: PeriodView,
    /// Procurement method.
    pub procurement_method: Option<String>,
    /// CPV codes (eight digits).
    pub cpv: Vec<String>,
    /// Skills needed: what the CPV codes imply, and any added by hand.
    pub required_skills: Vec<SkillRef>,
    /// Lots.
    pub lots: Vec<LotView>,
    /// Documents and notices.
    pub documents: Vec<DocumentView>,
    /// Suitable for SMEs.
    pub suitable_for_sme: Option<bool>,
    /// Suitable for VCSEs.
    pub suitable_for_vcse: Option<bool>,
    /// `tender.status` as published.
    pub tender_status: Option<String>,
    /// Entered by hand.
    pub manual: bool,
    /// Whose it is, and so who may update it: `network` (imported or entered
    /// by the network's stewards, or synced from a publisher) or `member` (a
    /// member co-op's admin imported or entered it; only they and the
    /// stewards update it).
    #[cfg_attr(feature = "openapi", schema(example = "network"))]
    pub source: &'static str,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// A page of opportunities.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpportunityList {
    /// Soonest deadline first.
    pub items: Vec<OpportunityView>,
    /// How many in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

impl From<TenderValue> for ValueView {
    fn from(value: TenderValue) -> Self {
        Self {
            amount: value.amount,
            gross: value.gross,
            currency: value.currency,
        }
    }
}

impl From<Period> for PeriodView {
    fn from(period: Period) -> Self {
        Self {
            start: period.start,
            end: period.end,
        }
    }
}

impl From<Lot> for LotView {
    fn from(lot: Lot) -> Self {
        Self {
            id: lot.id,
            title: lot.title,
            value: lot.value.map(Into::into),
            contract_period: lot.contract_period.into(),
            status: lot.status,
        }
    }
}

impl From<DocumentLink> for DocumentView {
    fn from(link: DocumentLink) -> Self {
        Self {
            url: link.url,
            title: link.title,
            kind: link.kind,
        }
    }
}

impl OpportunityView {
    /// The view of `opportunity` at `now`.
    pub fn new(opportunity: Opportunity, now: DateTime<Utc>) -> Self {
        let status = opportunity.status_at(now);
        let tender = opportunity.tender;
        Self {
            id: opportunity.id,
            ocid: tender.ocid,
            release_id: tender.release_id,
            release_date: tender.release_date,
            tags: tender.tags,
            status,
            title: tender.title,
            description: tender.description,
            buyer_name: tender.buyer_name,
            buyer_id: tender.buyer_id,
            region: tender.region,
            place: tender.place,
            value: tender.value.map(Into::into),
            deadline: tender.deadline,
            enquiry_deadline: tender.enquiry_deadline,
            contract_period: tender.contract_period.into(),
            procurement_method: tender.procurement_method,
            cpv: tender.cpv,
            required_skills: opportunity
                .required_skills
                .into_iter()
                .map(|s| SkillRef {
                    slug: s.slug,
                    name: s.name,
                })
                .collect(),
            lots: tender.lots.into_iter().map(Into::into).collect(),
            documents: tender.documents.into_iter().map(Into::into).collect(),
            suitable_for_sme: tender.suitable_for_sme,
            suitable_for_vcse: tender.suitable_for_vcse,
            tender_status: tender.status,
            manual: opportunity.manual,
            source: opportunity.provenance.as_str(),
            updated_at: opportunity.updated_at,
        }
    }
}

/// What became of one release.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportedItem {
    /// The process.
    pub ocid: String,
    /// The opportunity.
    pub id: Uuid,
    /// `created`, `updated`, `unchanged` (a release no newer than the one
    /// kept) or `kept` (the process came from another source, which alone,
    /// or a network admin, may update it: not applied).
    pub result: &'static str,
}
