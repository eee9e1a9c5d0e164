//! One placement's life: each move allowed by the state machine
//! (`PlacementState::after`) and by who asks, and told to both co-ops.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing as access;
use coophub_domain::notify::EventKind;
use coophub_domain::sharing::{PlacementAction, reason};
use coophub_domain::{Expected, FieldError, ValidationErrors};
use coophub_store::DbConnection;
use coophub_store::sharing::placements::{self, Doing, Move};
use uuid::Uuid;

use super::super::views::PlacementView;
use super::{Involved, PlacementRule, check_fits, view_of};
use crate::guard::{Lock, load};
use crate::telling::tell;
use crate::{AppError, Clash};

/// A move asked of the placement `id`.
#[derive(Debug)]
pub struct MoveAsked {
    /// The placement.
    pub id: Uuid,
    /// What to do.
    pub action: PlacementAction,
    /// Who may do it (`coophub_domain::access::sharing`).
    pub rule: PlacementRule,
    /// Why, for the other side (empty when not asked for).
    pub reason: String,
    /// The version the move is based on, if the client said.
    pub expected: Option<Expected>,
}

/// Who may make `action`: the offering co-op's admins accept or decline a
/// request; either co-op's admins start, complete or call off.
pub fn rule_of(action: PlacementAction) -> PlacementRule {
    match action {
        PlacementAction::Accept | PlacementAction::Decline => access::decide_placement,
        PlacementAction::Start | PlacementAction::Complete | PlacementAction::Cancel => {
            access::run_placement
        }
    }
}

/// Makes the move: time is checked to fit again when the move starts to
/// hold it, and both co-ops are told.
pub fn make(
    conn: &mut DbConnection,
    viewer: &Viewer,
    asked: &MoveAsked,
    now: DateTime<Utc>,
) -> Result<PlacementView, AppError> {
    let today = now.date_naive();
    let involved = load::<Involved>(conn, viewer, &asked.id, asked.rule, Lock::ForChange)?;
    let placement = &involved.placement;
    let current = placement.state_on(today);
    let to = current.after(asked.action).map_err(|illegal| {
        AppError::conflict(
            Clash::PlacementState,
            format!(
                "a placement that is {} cannot be {}",
                illegal.from.as_str(),
                done(asked.action)
            ),
        )
    })?;
    if to.holds_time()
        && !current.holds_time()
        && let Some(offer) = placement.offer_id
    {
        check_fits(conn, offer, Some(placement.id), placement.booking())?;
    }
    let step = Move {
        action: asked.action,
        to,
        started_by_date: current != placement.state,
    };
    let by = Doing {
        user: viewer.user_id(),
        reason: &asked.reason,
        at: now,
    };
    let moved = placements::record_move(conn, placement, asked.expected.as_ref(), step, by)?;
    let kind = match asked.action {
        PlacementAction::Accept => EventKind::PlacementAccepted,
        PlacementAction::Decline => EventKind::PlacementDeclined,
        PlacementAction::Start => EventKind::PlacementStarted,
        PlacementAction::Complete => EventKind::PlacementCompleted,
        PlacementAction::Cancel => EventKind::PlacementCancelled,
    };
    let coops = [&involved.offering, &involved.requesting];
    tell::placement(conn, viewer, &moved, coops, kind, now)?;
    view_of(conn, viewer, moved, coops, today)
}

/// The reason given for a move, checked; `required` when the other side
/// must be told why.
pub fn reason_of(given: Option<String>, required: bool) -> Result<String, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let text = reason(given, "/reason", &mut errors);
    if required && text.is_empty() {
        errors.0.push(FieldError::new(
            "/reason",
            "is required: say why, for the other side",
        ));
    }
    errors.finish(|| Some(text))
}

/// The action as a placement's state says it was done.
fn done(action: PlacementAction) -> &'static str {
    match action {
        PlacementAction::Accept => "accepted",
        PlacementAction::Decline => "declined",
        PlacementAction::Start => "started",
        PlacementAction::Complete => "completed",
        PlacementAction::Cancel => "cancelled",
    }
}
