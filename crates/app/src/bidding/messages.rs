//! A bid's conversation: the consortium talks among itself, and the bid's
//! managers (the lead's admins and the coordinator) with each co-op they
//! invite, privately. Invited co-ops read only what is said between them
//! and the managers; everyone who may not see the bid is told nothing.
//! The others who read a message are told of it (inbox and mail).

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::{read_bid, read_message, write_message};
use coophub_domain::bidding::MemberStatus;
use coophub_domain::conversation::{Thread, message_text};
use coophub_domain::notify::Audience;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::messages::{self, NewMessage};
use coophub_store::{DbConnection, Page};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::bidding::bids::BidCase;
use crate::guard::{Lock, load};
use crate::telling::conversation::{MessageList, MessageView};
use crate::telling::tell;
use crate::{AppError, signed_in};

/// A message as its author writes it.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BidMessageBody {
    /// What to say (1 to 4,000 characters).
    pub text: String,
    /// The slug of a co-op invited to the bid, to write to it and the bid's
    /// managers only; left out, the message is the consortium's (or, from
    /// an invited co-op, to the managers).
    pub to: Option<String>,
}

/// The addressees whose messages `viewer` reads: `None` (the consortium's)
/// and each co-op of the bid they may talk with.
fn readable(case: &BidCase, viewer: &Viewer) -> Vec<Option<Uuid>> {
    let facts = case.facts();
    std::iter::once(None)
        .chain(case.members.iter().map(|m| Some(m.coop_id)))
        .filter(|to| read_message(viewer, &facts, *to))
        .collect()
}

/// A page of the bid's conversation as `viewer` may read it, oldest first.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    page: Page,
) -> Result<MessageList, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_bid, Lock::Read)?;
    of_case(conn, viewer, &case, page)
}

/// A page of the conversation of a bid already loaded for `viewer` (who
/// may read it).
pub(crate) fn of_case(
    conn: &mut DbConnection,
    viewer: &Viewer,
    case: &BidCase,
    page: Page,
) -> Result<MessageList, AppError> {
    let to = readable(case, viewer);
    let (found, total) = messages::list(conn, Thread::Bid(case.bid.id), &to, page)?;
    Ok(MessageList::of(found, total, page, &|id| case.coop_ref(id)))
}

/// Whom a message of `viewer` goes to: the co-op `to` names (invited to
/// the bid, not its lead), else the consortium, else (from an invited
/// co-op's admin) the managers.
fn addressee(
    case: &BidCase,
    viewer: &Viewer,
    to: Option<&str>,
) -> Result<Option<Uuid>, FieldError> {
    let facts = case.facts();
    match to {
        Some(slug) => case
            .members
            .iter()
            .filter(|m| matches!(m.status, MemberStatus::Invited | MemberStatus::Accepted))
            .find(|m| case.coop(m.coop_id).is_some_and(|c| c.slug == slug))
            .map(|m| Some(m.coop_id))
            .ok_or_else(|| {
                FieldError::new(
                    "/to",
                    "must be the slug of a co-op invited to this bid (and not declining)",
                )
            }),
        None if read_message(viewer, &facts, None) => Ok(None),
        None => Ok(case
            .members
            .iter()
            .find(|m| m.status == MemberStatus::Invited && viewer.is_admin_of(m.coop_id))
            .map(|m| m.coop_id)),
    }
}

/// The co-op `viewer` writes for: the addressee they administer, else the
/// lead (managers), else a co-op of the consortium they belong to.
fn author_coop(case: &BidCase, viewer: &Viewer, to: Option<Uuid>) -> Option<Uuid> {
    let lead = case.bid.lead_coop_id;
    let coordinator =
        case.coordinator_account.is_some() && case.coordinator_account == viewer.user_id();
    to.filter(|c| viewer.is_admin_of(*c))
        .or_else(|| (viewer.is_admin_of(lead) || coordinator).then_some(lead))
        .or_else(|| {
            case.consortium()
                .into_iter()
                .find(|c| viewer.role_in(*c).is_some())
        })
}

/// `viewer` writes `body` in the bid's conversation; the others who read it
/// are told.
pub fn post(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    body: &BidMessageBody,
    now: DateTime<Utc>,
) -> Result<MessageView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_bid, Lock::Read)?;
    let author = signed_in(viewer)?.id;
    let mut errors = ValidationErrors::default();
    let text = errors.check(message_text(&body.text, "/text"));
    let to = errors.check(addressee(&case, viewer, body.to.as_deref()));
    let (Some(text), Some(to)) = (text, to) else {
        return Err(errors.into());
    };
    write_message(viewer, &case.facts(), to)
        .map_err(|denied| AppError::refused(denied, || format!("no bid {id}")))?;
    let message = messages::insert(
        conn,
        &NewMessage {
            thread: Thread::Bid(id),
            to_coop: to,
            author,
            author_coop: author_coop(&case, viewer, to),
            text,
        },
        now,
    )?;
    let coordinator = case.coordinator_account.into_iter().collect();
    let lead = case.bid.lead_coop_id;
    let (audience, coops) = match to {
        None => (
            Audience {
                people_of: case.consortium(),
                accounts: coordinator,
                ..Audience::default()
            },
            case.consortium(),
        ),
        Some(coop) => (
            Audience {
                admins_of: vec![coop, lead],
                accounts: coordinator,
                ..Audience::default()
            },
            vec![coop, lead],
        ),
    };
    let what = format!("the bid “{}”", case.bid.title);
    tell::message(conn, viewer, &message, &what, audience, coops, now)?;
    Ok(MessageView::new(message, &|id| case.coop_ref(id)))
}
