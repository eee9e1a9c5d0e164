//! Suggesting social-good requests for a rotation request and proposing its
//! person for one.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::rotation::{self as access, proposal_parties};
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{Consent, RotationStatus, SocialGoodProposal, SwapState};
use coophub_store::DbConnection;
use coophub_store::sharing::social_good;
use uuid::Uuid;

use super::{Proposed, fitting};
use crate::guard::{Lock, load};
use crate::sharing::rotations::Asked;
use crate::sharing::views::{SocialGoodProposalView, SocialGoodSuggestion};
use crate::telling::tell;
use crate::{AppError, Clash};

/// Social-good requests of other co-ops that the rotation request `id`'s
/// person could take on, best fit first (none once it is no longer open).
pub fn suggest(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<Vec<SocialGoodSuggestion>, AppError> {
    let asked = load::<Asked>(conn, viewer, &id, access::read_rotation, Lock::Read)?;
    if asked.rotation.status != RotationStatus::Open {
        return Ok(Vec::new());
    }
    Ok(fitting(conn, &asked)?
        .into_iter()
        .map(|(hosted, fit)| SocialGoodSuggestion::new(&hosted, fit))
        .collect())
}

/// Proposes the rotation request `id`'s person for the social-good request
/// `request`, one of its suggestions. Proposing is agreeing, for every party
/// the viewer is; the others are told who, for what and when.
pub fn propose(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    request: Uuid,
    now: DateTime<Utc>,
) -> Result<SocialGoodProposalView, AppError> {
    let asked = load::<Asked>(conn, viewer, &id, access::act_on_rotation, Lock::ForChange)?;
    access::propose_for_social_good(viewer, asked.facts(), asked.rotation.suggest_me)
        .map_err(|denied| AppError::refused(denied, || format!("no rotation request {id}")))?;
    if asked.rotation.status != RotationStatus::Open {
        return Err(AppError::conflict(
            Clash::RotationClosed,
            "this rotation request is no longer open",
        ));
    }
    let (hosted, fit) = fitting(conn, &asked)?
        .into_iter()
        .find(|(hosted, _)| hosted.request.id == request)
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "no social-good request {request} fits this rotation request"
            ))
        })?;
    let waiting = social_good::of_rotation(conn, asked.rotation.id)?
        .into_iter()
        .any(|proposal| {
            proposal.request == request && proposal.consent.state_at(now) == SwapState::Proposed
        });
    if waiting {
        return Err(AppError::conflict(
            Clash::Duplicate,
            "a proposal for this request is already waiting for answers",
        ));
    }
    let mut proposed = Proposed {
        proposal: SocialGoodProposal {
            id: Uuid::new_v4(),
            rotation: asked.rotation.id,
            request,
            booking: fit.booking,
            consent: Consent::propose(Vec::new(), now),
            placement: None,
            version: 1,
        },
        asked,
        hosted,
    };
    proposed.proposal.consent.agreed = proposal_parties(viewer, proposed.facts());
    social_good::insert(conn, &proposed.proposal, now)?;
    tell::social_good(conn, viewer, &proposed, EventKind::SocialGoodProposed, now)?;
    Ok(SocialGoodProposalView::new(proposed, viewer, now))
}
