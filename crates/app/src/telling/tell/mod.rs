//! Who is told what, for every change someone must act on or know about
//! (`coophub_domain::notify`): each function records its event in the
//! caller's write transaction, worded to name only what every recipient may
//! see. Operations call these right after the change they describe.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::bidding::{Bid, BidState};
use coophub_domain::conversation::{Message, Thread, gist};
use coophub_domain::coop::Coop;
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use coophub_domain::sharing::{Placement, days_a_week};
use coophub_store::{DbConnection, StoreError, notifications, people, users};
use uuid::Uuid;

mod rotations;

pub use rotations::{social_good, swap};

fn record(
    conn: &mut DbConnection,
    event: NewEvent,
    audience: Audience,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    notifications::record(conn, &event, &audience, now)?;
    Ok(())
}

/// A co-op's membership changed: its admins are told of an invitation or
/// an approval; stewards of an application; both of a lapse the network
/// recorded (an invitation running out is told by the reminders).
pub fn membership(
    conn: &mut DbConnection,
    viewer: &Viewer,
    coop: &Coop,
    kind: EventKind,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let name = &coop.profile.name;
    let summary = match kind {
        EventKind::MembershipInvited => format!("The network invited {name} to join"),
        EventKind::MembershipApplied => format!("{name} asks to join the network"),
        EventKind::MembershipLapsed => {
            format!("{name}'s membership of the network was recorded as ended")
        }
        _ => format!("{name} is now a member of the network"),
    };
    let event = NewEvent {
        kind,
        subject_type: "coop",
        subject_id: coop.slug.clone(),
        link: format!("/api/v1/coops/{}", coop.slug),
        summary,
        actor: viewer.user_id(),
        coops: vec![coop.id],
    };
    let audience = match kind {
        EventKind::MembershipApplied => stewards(conn)?,
        EventKind::MembershipLapsed => Audience {
            admins_of: vec![coop.id],
            ..stewards(conn)?
        },
        _ => Audience {
            admins_of: vec![coop.id],
            ..Audience::default()
        },
    };
    record(conn, event, audience, now)
}

/// The network's stewards (its admins), as an audience.
pub fn stewards(conn: &mut DbConnection) -> Result<Audience, StoreError> {
    Ok(Audience {
        accounts: users::network_admins(conn)?,
        ..Audience::default()
    })
}

/// A placement was asked for or moved: both co-ops' admins and the person
/// placed (through their linked account) are told.
pub fn placement(
    conn: &mut DbConnection,
    viewer: &Viewer,
    placement: &Placement,
    [offering, requesting]: [&Coop; 2],
    kind: EventKind,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (from, to) = (&offering.profile.name, &requesting.profile.name);
    let booking = placement.booking();
    let when = format!(
        "{} from {} to {}",
        days_a_week(booking.half_days),
        booking.range.start,
        booking.range.end
    );
    let summary = match kind {
        EventKind::PlacementRequested => format!("{to} asks {from} for {when}"),
        EventKind::PlacementAccepted => format!("{from} accepted {to}'s request for {when}"),
        EventKind::PlacementDeclined => format!("{from} declined {to}'s request for {when}"),
        EventKind::PlacementStarted => format!("The placement from {from} to {to} began"),
        EventKind::PlacementCompleted => format!("The placement from {from} to {to} is complete"),
        _ => format!("The placement from {from} to {to} ({when}) was cancelled"),
    };
    let person = match placement.person_id {
        Some(id) => people::find(conn, id)?.and_then(|p| p.user_id),
        None => None,
    };
    let event = NewEvent {
        kind,
        subject_type: "placement",
        subject_id: placement.id.to_string(),
        link: format!("/api/v1/placements/{}", placement.id),
        summary,
        actor: viewer.user_id(),
        coops: vec![offering.id, requesting.id],
    };
    let audience = Audience {
        admins_of: vec![offering.id, requesting.id],
        accounts: person.into_iter().collect(),
        ..Audience::default()
    };
    record(conn, event, audience, now)
}

/// A co-op was invited to a bid: its admins hear who invites them to what,
/// with the start of the invitation's message.
pub fn invited(
    conn: &mut DbConnection,
    viewer: &Viewer,
    bid: &Bid,
    [lead, coop]: [&Coop; 2],
    message: Option<&Message>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (title, lead_name, name) = (&bid.title, &lead.profile.name, &coop.profile.name);
    let said = message.map_or(String::new(), |m| format!(": “{}”", gist(&m.text, QUOTED)));
    let event = NewEvent {
        kind: EventKind::BidInvited,
        subject_type: "bid",
        subject_id: bid.id.to_string(),
        link: format!("/api/v1/bids/{}", bid.id),
        summary: format!("{lead_name} invites {name} to bid together on “{title}”{said}"),
        actor: viewer.user_id(),
        coops: vec![coop.id],
    };
    let audience = Audience {
        admins_of: vec![coop.id],
        ..Audience::default()
    };
    record(conn, event, audience, now)
}

/// An invited co-op answered: the lead's admins (and the coordinator) hear
/// whether it joined (`kind` `BidAccepted`) or declined.
pub fn answered(
    conn: &mut DbConnection,
    viewer: &Viewer,
    bid: &Bid,
    [lead, coop]: [&Coop; 2],
    coordinator: Option<Uuid>,
    kind: EventKind,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (title, name) = (&bid.title, &coop.profile.name);
    let summary = if kind == EventKind::BidAccepted {
        format!("{name} joined the bid “{title}”")
    } else {
        format!("{name} declined to join the bid “{title}”")
    };
    let audience = Audience {
        admins_of: vec![lead.id],
        accounts: coordinator.into_iter().collect(),
        ..Audience::default()
    };
    let coops = vec![lead.id];
    let event = NewEvent {
        kind,
        subject_type: "bid",
        subject_id: bid.id.to_string(),
        link: format!("/api/v1/bids/{}", bid.id),
        summary,
        actor: viewer.user_id(),
        coops,
    };
    record(conn, event, audience, now)
}

/// A bid moved: everyone of its consortium is told.
pub fn bid_moved(
    conn: &mut DbConnection,
    viewer: &Viewer,
    bid: &Bid,
    consortium: Vec<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let state = match bid.state {
        BidState::Forming => "forming",
        BidState::Go => "a go",
        BidState::NoGo => "a no-go",
        BidState::Submitted => "submitted",
        BidState::Won => "won",
        BidState::Lost => "lost",
        BidState::Withdrawn => "withdrawn",
    };
    let event = NewEvent {
        kind: EventKind::BidMoved,
        subject_type: "bid",
        subject_id: bid.id.to_string(),
        link: format!("/api/v1/bids/{}", bid.id),
        summary: format!("The bid “{}” is {state}", bid.title),
        actor: viewer.user_id(),
        coops: consortium.clone(),
    };
    let audience = Audience {
        people_of: consortium,
        ..Audience::default()
    };
    record(conn, event, audience, now)
}

/// How long a quoted message may be in a notification, in characters.
const QUOTED: usize = 160;

/// Someone wrote `message` in the conversation of `what` (a bid's or a
/// placement's title, as its readers know it): `audience`, the thread's
/// other readers, hear who wrote and the start of what.
pub fn message(
    conn: &mut DbConnection,
    viewer: &Viewer,
    message: &Message,
    what: &str,
    audience: Audience,
    coops: Vec<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (kind, path) = match message.thread {
        Thread::Bid(id) => (EventKind::BidMessage, format!("/api/v1/bids/{id}/messages")),
        Thread::Placement(id) => (
            EventKind::PlacementMessage,
            format!("/api/v1/placements/{id}/messages"),
        ),
    };
    let author = message.author_name.as_deref().unwrap_or("Someone");
    let event = NewEvent {
        kind,
        subject_type: message.thread.kind(),
        subject_id: message.thread.id().to_string(),
        link: path,
        summary: format!(
            "{author} wrote in {what}: “{}”",
            gist(&message.text, QUOTED)
        ),
        actor: viewer.user_id(),
        coops,
    };
    record(conn, event, audience, now)
}
