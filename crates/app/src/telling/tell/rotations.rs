//! Who is told of rotation swaps and social-good proposals: their parties,
//! in words that name who, for what and when, and never the notes of the
//! rotation request behind them.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::coop::Coop;
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use coophub_domain::person::Person;
use coophub_domain::sharing::{Booking, SwapProposal, days_a_week};
use coophub_store::{DbConnection, StoreError};
use uuid::Uuid;

use super::record;
use crate::sharing::social_good::Proposed;

/// A rotation swap was proposed or answered: its four parties (both people,
/// both co-ops' admins) are told.
pub fn swap(
    conn: &mut DbConnection,
    viewer: &Viewer,
    proposal: &SwapProposal,
    sides: [(&Person, &Coop); 2],
    kind: EventKind,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let swap = proposal.id;
    let [a, b] = sides.map(|(person, coop)| format!("{} of {}", person.name, coop.profile.name));
    let when = spent(proposal.booking);
    let summary = match kind {
        EventKind::SwapProposed => format!(
            "A rotation swap is proposed: {a} and {b} each spend {} at the other's \
             co-op from {} to {}; it is booked once both people and both co-ops say yes",
            days_a_week(proposal.booking.half_days),
            proposal.booking.range.start,
            proposal.booking.range.end
        ),
        EventKind::SwapAgreed => format!(
            "The rotation swap between {a} and {b}, {when} each, is agreed: both placements \
             are booked"
        ),
        EventKind::SwapRefused => {
            format!("The rotation swap between {a} and {b}, {when} each, was refused")
        }
        _ => format!("The rotation swap between {a} and {b}, {when} each, has a new answer"),
    };
    let coops: Vec<Uuid> = sides.iter().map(|(_, coop)| coop.id).collect();
    let event = NewEvent {
        kind,
        subject_type: "swap",
        subject_id: swap.to_string(),
        link: format!("/api/v1/swaps/{swap}"),
        summary,
        actor: viewer.user_id(),
        coops: coops.clone(),
    };
    let audience = Audience {
        admins_of: coops,
        accounts: sides
            .iter()
            .filter_map(|(person, _)| person.user_id)
            .collect(),
        ..Audience::default()
    };
    record(conn, event, audience, now)
}

/// A social-good proposal was made or answered: its three parties (the
/// person, their co-op's admins, the requesting co-op's admins) hear who is
/// proposed, for what, when, and what happens next. The rotation request's
/// notes are never told.
pub fn social_good(
    conn: &mut DbConnection,
    viewer: &Viewer,
    proposed: &Proposed,
    kind: EventKind,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let person = &proposed.asked.person;
    let who = format!("{} of {}", person.name, proposed.asked.coop.profile.name);
    let what = format!(
        "\"{}\" of {}",
        proposed.hosted.request.title, proposed.hosted.coop.profile.name
    );
    let when = spent(proposed.proposal.booking);
    let summary = match kind {
        EventKind::SocialGoodProposed => format!(
            "{who} is proposed for the social-good request {what}, {when}; it is booked once \
             {}, their co-op and {} say yes",
            person.name, proposed.hosted.coop.profile.name
        ),
        EventKind::SocialGoodAgreed => {
            format!("{who} is placed on the social-good request {what}, {when}: all three agreed")
        }
        EventKind::SocialGoodRefused => {
            format!("The proposal of {who} for the social-good request {what}, {when}, was refused")
        }
        _ => format!(
            "The proposal of {who} for the social-good request {what}, {when}, has a new answer"
        ),
    };
    let id = proposed.proposal.id;
    let coops = vec![proposed.asked.coop.id, proposed.hosted.coop.id];
    let event = NewEvent {
        kind,
        subject_type: "social_good_proposal",
        subject_id: id.to_string(),
        link: format!("/api/v1/social-good-proposals/{id}"),
        summary,
        actor: viewer.user_id(),
        coops: coops.clone(),
    };
    let audience = Audience {
        admins_of: coops,
        accounts: person.user_id.into_iter().collect(),
        ..Audience::default()
    };
    record(conn, event, audience, now)
}

/// The time a booking takes, in words: "1 day a week from 2027-02-01 to 2027-04-30".
fn spent(booking: Booking) -> String {
    format!(
        "{} from {} to {}",
        days_a_week(booking.half_days),
        booking.range.start,
        booking.range.end
    )
}
