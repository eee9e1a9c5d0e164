//! What an operation answers instead of success, in the hub's words: each
//! face maps it to its own form (the JSON API to a problem document with a
//! status and a code).

use coophub_domain::User;
use coophub_domain::access::{Denied, Needed, Viewer};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::{Retryable, StoreError};

/// Why an operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The operation needs a signed-in account and there is none.
    #[error("an Authorization: Bearer token is required")]
    NotSignedIn,
    /// Nothing by that name, or nothing the viewer may know of.
    #[error("{0}")]
    NotFound(String),
    /// Visible, but the viewer lacks the role; says who may.
    #[error("{0}")]
    Forbidden(String),
    /// The state of things does not allow it.
    #[error("{detail}")]
    Conflict {
        /// What kind of clash, for clients to branch on.
        clash: Clash,
        /// Why, in plain words.
        detail: String,
        /// The inputs or records that clash, when they can be named.
        conflicts: Vec<ConflictItem>,
    },
    /// Input that breaks a rule, every field at once.
    #[error("the request has invalid fields")]
    Invalid(ValidationErrors),
    /// The store refused or failed (a race lost, a stale version, a
    /// unique key taken, the database gone).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The viewer has done this as often as a limit allows for now.
    #[error("{detail}")]
    Limited {
        /// The limit and when it frees up, in plain words.
        detail: String,
        /// How long until it does.
        retry_after: std::time::Duration,
    },
    /// A bug or an unexpected state; the cause is for the log.
    #[error("{0}")]
    Internal(String),
}

/// The kinds of conflict an operation can meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// An account with this email exists.
    EmailTaken,
    /// Another record of this kind has the slug.
    SlugTaken,
    /// The membership decision does not apply to the current status.
    InvalidTransition,
    /// The change would leave a co-op without an admin.
    LastAdmin,
    /// The time asked for does not fit what is free.
    OverCapacity,
    /// The placement's state does not allow this.
    PlacementState,
    /// The offer is paused, closed or lapsed.
    OfferNotOpen,
    /// The co-op is not among those a fund year invites.
    NotInvited,
    /// The co-op's pledge is invoiced: the stewards change it.
    PledgeInvoiced,
    /// Only a pledge is invoiced.
    NotPledged,
    /// The payment would take what was received past the invoice's amount.
    Overpaid,
    /// The invoice would take what is invoiced past the pledge.
    OverPledge,
    /// Other co-ops or the fund hold records of the co-op, so it stays.
    CoopHasRecords,
    /// The offer has placements, so it is closed rather than deleted.
    OfferHasPlacements,
    /// The swap is agreed, refused or lapsed.
    SwapClosed,
    /// The rotation request was withdrawn, or has swapped or been placed already.
    RotationClosed,
    /// The social-good proposal is agreed, refused or lapsed.
    ProposalClosed,
    /// The request is filled or closed.
    RequestClosed,
    /// The bid's state does not allow this.
    BidState,
    /// The tender's deadline has passed.
    PastDeadline,
    /// The opportunity no longer takes bids.
    OpportunityClosed,
    /// The invitation was answered already, or never made.
    InvitationClosed,
    /// There is no availability to reconfirm.
    NoAvailability,
    /// The webhook is disabled: enable it before redelivering.
    WebhookDisabled,
    /// The same thing is there already (a swap waiting for answers).
    Duplicate,
    /// The co-op has admins: they add people, not a claim.
    CoopHasAdmins,
    /// The claim was approved or refused already.
    ClaimDecided,
    /// Nobody administers the co-op yet: it can be claimed.
    CoopUnclaimed,
    /// The bid has unstaffed roles, open sections or unanswered invitations,
    /// and the submission did not confirm.
    NotReady,
}

/// One thing a request conflicts with, inside a 409 problem document;
/// clients show `message` next to the input `pointer` names.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConflictItem {
    /// JSON Pointer to the input that conflicts, e.g. `/slug`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// What it conflicts with.
    pub message: String,
    /// For `over_capacity`: the first day of a stretch where the time asked does not fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<chrono::NaiveDate>,
    /// For `over_capacity`: the last day of that stretch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<chrono::NaiveDate>,
    /// For `over_capacity`: the days a week still free over it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_days_per_week: Option<f64>,
    /// For `over_capacity`: the limit broken, `offer` (its days a week and
    /// dates) or `person` (five days a week across all placements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<String>,
}

/// The signed-in account of `viewer`.
pub fn signed_in(viewer: &Viewer) -> Result<&User, AppError> {
    viewer.user.as_ref().ok_or(AppError::NotSignedIn)
}

impl AppError {
    /// A conflict of `clash`, saying why in `detail`, naming no input.
    pub fn conflict(clash: Clash, detail: impl Into<String>) -> Self {
        Self::Conflict {
            clash,
            detail: detail.into(),
            conflicts: Vec::new(),
        }
    }

    /// A conflict about the input at `pointer`.
    pub fn conflict_at(clash: Clash, pointer: &str, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self::Conflict {
            clash,
            conflicts: vec![ConflictItem {
                pointer: Some(pointer.to_owned()),
                message: detail.clone(),
                ..ConflictItem::default()
            }],
            detail,
        }
    }

    /// An unexpected state, with its cause for the log.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }

    /// The answer to a refusal of the access rules; `hidden` says what was
    /// not found, in the words of the resource ("no co-op x").
    pub fn refused(denied: Denied, hidden: impl FnOnce() -> String) -> Self {
        match denied {
            Denied::NotSignedIn => Self::NotSignedIn,
            Denied::Hidden => Self::NotFound(hidden()),
            Denied::Forbidden(needed) => Self::Forbidden(who_may(needed).to_owned()),
        }
    }
}

/// Who may do what a viewer was refused, as the refusal says it.
fn who_may(needed: Needed) -> &'static str {
    match needed {
        Needed::NetworkAdmin => "only network admins may do this",
        Needed::CoopAdmin => "only the co-op's admins may do this",
        Needed::AdminOfAnyInvolved => "only admins of a co-op named in the case study may do this",
        Needed::OwnerAdmin => "only admins of the co-op that published it may do this",
        Needed::CoopAdminOrSelf => "only the co-op's admins and the person themselves may do this",
        Needed::OfferingAdmin => "only admins of the co-op that offers the time may do this",
        Needed::AdminOfEitherSide => "only admins of the two co-ops of the placement may do this",
        Needed::MemberCoopAdmin => "only admins of member co-ops and network admins may do this",
        Needed::LeadAdmin => "only admins of an approved member co-op may open a bid it leads",
        Needed::BidManager => "only the lead co-op's admins and the bid's coordinator may do this",
        Needed::ConsortiumMember => "only people of the co-ops in the bid's consortium may do this",
        Needed::PlacementParty => {
            "only people of the placement's two co-ops and the person placed may do this"
        }
        Needed::PersonThemselves => {
            "only the person themselves may do this, signed in with their linked account"
        }
        Needed::PersonOrSuggested => {
            "only the person may put their name to another co-op, unless they agreed to be \
             suggested to others (suggest_me)"
        }
    }
}

impl From<ValidationErrors> for AppError {
    fn from(errors: ValidationErrors) -> Self {
        Self::Invalid(errors)
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        Self::Invalid(error.into())
    }
}

/// A write that lost a race runs again (`coophub_store::write`).
impl Retryable for AppError {
    fn lost_a_race(&self) -> bool {
        matches!(self, Self::Store(error) if error.lost_a_race())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_not_signed_in_hidden_or_forbidden_with_who_may() {
        let refused = |denied| AppError::refused(denied, || "no co-op x".into());
        assert!(matches!(
            refused(Denied::NotSignedIn),
            AppError::NotSignedIn
        ));
        assert!(
            matches!(refused(Denied::Hidden), AppError::NotFound(what) if what == "no co-op x")
        );
        assert!(matches!(
            refused(Denied::Forbidden(Needed::CoopAdmin)),
            AppError::Forbidden(who) if who == "only the co-op's admins may do this"
        ));
    }

    #[test]
    fn only_a_store_race_is_retried() {
        assert!(!AppError::NotFound("x".into()).lost_a_race());
        assert!(!AppError::Store(StoreError::NotFound).lost_a_race());
    }
}
