//! Who is told what, for every change someone must act on or know about
//! (`coophub_domain::notify`): each function records its event in the
//! caller's write transaction, worded to name only what every recipient may
//! see. Operations call these right after the change they describe.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::bidding::{Bid, BidState};
use coophub_domain::coop::Coop;
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use coophub_domain::person::Person;
use coophub_domain::sharing::{Placement, SwapProposal, days_a_week};
use coophub_store::{DbConnection, StoreError, notifications, people, users};
use uuid::Uuid;

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

/// A bid's consortium changed: an invited co-op's admins hear of their
/// invitation; the lead's admins (and the coordinator) of an answer.
pub fn consortium(
    conn: &mut DbConnection,
    viewer: &Viewer,
    bid: &Bid,
    [lead, coop]: [&Coop; 2],
    coordinator: Option<Uuid>,
    kind: EventKind,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (title, lead_name, name) = (&bid.title, &lead.profile.name, &coop.profile.name);
    let (summary, audience, coops) = match kind {
        EventKind::BidInvited => (
            format!("{lead_name} invites {name} to bid together: “{title}”"),
            Audience {
                admins_of: vec![coop.id],
                ..Audience::default()
            },
            vec![coop.id],
        ),
        answered => (
            if answered == EventKind::BidAccepted {
                format!("{name} joined the bid “{title}”")
            } else {
                format!("{name} declined to join the bid “{title}”")
            },
            Audience {
                admins_of: vec![lead.id],
                accounts: coordinator.into_iter().collect(),
                ..Audience::default()
            },
            vec![lead.id],
        ),
    };
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
    let booking = proposal.booking;
    let summary = match kind {
        EventKind::SwapProposed => format!(
            "A rotation swap is proposed: {a} and {b} each spend {} at the other's \
             co-op from {} to {}; it is booked once both people and both co-ops say yes",
            days_a_week(booking.half_days),
            booking.range.start,
            booking.range.end
        ),
        EventKind::SwapAgreed => {
            format!("The rotation swap between {a} and {b} is agreed: both placements are booked")
        }
        EventKind::SwapRefused => format!("The rotation swap between {a} and {b} was refused"),
        _ => format!("The rotation swap between {a} and {b} has a new answer"),
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
