//! A placement's conversation, for both sides: the two co-ops' people and
//! the person placed read and write it; the others of it are told (the two
//! co-ops' admins and the person placed). Network admins, who see the
//! placement, do not read it; everyone else is told nothing.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing::talk_in_placement;
use coophub_domain::conversation::{Thread, message_text};
use coophub_domain::notify::Audience;
use coophub_store::messages::{self, NewMessage};
use coophub_store::{DbConnection, Page};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Involved;
use crate::guard::{Lock, load};
use crate::shapes::CoopRef;
use crate::telling::conversation::{MessageList, MessageView};
use crate::telling::tell;
use crate::{AppError, signed_in};

/// A message as its author writes it.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MessageBody {
    /// What to say (1 to 4,000 characters).
    pub text: String,
}

fn coop_ref(involved: &Involved) -> impl Fn(Uuid) -> Option<CoopRef> + '_ {
    |id| {
        [&involved.offering, &involved.requesting]
            .into_iter()
            .find(|coop| coop.id == id)
            .map(CoopRef::of)
    }
}

/// A page of the placement's conversation, oldest first.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    page: Page,
) -> Result<MessageList, AppError> {
    let involved = load::<Involved>(conn, viewer, &id, talk_in_placement, Lock::Read)?;
    of_involved(conn, &involved, page)
}

/// A page of the conversation of a placement already found for a viewer
/// who talks in it.
pub(crate) fn of_involved(
    conn: &mut DbConnection,
    involved: &Involved,
    page: Page,
) -> Result<MessageList, AppError> {
    let thread = Thread::Placement(involved.placement.id);
    let (found, total) = messages::list(conn, thread, &[None], page)?;
    Ok(MessageList::of(found, total, page, &coop_ref(involved)))
}

/// `viewer` writes `body` in the placement's conversation; the others of it
/// are told.
pub fn post(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    body: &MessageBody,
    now: DateTime<Utc>,
) -> Result<MessageView, AppError> {
    let involved = load::<Involved>(conn, viewer, &id, talk_in_placement, Lock::Read)?;
    let author = signed_in(viewer)?.id;
    let text = message_text(&body.text, "/text")?;
    let (offering, requesting) = (involved.offering.id, involved.requesting.id);
    // The side the author speaks for: their co-op's, or (the person placed,
    // lent by it) the offering co-op's.
    let author_coop = [requesting, offering]
        .into_iter()
        .find(|coop| viewer.role_in(*coop).is_some())
        .or(Some(offering));
    let message = messages::insert(
        conn,
        &NewMessage {
            thread: Thread::Placement(id),
            to_coop: None,
            author,
            author_coop,
            text,
        },
        now,
    )?;
    let audience = Audience {
        admins_of: vec![offering, requesting],
        accounts: involved.person_account.into_iter().collect(),
        ..Audience::default()
    };
    let what = format!(
        "the placement from {} to {}",
        involved.offering.profile.name, involved.requesting.profile.name
    );
    let coops = vec![offering, requesting];
    tell::message(conn, viewer, &message, &what, audience, coops, now)?;
    Ok(MessageView::new(message, &coop_ref(&involved)))
}
