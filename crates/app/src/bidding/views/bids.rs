//! Bids as answers show them: the same for every face.

use crate::bidding::bids::BidCase;
use crate::bidding::views::ReadinessView;
use crate::shapes::CoopRef;
use crate::shapes::TenderValueBody;
use crate::shapes::{LevelledSkillView, skill_views};
use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::{named_member, see_rates};
use coophub_domain::bidding::{
    BidState, Criterion, MemberStatus, ReadinessSnapshot, SectionStatus, late, weighted_score,
};
use serde::Serialize;
use uuid::Uuid;

/// The tender a bid is for.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidOpportunity {
    /// Its id.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Buyer.
    pub buyer_name: Option<String>,
    /// Deadline for tenders.
    pub deadline: Option<DateTime<Utc>>,
}

/// A co-op in the consortium (or invited, to those who may know).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberView {
    /// The co-op.
    pub coop: CoopRef,
    /// `lead`, `invited`, `accepted` or `declined`.
    pub status: MemberStatus,
    /// When it was invited.
    pub invited_at: DateTime<Utc>,
    /// When its admins answered.
    pub answered_at: Option<DateTime<Utc>>,
}

/// A role to fill.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoleView {
    /// Its id.
    pub id: Uuid,
    /// What the role is.
    pub title: String,
    /// The lot it is for.
    pub lot_id: Option<String>,
    /// Skills wanted, `level` being the least.
    pub skills: Vec<LevelledSkillView>,
    /// Effort in days.
    pub effort_days: u32,
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day.
    pub end: Option<NaiveDate>,
    /// Internal day rate (the consortium only sees it).
    pub day_rate: Option<i64>,
    /// Who fills it (an invited co-op only to those who may know).
    pub coop: Option<CoopRef>,
}

/// A section to write.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionView {
    /// Its id.
    pub id: Uuid,
    /// What the section is.
    pub title: String,
    /// The co-op writing it.
    pub owner_coop: Option<CoopRef>,
    /// The person writing it.
    pub owner_person: Option<Uuid>,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Where it stands.
    pub status: SectionStatus,
    /// Past its due date and not done.
    pub late: bool,
}

/// A link to one of the bid's documents.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentLinkView {
    /// Its id.
    pub id: Uuid,
    /// What it is called.
    pub title: String,
    /// Where it is.
    pub url: String,
    /// What kind of document, as the adder says.
    pub kind: Option<String>,
    /// Who added it (their account's name now).
    pub added_by: Option<String>,
    /// The co-op they added it for.
    pub added_for: Option<CoopRef>,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// The go/no-go decision.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionView {
    /// Bid or not.
    pub go: bool,
    /// Why.
    pub reasons: String,
    /// The criteria weighed.
    pub criteria: Vec<Criterion>,
    /// Their weighted mean, 0 to 5.
    pub score: Option<f64>,
    /// When.
    pub decided_at: DateTime<Utc>,
    /// How ready the bid was when it was taken (`null` for decisions taken
    /// before readiness was kept).
    pub readiness: Option<ReadinessSnapshot>,
}

/// A bid as the viewer may see it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidView {
    /// Its id.
    pub id: Uuid,
    /// Name.
    pub title: String,
    /// `forming`, `go`, `no_go`, `submitted`, `won`, `lost` or `withdrawn`.
    pub state: BidState,
    /// The tender.
    pub opportunity: BidOpportunity,
    /// The lot bid for.
    pub lot_id: Option<String>,
    /// The lead co-op.
    pub lead: CoopRef,
    /// The coordinator (one of the lead's people).
    pub coordinator: Option<Uuid>,
    /// The price bid (the consortium only).
    pub value: Option<TenderValueBody>,
    /// Lead premium in basis points (the consortium only).
    pub lead_premium_bp: Option<u32>,
    /// Network-fund contribution in basis points: optional, `null` when none
    /// (and for those outside the consortium).
    pub fund_bp: Option<u32>,
    /// The decision, once taken.
    pub decision: Option<DecisionView>,
    /// The consortium: the lead, those that accepted, and (to the lead's
    /// managers and the co-op itself) those invited or declining.
    pub members: Vec<MemberView>,
    /// Roles.
    pub roles: Vec<RoleView>,
    /// Sections, with which are late.
    pub sections: Vec<SectionView>,
    /// What still stands between it and submitting it.
    pub readiness: ReadinessView,
    /// Links to its documents (the consortium only).
    pub documents: Vec<DocumentLinkView>,
    /// The case study it became.
    pub case_study: Option<String>,
    /// When it was submitted.
    pub submitted_at: Option<DateTime<Utc>>,
    /// When it was won, lost or withdrawn.
    pub closed_at: Option<DateTime<Utc>>,
    /// Version for `If-Match`.
    pub version: i32,
    /// Opened.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

/// A page of bids.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidList {
    /// Newest first.
    pub items: Vec<BidView>,
    /// How many the caller may see.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

impl BidView {
    /// `case` as `viewer` may see it on `today`.
    pub fn new(case: BidCase, viewer: &Viewer, today: NaiveDate) -> Self {
        let facts = case.facts();
        let rates = see_rates(viewer, &facts);
        let coop_ref = |id: Uuid| case.coop_ref(id);
        let status_of = |id: Uuid| {
            case.members
                .iter()
                .find(|m| m.coop_id == id)
                .map(|m| m.status)
        };
        let may_name =
            |id: Uuid| status_of(id).is_some_and(|status| named_member(viewer, &facts, id, status));
        let members = case
            .members
            .iter()
            .filter(|m| named_member(viewer, &facts, m.coop_id, m.status))
            .filter_map(|m| {
                Some(MemberView {
                    coop: coop_ref(m.coop_id)?,
                    status: m.status,
                    invited_at: m.invited_at,
                    answered_at: m.answered_at,
                })
            })
            .collect();
        let roles = case
            .roles
            .iter()
            .map(|role| RoleView {
                id: role.id,
                title: role.title.clone(),
                lot_id: role.lot_id.clone(),
                skills: skill_views(role.skills.clone()),
                effort_days: role.effort_days,
                start: role.period.map(|p| p.start),
                end: role.period.map(|p| p.end),
                day_rate: role.day_rate.filter(|_| rates),
                coop: role.coop_id.filter(|c| may_name(*c)).and_then(coop_ref),
            })
            .collect();
        let sections = case
            .sections
            .iter()
            .map(|section| SectionView {
                id: section.id,
                title: section.title.clone(),
                owner_coop: section
                    .owner_coop_id
                    .filter(|c| may_name(*c))
                    .and_then(coop_ref),
                owner_person: section.owner_person_id,
                due: section.due,
                status: section.status,
                late: late(section.due, section.status, today),
            })
            .collect();
        let readiness = ReadinessView::of(&case, today);
        let documents = case
            .documents
            .iter()
            .filter(|_| rates)
            .map(|d| DocumentLinkView {
                id: d.id,
                title: d.title.clone(),
                url: d.url.clone(),
                kind: d.kind.clone(),
                added_by: d.added_by.clone(),
                added_for: d.added_for.and_then(coop_ref),
                created_at: d.created_at,
            })
            .collect();
        let bid = &case.bid;
        let lead = coop_ref(bid.lead_coop_id).unwrap_or(CoopRef {
            slug: String::new(),
            name: String::new(),
        });
        BidView {
            id: bid.id,
            title: bid.title.clone(),
            state: bid.state,
            opportunity: BidOpportunity {
                id: case.opportunity.id,
                title: case.opportunity.tender.title.clone(),
                buyer_name: case.opportunity.tender.buyer_name.clone(),
                deadline: case.opportunity.tender.deadline,
            },
            lot_id: bid.lot_id.clone(),
            lead,
            coordinator: bid.coordinator_id,
            value: bid.value.clone().filter(|_| rates).map(Into::into),
            lead_premium_bp: rates.then_some(bid.shares.lead_premium_bp),
            fund_bp: bid.shares.fund_bp.filter(|_| rates),
            decision: bid.decision.as_ref().map(|d| DecisionView {
                go: d.go,
                reasons: d.reasons.clone(),
                score: weighted_score(&d.criteria),
                criteria: d.criteria.clone(),
                decided_at: d.decided_at,
                readiness: d.readiness.clone(),
            }),
            members,
            roles,
            sections,
            readiness,
            documents,
            case_study: bid.case_study_slug.clone(),
            submitted_at: bid.submitted_at,
            closed_at: bid.closed_at,
            version: bid.version,
            created_at: bid.created_at,
            updated_at: bid.updated_at,
        }
    }
}
