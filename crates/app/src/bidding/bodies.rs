//! What clients send to open, change and answer bids.

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::bidding::{
    BidDraft, DecisionDraft, MAX_BUYER_NAME, MAX_DESCRIPTION, MAX_REGION, MAX_TITLE, ManualTender,
    RoleDraft, SectionDraft, SectionStatus, TenderValue, cpv_codes, tender_amount,
};
use coophub_domain::skills::SkillName;
use coophub_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::shapes::{RequestSkillBody, TenderValueBody};

/// A bid as its lead opens it.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BidBody {
    /// The opportunity bid for.
    pub opportunity_id: Uuid,
    /// The lead co-op's slug (the caller is one of its admins).
    pub lead_coop: String,
    /// Name of the bid.
    pub title: String,
    /// One lot of the tender, by the publisher's lot id.
    pub lot_id: Option<String>,
    /// One of the lead co-op's people who coordinates the bid.
    pub coordinator: Option<Uuid>,
    /// The price bid; default: the lot's value, else the tender's.
    pub value: Option<TenderValueBody>,
    /// The lead premium in basis points of the value (500 = 5%, the default).
    pub lead_premium_bp: Option<i64>,
    /// The optional network-fund contribution in basis points; none if left out.
    pub fund_bp: Option<i64>,
}

impl BidBody {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> BidDraft {
        terms_draft(
            &self.title,
            self.lot_id.clone(),
            self.value.as_ref(),
            self.lead_premium_bp,
            self.fund_bp,
        )
    }
}

/// The draft of a bid's terms, as opening and changing a bid send them.
fn terms_draft(
    title: &str,
    lot_id: Option<String>,
    value: Option<&TenderValueBody>,
    lead_premium_bp: Option<i64>,
    fund_bp: Option<i64>,
) -> BidDraft {
    BidDraft {
        title: title.to_owned(),
        lot_id,
        value: value.map(Into::into),
        lead_premium_bp,
        fund_bp,
    }
}

/// A bid's terms as its lead changes them (replaced whole: what is left
/// out goes back to its default).
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BidTermsBody {
    /// Name of the bid.
    pub title: String,
    /// One of the lead co-op's people who coordinates the bid.
    pub coordinator: Option<Uuid>,
    /// The price bid; default: the lot's value, else the tender's.
    pub value: Option<TenderValueBody>,
    /// The lead premium in basis points of the value (default 500 = 5%).
    pub lead_premium_bp: Option<i64>,
    /// The optional network-fund contribution in basis points; none if left out.
    pub fund_bp: Option<i64>,
}

impl BidTermsBody {
    /// The draft for the domain's checks, for a bid on `lot_id`.
    pub fn draft(&self, lot_id: Option<String>) -> BidDraft {
        terms_draft(
            &self.title,
            lot_id,
            self.value.as_ref(),
            self.lead_premium_bp,
            self.fund_bp,
        )
    }
}

/// A role to fill.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleBody {
    /// What the role is.
    pub title: String,
    /// Skills wanted, with the least level.
    #[serde(default)]
    pub skills: Vec<RequestSkillBody>,
    /// Effort in days.
    pub effort_days: i64,
    /// First day of the work (with `end`).
    pub start: Option<NaiveDate>,
    /// Last day of the work (with `start`).
    pub end: Option<NaiveDate>,
    /// Internal day rate in minor units of the bid's currency.
    pub day_rate: Option<i64>,
    /// The lot it is for.
    pub lot_id: Option<String>,
    /// The co-op that fills it: the lead, or a co-op that accepted.
    pub coop: Option<String>,
}

impl RoleBody {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> RoleDraft {
        RoleDraft {
            title: self.title.clone(),
            skills: self
                .skills
                .iter()
                .map(|s| (s.skill.clone(), s.min_level))
                .collect(),
            effort_days: self.effort_days,
            start: self.start,
            end: self.end,
            day_rate: self.day_rate,
            lot_id: self.lot_id.clone(),
        }
    }
}

/// A link to one of the bid's documents.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentBody {
    /// What it is called (1 to 200 characters).
    pub title: String,
    /// Where it is: an `http://` or `https://` URL (at most 2,000 characters).
    pub url: String,
    /// What kind of document (1 to 50 characters: `draft`, `tender pack`).
    pub kind: Option<String>,
}

/// A section of the bid document.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SectionBody {
    /// What the section is.
    pub title: String,
    /// The co-op that writes it (in the consortium).
    pub owner_coop: Option<String>,
    /// The person who writes it (one of a consortium co-op's people).
    pub owner_person: Option<Uuid>,
    /// When it is due.
    pub due: Option<NaiveDate>,
    /// Where it stands; default `todo`.
    pub status: Option<SectionStatus>,
}

impl SectionBody {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> SectionDraft {
        SectionDraft {
            title: self.title.clone(),
            owner_person: self.owner_person,
            due: self.due,
            status: self.status,
        }
    }
}

/// One criterion of a decision.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CriterionBody {
    /// What is judged.
    pub name: String,
    /// How much it counts, 1 to 10.
    pub weight: i64,
    /// The score given, 0 to 5.
    pub score: i64,
}

/// The go/no-go decision.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    /// Bid (`true`) or not.
    pub go: bool,
    /// Why.
    pub reasons: Option<String>,
    /// Optional weighted criteria.
    #[serde(default)]
    pub criteria: Vec<CriterionBody>,
}

impl DecisionBody {
    /// The draft for the domain's checks.
    pub fn draft(&self) -> DecisionDraft {
        DecisionDraft {
            go: self.go,
            reasons: self.reasons.clone(),
            criteria: self
                .criteria
                .iter()
                .map(|c| (c.name.clone(), c.weight, c.score))
                .collect(),
        }
    }
}

/// Submitting a bid; the body may be left out.
#[derive(Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    /// Submit even though the bid is not ready (roles unstaffed, sections
    /// open, invitations unanswered); without it such a bid answers 409
    /// `not_ready` listing them.
    #[serde(default)]
    pub confirm: bool,
}

/// The lead invites a co-op, optionally to roles.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InvitationBody {
    /// The invited co-op's slug.
    pub coop: String,
    /// Roles of this bid offered to it.
    #[serde(default)]
    pub role_ids: Vec<Uuid>,
    /// What to say to it (1 to 4,000 characters): the first message between
    /// the bid's managers and the co-op, quoted in its invitation.
    pub message: Option<String>,
}

/// An invited co-op's admins answer.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InvitationAnswer {
    /// Join the consortium (`true`) or decline.
    pub accept: bool,
}

/// A tender entered by hand.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ManualOpportunity {
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Buyer's name.
    pub buyer_name: Option<String>,
    /// Where the work is, e.g. `Yorkshire and the Humber`.
    pub region: Option<String>,
    /// Submission deadline (RFC 3339).
    pub deadline: Option<DateTime<Utc>>,
    /// Value in minor units.
    pub value: Option<TenderValueBody>,
    /// CPV codes (`72413000` or `72413000-8`): the skills they imply are added.
    #[serde(default)]
    pub cpv: Vec<String>,
    /// More skills needed, any spelling.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Suitable for SMEs.
    pub suitable_for_sme: Option<bool>,
    /// Suitable for VCSEs.
    pub suitable_for_vcse: Option<bool>,
}

impl ManualOpportunity {
    /// The checked tender and its extra skills, every problem at its pointer.
    pub fn checked(self) -> Result<(ManualTender, Vec<SkillName>), ValidationErrors> {
        let body = self;
        let mut errors = ValidationErrors::default();
        let title = body.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            errors.0.push(FieldError::new(
                "/title",
                format!("must be 1 to {MAX_TITLE} characters long"),
            ));
        }
        let description = body.description.unwrap_or_default().trim().to_owned();
        if description.chars().count() > MAX_DESCRIPTION {
            errors.0.push(FieldError::new(
                "/description",
                format!("must be at most {MAX_DESCRIPTION} characters long"),
            ));
        }
        let buyer_name = errors.optional_text(body.buyer_name, "/buyer_name", MAX_BUYER_NAME);
        let region = errors.optional_text(body.region, "/region", MAX_REGION);
        let cpv = cpv_codes(&body.cpv, "/cpv", &mut errors);
        let skills: Vec<SkillName> = body
            .skills
            .iter()
            .enumerate()
            .filter_map(|(i, skill)| errors.check(SkillName::parse(skill, &format!("/skills/{i}"))))
            .collect();
        let value = body
            .value
            .as_ref()
            .and_then(|money| tender_amount(&money.into(), &mut errors))
            .map(|money| TenderValue {
                amount: money.amount,
                gross: None,
                currency: money.currency,
            });
        let deadline =
            coophub_domain::dates::check_instant(body.deadline, "/deadline", &mut errors);
        let tender = ManualTender {
            title,
            description,
            buyer_name,
            region,
            deadline,
            value,
            cpv,
            suitable_for_sme: body.suitable_for_sme,
            suitable_for_vcse: body.suitable_for_vcse,
        };
        errors.finish(|| Some((tender, skills)))
    }
}
