//! Forming the consortium: the lead invites approved member co-ops (with
//! the roles it offers them), and their admins answer.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::{answer_invitation, manage_bid, read_bid};
use coophub_domain::bidding::{BidHappening, MemberStatus};
use coophub_domain::conversation::{Thread, message_text};
use coophub_domain::coop::MembershipStatus;
use coophub_domain::notify::EventKind;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::bidding::{bids, roles};
use coophub_store::messages::{self, NewMessage};
use coophub_store::{DbConnection, coops};
use uuid::Uuid;

use super::{BidCase, ensure_open, happened};
use crate::bidding::views::BidView;
use crate::guard::{Lock, load};
use crate::telling::tell;
use crate::{AppError, Clash, signed_in};

/// An invitation as the lead makes it.
#[derive(Debug, Clone, Default)]
pub struct Invitation<'a> {
    /// The co-op's slug.
    pub slug: &'a str,
    /// Roles of the bid offered to it.
    pub offered: &'a [Uuid],
    /// What the lead says to it: the first message between the bid's
    /// managers and the co-op.
    pub message: Option<&'a str>,
}

/// The bid's lead invites a co-op, offering it roles, with a message.
pub fn invite(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    invitation: &Invitation<'_>,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let (slug, offered) = (invitation.slug, invitation.offered);
    let case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
    ensure_open(&case, "takes no more partners")?;
    let mut errors = ValidationErrors::default();
    let message = invitation
        .message
        .and_then(|text| errors.check(message_text(text, "/message")));
    let invited = coops::find_by_slug(conn, slug)?
        .filter(|coop| coop.membership.status == MembershipStatus::Approved);
    if invited.is_none() {
        errors.0.push(FieldError::new(
            "/coop",
            "must be the slug of an approved member co-op",
        ));
    }
    for (i, role) in offered.iter().enumerate() {
        if !case.roles.iter().any(|r| r.id == *role) {
            errors.0.push(FieldError::new(
                format!("/role_ids/{i}"),
                "must be the id of one of the bid's roles",
            ));
        }
    }
    let Some(invited) = invited.filter(|_| errors.0.is_empty()) else {
        return Err(errors.into());
    };
    let standing = case
        .members
        .iter()
        .find(|m| m.coop_id == invited.id)
        .map(|m| m.status);
    if standing.is_some_and(MemberStatus::in_consortium) {
        return Err(closed(format!(
            "{} is in the consortium already",
            invited.profile.name
        )));
    }
    bids::set_member(conn, id, invited.id, MemberStatus::Invited, now)?;
    let invited_id = Some(invited.id);
    happened(
        conn,
        viewer,
        id,
        BidHappening::Invited,
        invited_id,
        None,
        now,
    )?;
    roles::assign(conn, id, offered, Some(invited.id))?;
    let said = match message {
        Some(text) => Some(messages::insert(
            conn,
            &NewMessage {
                thread: Thread::Bid(id),
                to_coop: Some(invited.id),
                author: signed_in(viewer)?.id,
                author_coop: Some(case.bid.lead_coop_id),
                text,
            },
            now,
        )?),
        None => None,
    };
    if let Some(lead) = case.coop(case.bid.lead_coop_id) {
        let coops = [lead, &invited];
        tell::invited(conn, viewer, &case.bid, coops, said.as_ref(), now)?;
    }
    Ok(BidView::new(
        BidCase::of(conn, case.bid)?,
        viewer,
        now.date_naive(),
    ))
}

/// The invited co-op `slug`'s admins accept the invitation or decline it
/// (declining frees the roles it was offered); the lead is told.
pub fn answer(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    slug: &str,
    accept: bool,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_bid, Lock::ForChange)?;
    let not_found = || AppError::NotFound(format!("no invitation of {slug} to bid {id}"));
    let member = case
        .members
        .iter()
        .find(|m| case.coop(m.coop_id).is_some_and(|c| c.slug == slug))
        .ok_or_else(not_found)?;
    answer_invitation(viewer, &case.facts(), member.coop_id)
        .map_err(|denied| AppError::refused(denied, || format!("no bid {id}")))?;
    ensure_open(&case, "takes no more answers")?;
    if member.status != MemberStatus::Invited {
        return Err(closed(format!("{slug} has no open invitation to this bid")));
    }
    let coop = member.coop_id;
    let (kind, what) = if accept {
        bids::set_member(conn, id, coop, MemberStatus::Accepted, now)?;
        (EventKind::BidAccepted, BidHappening::Accepted)
    } else {
        bids::set_member(conn, id, coop, MemberStatus::Declined, now)?;
        roles::free_roles_of(conn, id, coop)?;
        (EventKind::BidDeclined, BidHappening::Declined)
    };
    happened(conn, viewer, id, what, Some(coop), None, now)?;
    if let (Some(lead), Some(answering)) = (case.coop(case.bid.lead_coop_id), case.coop(coop)) {
        let coordinator = case.coordinator_account;
        let coops = [lead, answering];
        tell::answered(conn, viewer, &case.bid, coops, coordinator, kind, now)?;
    }
    Ok(BidView::new(
        BidCase::of(conn, case.bid)?,
        viewer,
        now.date_naive(),
    ))
}

/// The invitation is answered already, or was never made.
fn closed(detail: String) -> AppError {
    AppError::conflict(Clash::InvitationClosed, detail)
}
