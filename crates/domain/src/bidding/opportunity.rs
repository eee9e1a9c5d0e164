//! Opportunities: tenders a co-op (or a consortium) could bid for, read from
//! OCDS or entered by hand, with the skills their CPV codes imply, and how
//! well they fit a co-op.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{DocumentLink, Lot, Period, TenderRelease, TenderValue};
use crate::skills::Skill;

/// Whether an opportunity can be bid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    /// A call for tenders whose deadline has not passed.
    Open,
    /// A planning notice: tracked, not yet open.
    Planning,
    /// Past its deadline, or an award, contract or amendment notice.
    Closed,
}

impl OpportunityStatus {
    /// Where it stands, in a person's words.
    pub const fn words(self) -> &'static str {
        match self {
            Self::Open => "open for bids",
            Self::Planning => "planned, not open yet",
            Self::Closed => "closed",
        }
    }
}

/// An opportunity as stored: the newest release of its process, and the
/// skills it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Opportunity {
    /// Stable identifier.
    pub id: Uuid,
    /// The tender as last released.
    pub tender: TenderRelease,
    /// Skills needed (from its CPV codes, and any added by hand).
    pub required_skills: Vec<Skill>,
    /// Entered by hand (not imported).
    pub manual: bool,
    /// Whose it is: who may give it a newer release.
    pub provenance: Provenance,
    /// Bumped on every change.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

/// Where an opportunity came from, and so who may update it. A release of
/// a process from another source is never applied: a co-op's import cannot
/// rewrite a tender the stewards imported or another co-op entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// The network's: a steward's import or entry, `coophub import ocds`, or
    /// a sync from a publisher's feed.
    Network,
    /// A member co-op admin's import or manual entry: this account's.
    Member(Uuid),
}

impl Provenance {
    /// The source a signed-in `viewer`'s imports and entries have.
    pub fn of(viewer: &crate::access::Viewer) -> Option<Self> {
        if viewer.is_network_admin() {
            return Some(Self::Network);
        }
        viewer.user_id().map(Self::Member)
    }

    /// Whether a release from `source` may update what this source holds:
    /// the same source, or the network's stewards (who correct anything, and
    /// whose feed takes over a process a co-op imported first).
    pub fn updatable_by(self, source: Self) -> bool {
        source == Self::Network || source == self
    }

    /// How the API names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Network => "network",
            Self::Member(_) => "member",
        }
    }
}

impl Opportunity {
    /// Where it stands at `now`.
    pub fn status_at(&self, now: DateTime<Utc>) -> OpportunityStatus {
        status_of(&self.tender, now)
    }
}

/// Where a tender stands at `now`.
pub fn status_of(tender: &TenderRelease, now: DateTime<Utc>) -> OpportunityStatus {
    if tender.calls_for_tenders() && tender.deadline.is_none_or(|deadline| deadline > now) {
        OpportunityStatus::Open
    } else if tender.is_planning() {
        OpportunityStatus::Planning
    } else {
        OpportunityStatus::Closed
    }
}

/// The longest tender title kept, in characters, entered or imported.
pub const MAX_TITLE: usize = 300;
/// The longest tender description kept, in characters.
pub const MAX_DESCRIPTION: usize = 20_000;
/// The longest buyer name kept, in characters.
pub const MAX_BUYER_NAME: usize = 300;
/// The longest region kept, in characters.
pub const MAX_REGION: usize = 100;

/// An opportunity entered by hand, checked.
#[derive(Debug, Clone)]
pub struct ManualTender {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Buyer.
    pub buyer_name: Option<String>,
    /// Where the work is.
    pub region: Option<String>,
    /// Deadline.
    pub deadline: Option<DateTime<Utc>>,
    /// Value.
    pub value: Option<TenderValue>,
    /// CPV codes (eight digits).
    pub cpv: Vec<String>,
    /// Suitable for SMEs.
    pub suitable_for_sme: Option<bool>,
    /// Suitable for VCSEs.
    pub suitable_for_vcse: Option<bool>,
}

impl ManualTender {
    /// The tender as a first release of its own process `ocid`.
    pub fn into_release(self, ocid: String, now: DateTime<Utc>) -> TenderRelease {
        TenderRelease {
            release_id: format!("{ocid}-1"),
            ocid,
            release_date: now,
            tags: vec!["tender".into()],
            title: self.title,
            description: self.description,
            buyer_name: self.buyer_name,
            buyer_id: None,
            place: self.region.clone(),
            region: self.region,
            value: self.value,
            deadline: self.deadline,
            enquiry_deadline: None,
            contract_period: Period::default(),
            procurement_method: None,
            cpv: self.cpv,
            lots: Vec::<Lot>::new(),
            documents: Vec::<DocumentLink>::new(),
            suitable_for_sme: self.suitable_for_sme,
            suitable_for_vcse: self.suitable_for_vcse,
            status: None,
        }
    }
}

/// Where a co-op's evidence of a skill comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The co-op lists it as a technology or service.
    Listed,
    /// A case study of the co-op used it.
    CaseStudy,
    /// One of its people holds it (level 3 or more).
    People,
}

/// What a co-op has to show, skill by skill.
#[derive(Debug, Clone, Default)]
pub struct CoopEvidence {
    /// Listed technologies and services.
    pub listed: Vec<String>,
    /// Skills of its case studies.
    pub case_studies: Vec<String>,
    /// Skills its people hold at level 3 or more (network members only).
    pub people: Vec<String>,
}

impl CoopEvidence {
    /// How the co-op shows `skill`: listed, in a case study, by its people
    /// (none: it does not).
    pub fn evidence_of(&self, skill: &str) -> Vec<Evidence> {
        [
            (Evidence::Listed, &self.listed),
            (Evidence::CaseStudy, &self.case_studies),
            (Evidence::People, &self.people),
        ]
        .into_iter()
        .filter(|(_, held)| held.iter().any(|h| h == skill))
        .map(|(kind, _)| kind)
        .collect()
    }
}

/// How an opportunity fits a co-op.
#[derive(Debug, Clone, PartialEq)]
pub struct CoopFit {
    /// Required skills the co-op covers, with how it shows it.
    pub covered: Vec<(String, Vec<Evidence>)>,
    /// Required skills it does not.
    pub missing: Vec<String>,
    /// 0 to 1: the share covered, case-study and people evidence counting a little more.
    pub score: f64,
}

/// How `required` skills fit what `coop` has to show.
pub fn coop_fit(required: &[String], coop: &CoopEvidence) -> CoopFit {
    let mut covered = Vec::new();
    let mut missing = Vec::new();
    let mut points = 0.0;
    for skill in required {
        let evidence = coop.evidence_of(skill);
        if evidence.is_empty() {
            missing.push(skill.clone());
        } else {
            points += 0.8 + 0.1 * (evidence.len() - 1) as f64;
            covered.push((skill.clone(), evidence));
        }
    }
    let score = if required.is_empty() {
        0.0
    } else {
        (points / required.len() as f64).min(1.0)
    };
    CoopFit {
        covered,
        missing,
        score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_same_source_or_the_network_updates_an_opportunity() {
        let (ada, bea) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let (network, ada, bea) = (
            Provenance::Network,
            Provenance::Member(ada),
            Provenance::Member(bea),
        );
        assert!(network.updatable_by(network));
        assert!(
            !network.updatable_by(ada),
            "a co-op cannot rewrite the stewards' tender"
        );
        assert!(ada.updatable_by(ada));
        assert!(!ada.updatable_by(bea), "nor another co-op's");
        assert!(ada.updatable_by(network), "stewards correct anything");
    }

    #[test]
    fn fit_counts_what_the_coop_can_show_and_names_the_gaps() {
        let required = [
            "web-design".to_owned(),
            "hosting".to_owned(),
            "it-security".to_owned(),
        ];
        let coop = CoopEvidence {
            listed: vec!["web-design".into(), "hosting".into()],
            case_studies: vec!["web-design".into()],
            people: vec!["web-design".into()],
        };
        let fit = coop_fit(&required, &coop);
        assert_eq!(
            fit.covered,
            [
                (
                    "web-design".to_owned(),
                    vec![Evidence::Listed, Evidence::CaseStudy, Evidence::People]
                ),
                ("hosting".to_owned(), vec![Evidence::Listed]),
            ]
        );
        assert_eq!(fit.missing, ["it-security"]);
        assert!((fit.score - 0.6).abs() < 1e-9, "{}", fit.score);
        assert_eq!(coop_fit(&[], &coop).score, 0.0);
    }

    #[test]
    fn only_calls_for_tenders_before_their_deadline_are_open() {
        let now: DateTime<Utc> = "2027-02-01T00:00:00Z".parse().unwrap();
        let manual = ManualTender {
            title: "T".into(),
            description: String::new(),
            buyer_name: None,
            region: None,
            deadline: Some(now + chrono::Duration::days(1)),
            value: None,
            cpv: Vec::new(),
            suitable_for_sme: None,
            suitable_for_vcse: None,
        };
        let mut tender = manual.into_release("coophub-1".into(), now);
        assert_eq!(status_of(&tender, now), OpportunityStatus::Open);
        assert_eq!(
            status_of(&tender, now + chrono::Duration::days(2)),
            OpportunityStatus::Closed
        );
        tender.tags = vec!["planning".into()];
        assert_eq!(status_of(&tender, now), OpportunityStatus::Planning);
        tender.tags = vec!["award".into()];
        assert_eq!(status_of(&tender, now), OpportunityStatus::Closed);
    }
}
