//! How an operation's refusal reads over HTTP: each [`AppError`] becomes a
//! problem document with its status and code.

use coophub_app::{AppError, Clash};

use super::{ApiError, Code};

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::NotSignedIn => {
                Self::Unauthenticated("an Authorization: Bearer token is required")
            }
            AppError::NotFound(what) => Self::NotFound(what),
            AppError::Forbidden(who_may) => Self::Forbidden(who_may),
            AppError::Conflict {
                clash,
                detail,
                conflicts,
            } => Self::Conflict {
                code: clash.into(),
                detail,
                conflicts,
            },
            AppError::Invalid(errors) => Self::Validation(errors),
            AppError::Store(error) => error.into(),
            AppError::Limited {
                detail,
                retry_after,
            } => Self::Limited {
                detail,
                retry_after,
            },
            AppError::Internal(cause) => Self::Internal(cause),
        }
    }
}

impl From<Clash> for Code {
    fn from(clash: Clash) -> Self {
        match clash {
            Clash::EmailTaken => Self::EmailTaken,
            Clash::SlugTaken => Self::SlugTaken,
            Clash::InvalidTransition => Self::InvalidTransition,
            Clash::LastAdmin => Self::LastAdmin,
            Clash::OverCapacity => Self::OverCapacity,
            Clash::PlacementState => Self::PlacementState,
            Clash::OfferNotOpen => Self::OfferNotOpen,
            Clash::NotInvited => Self::NotInvited,
            Clash::PledgeInvoiced => Self::PledgeInvoiced,
            Clash::NotPledged => Self::NotPledged,
            Clash::Overpaid => Self::Overpaid,
            Clash::OverPledge => Self::OverPledge,
            Clash::CoopHasRecords => Self::CoopHasRecords,
            Clash::OfferHasPlacements => Self::OfferHasPlacements,
            Clash::SwapClosed => Self::SwapClosed,
            Clash::RotationClosed => Self::RotationClosed,
            Clash::ProposalClosed => Self::ProposalClosed,
            Clash::RequestClosed => Self::RequestClosed,
            Clash::BidState => Self::BidState,
            Clash::PastDeadline => Self::PastDeadline,
            Clash::OpportunityClosed => Self::OpportunityClosed,
            Clash::InvitationClosed => Self::InvitationClosed,
            Clash::NoAvailability => Self::NoAvailability,
            Clash::WebhookDisabled => Self::WebhookDisabled,
            Clash::Duplicate => Self::Conflict,
            Clash::CoopHasAdmins => Self::CoopHasAdmins,
            Clash::ClaimDecided => Self::ClaimDecided,
            Clash::CoopUnclaimed => Self::CoopUnclaimed,
            Clash::NotReady => Self::NotReady,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::ResponseError;
    use coophub_domain::access::{Denied, Needed};

    #[test]
    fn refusals_answer_401_404_and_403() {
        let status = |denied| {
            ApiError::from(AppError::refused(denied, || "no co-op x".into()))
                .status_code()
                .as_u16()
        };
        assert_eq!(status(Denied::NotSignedIn), 401);
        assert_eq!(status(Denied::Hidden), 404);
        assert_eq!(status(Denied::Forbidden(Needed::CoopAdmin)), 403);
    }

    #[test]
    fn every_clash_is_a_409() {
        let clash = AppError::conflict(Clash::LastAdmin, "the co-op keeps one admin");
        let problem = ApiError::from(clash).problem();
        assert_eq!((problem.status, problem.code), (409, Code::LastAdmin));
        assert_eq!(problem.detail, "the co-op keeps one admin");
    }
}
