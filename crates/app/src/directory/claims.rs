//! Claims: a signed-in person asks to administer a co-op that has no admin
//! (an imported entry); the stewards are told, see the pending claims, and
//! approve (the claimant becomes the co-op's admin) or refuse; the claimant
//! is told. Every decision on a co-op's claims is taken under its row lock,
//! so two approvals at once leave one admin and one refusal.

use chrono::{DateTime, Utc};
use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::{ClaimStatus, Coop, CoopRole, claim_message, email_at_website};
use coophub_domain::notify::{Audience, EventKind, NewEvent};
use coophub_store::coops::claims::{self, Claim};
use coophub_store::coops::roles;
use coophub_store::{DbConnection, Page, coops, notifications, users};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::coops::READ;
use crate::guard::{Lock, load};
use crate::shapes::CoopRef;
use crate::telling::tell;
use crate::{AppError, Clash, signed_in};

/// A claim as its claimant sends it.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClaimBody {
    /// Who you are and how you are part of the co-op, for the stewards.
    pub message: String,
}

/// The stewards' decision on a claim.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClaimDecisionBody {
    /// `true`: the claimant becomes an admin of the co-op.
    pub approve: bool,
}

/// Who claims.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Claimant {
    /// The account.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Its sign-in address, to check with the co-op.
    pub email: String,
}

/// A claim, as the stewards and the claimant see it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimView {
    /// Its id.
    pub id: Uuid,
    /// The co-op claimed.
    pub coop: CoopRef,
    /// Who asks.
    pub claimant: Claimant,
    /// What they said.
    pub message: String,
    /// `pending`, `approved` or `refused`.
    pub status: ClaimStatus,
    /// Whether the claimant's address is at the domain of the co-op's
    /// website: a sign (not proof) that they speak for it.
    pub email_at_website: bool,
    /// When it was made (UTC).
    pub created_at: DateTime<Utc>,
    /// When the stewards decided (UTC).
    pub decided_at: Option<DateTime<Utc>>,
}

/// A page of claims.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimList {
    /// Oldest first.
    pub items: Vec<ClaimView>,
    /// How many in all.
    pub total: i64,
    /// Page number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
}

/// The viewer asks to administer the co-op `slug`, which has no admin (one
/// that has admins is a `CoopHasAdmins` clash: ask them instead); the
/// stewards are told.
pub fn claim(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    body: &ClaimBody,
    now: DateTime<Utc>,
) -> Result<ClaimView, AppError> {
    let account = signed_in(viewer)?;
    let user = account.id;
    let message = claim_message(&body.message)?;
    let coop = load::<Coop>(conn, viewer, slug, READ, Lock::ForChange)?;
    unclaimed(conn, &coop)?;
    if claims::pending_of(conn, coop.id, user)? {
        return Err(AppError::conflict(
            Clash::Duplicate,
            format!(
                "you asked to administer {} already: the stewards will answer",
                coop.slug
            ),
        ));
    }
    let claim = claims::insert(conn, coop.id, user, &message, now)?;
    let event = NewEvent {
        kind: EventKind::ClaimMade,
        subject_type: "claim",
        subject_id: claim.id.to_string(),
        link: format!("/api/v1/claims?status={}", ClaimStatus::Pending.as_str()),
        summary: format!(
            "{} asks to administer {}{}",
            account.name,
            coop.profile.name,
            if email_at_website(&account.email, coop.profile.website.as_deref()) {
                ", from an address at its website"
            } else {
                ""
            }
        ),
        actor: Some(user),
        coops: Vec::new(),
    };
    let stewards = tell::stewards(conn)?;
    notifications::record(conn, &event, &stewards, now)?;
    view(conn, claim, &coop)
}

/// A page of the claims in `status` (every one when `None`), for stewards.
pub fn list(
    conn: &mut DbConnection,
    viewer: &Viewer,
    status: Option<ClaimStatus>,
    page: Page,
) -> Result<ClaimList, AppError> {
    steward(viewer)?;
    let (found, total) = claims::list(conn, status, page)?;
    let mut items = Vec::with_capacity(found.len());
    for claim in found {
        let coop = coops::find_by_id(conn, claim.coop_id)?
            .ok_or_else(|| AppError::internal("a claim names a co-op that is gone"))?;
        items.push(view(conn, claim, &coop)?);
    }
    Ok(ClaimList {
        items,
        total,
        page: page.number,
        per_page: page.size,
    })
}

/// The stewards decide on the pending claim `id`: approved, the claimant
/// becomes an admin of the co-op, unless it has one by now. The claimant is
/// told either way.
pub fn decide(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    approve: bool,
    now: DateTime<Utc>,
) -> Result<ClaimView, AppError> {
    steward(viewer)?;
    let by = signed_in(viewer)?.id;
    let missing = || AppError::NotFound(format!("no claim {id}"));
    let found = claims::find(conn, id)?.ok_or_else(missing)?;
    let coop = coops::find_by_id(conn, found.coop_id)?.ok_or_else(missing)?;
    // The co-op's lock first, then the claim as it stands under it.
    let coop = load::<Coop>(conn, viewer, &coop.slug, READ, Lock::ForChange)?;
    let claim = claims::find(conn, id)?.ok_or_else(missing)?;
    if claim.status != ClaimStatus::Pending {
        return Err(AppError::conflict(
            Clash::ClaimDecided,
            format!("the claim was {} already", claim.status.as_str()),
        ));
    }
    let status = if approve {
        unclaimed(conn, &coop)?;
        let granted = roles::grant(conn, coop.id, claim.user_id, CoopRole::Admin)?;
        granted.map_err(|_| AppError::internal("making an admin cannot leave none"))?;
        ClaimStatus::Approved
    } else {
        ClaimStatus::Refused
    };
    claims::decide(conn, id, status, by, now)?;
    let name = &coop.profile.name;
    let event = NewEvent {
        kind: EventKind::ClaimDecided,
        subject_type: "coop",
        subject_id: coop.slug.clone(),
        link: format!("/api/v1/coops/{}", coop.slug),
        summary: if approve {
            format!("The stewards made you an admin of {name}")
        } else {
            format!("The stewards did not make you an admin of {name}")
        },
        actor: Some(by),
        coops: Vec::new(),
    };
    let claimant = Audience {
        accounts: vec![claim.user_id],
        ..Audience::default()
    };
    notifications::record(conn, &event, &claimant, now)?;
    let decided = Claim {
        status,
        decided_at: Some(now),
        ..claim
    };
    view(conn, decided, &coop)
}

/// A clash unless `coop` has no admin.
/// Whether nobody administers `coop` yet, so that it can be claimed.
pub fn claimable(conn: &mut DbConnection, coop: &Coop) -> Result<bool, AppError> {
    Ok(roles::admin_count(conn, coop.id)? == 0)
}

fn unclaimed(conn: &mut DbConnection, coop: &Coop) -> Result<(), AppError> {
    if !claimable(conn, coop)? {
        return Err(AppError::conflict(
            Clash::CoopHasAdmins,
            format!(
                "{} has admins: ask them to add you (PUT /coops/{}/users)",
                coop.profile.name, coop.slug
            ),
        ));
    }
    Ok(())
}

/// Stewards (network admins) only.
fn steward(viewer: &Viewer) -> Result<(), AppError> {
    access::administer_network(viewer).map_err(|denied| AppError::refused(denied, String::new))
}

/// The claim with its co-op and claimant.
fn view(conn: &mut DbConnection, claim: Claim, coop: &Coop) -> Result<ClaimView, AppError> {
    let (user, _) = users::find(conn, claim.user_id)?
        .ok_or_else(|| AppError::internal("a claim names an account that is gone"))?;
    Ok(ClaimView {
        id: claim.id,
        coop: CoopRef {
            slug: coop.slug.clone(),
            name: coop.profile.name.clone(),
        },
        email_at_website: email_at_website(&user.email, coop.profile.website.as_deref()),
        claimant: Claimant {
            id: user.id,
            name: user.name,
            email: user.email,
        },
        message: claim.message,
        status: claim.status,
        created_at: claim.created_at,
        decided_at: claim.decided_at,
    })
}
