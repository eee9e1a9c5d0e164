//! What happened to a bid, who did it and when, in the order it happened.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A kind of thing that happens to a bid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BidHappening {
    /// The lead opened it.
    Opened,
    /// A co-op was invited.
    Invited,
    /// An invited co-op joined.
    Accepted,
    /// An invited co-op declined.
    Declined,
    /// A role was added (`detail`: its title).
    RoleAdded,
    /// A section was added (`detail`: its title).
    SectionAdded,
    /// A section's state changed (`detail`: its title and state).
    SectionChanged,
    /// The title, price, premium or fund share changed.
    TermsChanged,
    /// A link to a document was added (`detail`: its title).
    DocumentAdded,
    /// Go or no-go was decided (`detail`: `go` or `no_go`).
    Decided,
    /// It was submitted.
    Submitted,
    /// The buyer chose it.
    Won,
    /// The buyer chose another.
    Lost,
    /// The lead gave it up.
    Withdrawn,
}

impl BidHappening {
    /// As stored.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Opened => "opened",
            Self::Invited => "invited",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::RoleAdded => "role_added",
            Self::SectionAdded => "section_added",
            Self::SectionChanged => "section_changed",
            Self::TermsChanged => "terms_changed",
            Self::DocumentAdded => "document_added",
            Self::Decided => "decided",
            Self::Submitted => "submitted",
            Self::Won => "won",
            Self::Lost => "lost",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// The kind stored as `name`.
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Opened,
            Self::Invited,
            Self::Accepted,
            Self::Declined,
            Self::RoleAdded,
            Self::SectionAdded,
            Self::SectionChanged,
            Self::TermsChanged,
            Self::DocumentAdded,
            Self::Decided,
            Self::Submitted,
            Self::Won,
            Self::Lost,
            Self::Withdrawn,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == name)
    }
}

/// One entry of a bid's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BidHistoryEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub what: BidHappening,
    /// Who did it: their account's name now (`None` when not recorded, or
    /// the account is closed).
    pub by: Option<String>,
    /// The co-op it concerns (an invited or answering one).
    pub coop: Option<Uuid>,
    /// A role's or section's title, or the decision.
    pub detail: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_name() {
        for kind in [
            BidHappening::Opened,
            BidHappening::SectionChanged,
            BidHappening::Withdrawn,
        ] {
            assert_eq!(BidHappening::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(BidHappening::parse("nonsense"), None);
    }
}
