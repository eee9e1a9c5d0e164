//! Reminders, run by a background task in every instance on the rule
//! clock: open invitations a week before they lapse (and stewards once they
//! have), offers and availability five days before they lapse unless
//! reconfirmed, bid deadlines a week and a day away, sections due tomorrow or late. Each is
//! given once per item and moment (`coophub_store::reminders::record_once`),
//! to the people who may see its subject, worded like every other event
//! (`super::tell`); a reconfirmation or a new invitation makes a new moment.

use chrono::{DateTime, Duration, Utc};
use coophub_domain::coop::INVITATION_DAYS;
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use coophub_domain::person::AVAILABILITY_DAYS;
use coophub_domain::reminder::{self, DEADLINE, INVITATION_LAPSING, LATE, RECONFIRM, SECTION_DUE};
use coophub_domain::sharing::OFFER_DAYS;
use coophub_store::reminders::{self, Invitation, OpenBid};
use coophub_store::{DbConnection, StoreError};
use uuid::Uuid;

use super::tell;

fn day(at: DateTime<Utc>) -> String {
    at.format("%-d %B %Y").to_string()
}

/// One reminder ready to be given.
struct Reminder {
    moment: String,
    event: NewEvent,
    audience: Audience,
}

impl Reminder {
    /// `event` for `audience`, given at the moment `label` before `at`.
    fn new(label: &str, at: DateTime<Utc>, event: NewEvent, audience: Audience) -> Self {
        Self {
            moment: format!("{label}@{}", at.to_rfc3339()),
            event,
            audience,
        }
    }
}

fn event(
    kind: EventKind,
    subject: (&'static str, String),
    link: String,
    summary: String,
    coops: Vec<Uuid>,
) -> NewEvent {
    NewEvent {
        kind,
        subject_type: subject.0,
        subject_id: subject.1,
        link,
        summary,
        actor: None,
        coops,
    }
}

fn admins(coops: Vec<Uuid>) -> Audience {
    Audience {
        admins_of: coops,
        ..Audience::default()
    }
}

/// Gives every reminder due at `now`; answers how many were given.
pub fn run(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<usize, StoreError> {
    let mut due = lapsing(conn, now)?;
    for bid in reminders::open_bids(conn)? {
        due.extend(deadlines(conn, &bid, now)?);
    }
    let mut given = 0;
    for reminder in due {
        if reminders::record_once(
            conn,
            &reminder.moment,
            &reminder.event,
            &reminder.audience,
            now,
        )? {
            given += 1;
        }
    }
    Ok(given)
}

/// The event `kind` about `invitation`'s co-op, saying `summary`.
fn of_invitation(kind: EventKind, invitation: Invitation, summary: String) -> NewEvent {
    let link = format!("/api/v1/coops/{}", invitation.slug);
    event(
        kind,
        ("coop", invitation.slug),
        link,
        summary,
        vec![invitation.coop],
    )
}

/// Invitations that ran out in the last week (a worker that was down for
/// longer does not tell of older ones): stewards and the co-op's admins.
fn expired_invitations(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
) -> Result<Vec<Reminder>, StoreError> {
    let ran_out = now - Duration::days(INVITATION_DAYS);
    let mut due = Vec::new();
    for invitation in reminders::invitations(conn, ran_out - Duration::days(7), ran_out)? {
        let lapsed = invitation.invited_at + Duration::days(INVITATION_DAYS);
        let summary = format!(
            "The invitation for {} to join the network lapsed on {} without being accepted",
            invitation.name,
            day(lapsed)
        );
        let audience = Audience {
            admins_of: vec![invitation.coop],
            ..tell::stewards(conn)?
        };
        let event = of_invitation(EventKind::MembershipLapsed, invitation, summary);
        due.push(Reminder {
            moment: format!("lapsed@{}", lapsed.to_rfc3339()),
            event,
            audience,
        });
    }
    Ok(due)
}

/// Invitations, offers and availability about to lapse.
fn lapsing(conn: &mut DbConnection, now: DateTime<Utc>) -> Result<Vec<Reminder>, StoreError> {
    let horizon = reminder::horizon();
    let mut due = Vec::new();
    let since = |days: i64| now - Duration::days(days);
    for invitation in reminders::invitations(
        conn,
        since(INVITATION_DAYS),
        since(INVITATION_DAYS) + horizon,
    )? {
        let lapses = invitation.invited_at + Duration::days(INVITATION_DAYS);
        let Some(label) = reminder::due(lapses, INVITATION_LAPSING, now) else {
            continue;
        };
        let summary = format!(
            "The invitation for {} to join the network lapses on {} unless its admins accept it",
            invitation.name,
            day(lapses)
        );
        let admins = admins(vec![invitation.coop]);
        let event = of_invitation(EventKind::MembershipLapsing, invitation, summary);
        due.push(Reminder::new(label, lapses, event, admins));
    }
    due.extend(expired_invitations(conn, now)?);
    for offer in reminders::offers(conn, since(OFFER_DAYS), since(OFFER_DAYS) + horizon)? {
        let lapses = offer.reconfirmed_at + Duration::days(OFFER_DAYS);
        let Some(label) = reminder::due(lapses, RECONFIRM, now) else {
            continue;
        };
        let summary = format!(
            "The offer “{}” lapses on {} unless reconfirmed",
            offer.title,
            day(lapses)
        );
        let link = format!("/api/v1/offers/{}", offer.id);
        let coops = vec![offer.coop];
        let event = event(
            EventKind::OfferLapsing,
            ("offer", offer.id.to_string()),
            link,
            summary,
            coops.clone(),
        );
        due.push(Reminder::new(label, lapses, event, admins(coops)));
    }
    for person in reminders::availabilities(
        conn,
        since(AVAILABILITY_DAYS),
        since(AVAILABILITY_DAYS) + horizon,
    )? {
        let lapses = person.reconfirmed_at + Duration::days(AVAILABILITY_DAYS);
        let Some(label) = reminder::due(lapses, RECONFIRM, now) else {
            continue;
        };
        let summary = format!(
            "The availability of {} lapses on {} unless reconfirmed",
            person.title,
            day(lapses)
        );
        let link = format!("/api/v1/people/{}", person.id);
        // The person themself when their account is linked; else their co-op's admins.
        let audience = match person.account {
            Some(account) => Audience {
                accounts: vec![account],
                ..Audience::default()
            },
            None => admins(vec![person.coop]),
        };
        let event = event(
            EventKind::AvailabilityLapsing,
            ("person", person.id.to_string()),
            link,
            summary,
            vec![person.coop],
        );
        due.push(Reminder::new(label, lapses, event, audience));
    }
    Ok(due)
}

/// A bid's deadline, and its sections due or late.
fn deadlines(
    conn: &mut DbConnection,
    bid: &OpenBid,
    now: DateTime<Utc>,
) -> Result<Vec<Reminder>, StoreError> {
    let mut due = Vec::new();
    let link = format!("/api/v1/bids/{}", bid.id);
    let everyone = || Audience {
        people_of: bid.consortium.clone(),
        ..Audience::default()
    };
    if let Some(deadline) = bid.deadline
        && let Some(label) = reminder::due(deadline, DEADLINE, now)
    {
        let away = if label == "1d" {
            "a day away"
        } else {
            "a week away"
        };
        let summary = format!(
            "The bid “{}” must be in by {} ({away})",
            bid.title,
            deadline.format("%-d %B %Y %H:%M UTC")
        );
        let event = event(
            EventKind::BidDeadline,
            ("bid", bid.id.to_string()),
            link.clone(),
            summary,
            bid.consortium.clone(),
        );
        due.push(Reminder::new(label, deadline, event, everyone()));
    }
    let until = (now + reminder::horizon()).date_naive();
    for section in reminders::sections(conn, bid.id, until)? {
        let end = reminder::end_of(section.due);
        let (kind, label, words) = if reminder::late(section.due, now) {
            (EventKind::SectionLate, LATE, "is late: it was due on")
        } else if let Some(label) = reminder::due(end, SECTION_DUE, now) {
            (EventKind::SectionDue, label, "is due on")
        } else {
            continue;
        };
        // Those writing it (the owner co-op, else the lead) and the lead's admins.
        let writers = section.owner.unwrap_or(bid.lead);
        let summary = format!(
            "“{}” for the bid “{}” {words} {}",
            section.title,
            bid.title,
            section.due.format("%-d %B %Y")
        );
        let coops = if writers == bid.lead {
            vec![bid.lead]
        } else {
            vec![writers, bid.lead]
        };
        let audience = Audience {
            people_of: vec![writers],
            admins_of: vec![bid.lead],
            ..Audience::default()
        };
        let event = event(
            kind,
            ("section", section.id.to_string()),
            link.clone(),
            summary,
            coops,
        );
        due.push(Reminder::new(label, end, event, audience));
    }
    Ok(due)
}
