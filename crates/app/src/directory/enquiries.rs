//! Enquiries: a signed-in person writes to a co-op listed to them; its
//! admins are told at once (inbox and mail, with the sender's name and the
//! address to reply to) and keep every enquiry in the co-op's list. An
//! account sends at most [`ENQUIRIES_PER_WINDOW`] a day, to all co-ops
//! together, so nobody can use the hub to spam the network.

use chrono::{DateTime, Utc};
use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::{
    Coop, ENQUIRIES_PER_WINDOW, ENQUIRY_WINDOW, EnquiryDraft, EnquiryInput,
};
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use coophub_store::coops::enquiries::{self, Enquiry};
use coophub_store::coops::roles;
use coophub_store::{DbConnection, Page, notifications};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::coops::READ;
use crate::guard::{Lock, load};
use crate::shapes::CoopRef;
use crate::{AppError, Clash, signed_in};

/// An enquiry as its sender writes it.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EnquiryBody {
    /// What it is about (1 to 200 characters).
    pub subject: String,
    /// What you ask (1 to 5,000 characters). The co-op's admins reply to
    /// your account's email address.
    pub message: String,
}

/// Who wrote an enquiry, to reply to.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnquirySender {
    /// Their name.
    pub name: String,
    /// Their account's email address: reply here.
    pub email: String,
}

/// An enquiry, as its sender and the co-op's admins see it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnquiryView {
    /// Its id.
    pub id: Uuid,
    /// The co-op written to.
    pub coop: CoopRef,
    /// Who wrote it.
    pub from: EnquirySender,
    /// What it is about.
    pub subject: String,
    /// What they ask.
    pub message: String,
    /// When it was sent (UTC).
    pub created_at: DateTime<Utc>,
}

/// A page of a co-op's enquiries.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnquiryList {
    /// Newest first.
    pub items: Vec<EnquiryView>,
    /// How many in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

fn view(enquiry: Enquiry, coop: &Coop) -> EnquiryView {
    EnquiryView {
        id: enquiry.id,
        coop: CoopRef {
            slug: coop.slug.clone(),
            name: coop.profile.name.clone(),
        },
        from: EnquirySender {
            name: enquiry.sender_name,
            email: enquiry.sender_email,
        },
        subject: enquiry.subject,
        message: enquiry.message,
        created_at: enquiry.created_at,
    }
}

/// The viewer writes to the co-op `slug` (one listed to them; any other is
/// not found); its admins are told. A co-op nobody administers yet is a
/// `CoopUnclaimed` clash (nobody would read it); more than
/// [`ENQUIRIES_PER_WINDOW`] a day is `AppError::Limited`.
pub fn send(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    body: &EnquiryBody,
    now: DateTime<Utc>,
) -> Result<EnquiryView, AppError> {
    let sender = signed_in(viewer)?.clone();
    let input = EnquiryInput::parse(EnquiryDraft {
        subject: body.subject.clone(),
        message: body.message.clone(),
    })?;
    let coop = load::<Coop>(conn, viewer, slug, READ, Lock::Read)?;
    if roles::admin_count(conn, coop.id)? == 0 {
        return Err(AppError::conflict(
            Clash::CoopUnclaimed,
            format!(
                "nobody administers {} on the hub yet, so nobody would read this; \
                 if you speak for it, claim it (POST /coops/{}/claims)",
                coop.profile.name, coop.slug
            ),
        ));
    }
    let (sent, oldest) = enquiries::sent_since(conn, sender.id, now - ENQUIRY_WINDOW)?;
    if sent >= ENQUIRIES_PER_WINDOW {
        let free_again = oldest.map_or(now, |at| at + ENQUIRY_WINDOW);
        return Err(AppError::Limited {
            detail: format!(
                "an account may send {ENQUIRIES_PER_WINDOW} enquiries a day and you have sent \
                 {sent}; the next may go at {}",
                free_again.format("%Y-%m-%d %H:%M UTC")
            ),
            retry_after: (free_again - now).to_std().unwrap_or_default(),
        });
    }
    let enquiry = enquiries::insert(conn, coop.id, sender.id, &input, now)?;
    let event = NewEvent {
        kind: EventKind::EnquiryReceived,
        subject_type: "enquiry",
        subject_id: enquiry.id.to_string(),
        link: format!("/api/v1/coops/{}/enquiries", coop.slug),
        summary: format!(
            "{} <{}> writes to {}: {}",
            sender.name, sender.email, coop.profile.name, enquiry.subject
        ),
        actor: Some(sender.id),
        coops: Vec::new(),
    };
    let admins = Audience {
        admins_of: vec![coop.id],
        ..Audience::default()
    };
    notifications::record(conn, &event, &admins, now)?;
    Ok(view(enquiry, &coop))
}

/// A page of the enquiries to the co-op `slug`, for its own admins (not
/// network admins: they are letters to the co-op).
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    page: Page,
) -> Result<EnquiryList, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, access::administer_own_coop, Lock::Read)?;
    let (found, total) = enquiries::list(conn, coop.id, page)?;
    Ok(EnquiryList {
        items: found.into_iter().map(|e| view(e, &coop)).collect(),
        total,
        page: page.number,
        per_page: page.size,
    })
}
