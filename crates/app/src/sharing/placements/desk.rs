//! A placement as one page shows it to one viewer: the placement, its
//! moves so far, its conversation (to those who talk in it), and the moves
//! the viewer may make now.

use chrono::NaiveDate;
use coophub_domain::access::Viewer;
use coophub_domain::access::sharing::{PlacementFacts, read_placement, talk_in_placement};
use coophub_domain::sharing::PlacementAction;
use coophub_store::{DbConnection, Page};
use uuid::Uuid;

use super::{Involved, history_of, messages, rule_of, view_of};
use crate::AppError;
use crate::guard::{Lock, load};
use crate::sharing::views::{HistoryView, PlacementView};
use crate::telling::conversation::MessageList;

/// Messages shown at once.
const MESSAGES_SHOWN: u32 = 100;

/// A placement's page.
#[derive(Debug)]
pub struct Desk {
    /// The placement, as `GET /placements/{id}` shows it.
    pub placement: PlacementView,
    /// Its moves so far, oldest first.
    pub history: HistoryView,
    /// The conversation between the two co-ops, when the viewer talks in it.
    pub messages: Option<MessageList>,
    /// What the viewer may do to it now.
    pub moves: Vec<PlacementAction>,
}

/// The desk of placement `id` for `viewer`; not found for anyone who may
/// not read it.
pub fn of_placement(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    today: NaiveDate,
) -> Result<Desk, AppError> {
    let involved = load::<Involved>(conn, viewer, &id, read_placement, Lock::Read)?;
    let facts = PlacementFacts {
        offering: involved.placement.offering_coop_id,
        requesting: involved.placement.requesting_coop_id,
        person_account: involved.person_account,
    };
    let state = involved.placement.state_on(today);
    let moves = [
        PlacementAction::Accept,
        PlacementAction::Decline,
        PlacementAction::Start,
        PlacementAction::Complete,
        PlacementAction::Cancel,
    ]
    .into_iter()
    .filter(|action| state.after(*action).is_ok())
    .filter(|action| rule_of(*action)(viewer, facts).is_ok())
    .collect();
    let messages = match talk_in_placement(viewer, facts) {
        Ok(()) => {
            let first = Page {
                number: 1,
                size: MESSAGES_SHOWN,
            };
            Some(messages::of_involved(conn, &involved, first)?)
        }
        Err(_) => None,
    };
    let history = history_of(conn, id)?;
    let Involved {
        placement,
        offering,
        requesting,
        ..
    } = involved;
    Ok(Desk {
        placement: view_of(conn, viewer, placement, [&offering, &requesting], today)?,
        history,
        messages,
        moves,
    })
}
