//! The work a bid is made of: its roles, the sections of its writing and
//! links to its documents.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::{manage_bid, write_sections};
use coophub_domain::bidding::{BidHappening, DocumentInput, RoleInput, SectionInput};
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::bidding::sections::{self, Owner};
use coophub_store::bidding::{documents, roles};
use coophub_store::{DbConnection, people};
use uuid::Uuid;

use super::{BidCase, ensure_open, happened};
use crate::bidding::views::BidView;
use crate::guard::{Lock, load};
use crate::{AppError, signed_in};

/// The bid's lead adds a role, for a co-op of the consortium (`coop`) or
/// for anyone yet.
pub fn add_role(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    coop: Option<&str>,
    input: &RoleInput,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
    ensure_open(&case, "takes no more roles")?;
    let mut errors = ValidationErrors::default();
    let coop = coop.and_then(|slug| errors.check(consortium_coop(&case, slug, "/coop")));
    if let Some(lot) = &input.lot_id
        && !case.opportunity.tender.lots.iter().any(|l| &l.id == lot)
    {
        errors.0.push(FieldError::new(
            "/lot_id",
            "must be the id of one of the opportunity's lots",
        ));
    }
    if !errors.0.is_empty() {
        return Err(errors.into());
    }
    roles::insert(conn, id, input, coop, now)?;
    let title = Some(input.title.as_str());
    happened(conn, viewer, id, BidHappening::RoleAdded, coop, title, now)?;
    Ok(BidView::new(
        BidCase::of(conn, case.bid)?,
        viewer,
        now.date_naive(),
    ))
}

/// The consortium adds a section of the bid's writing (`section` is `None`)
/// or replaces one, owned by a co-op of the consortium (`owner_coop`) and
/// one of its people.
pub fn put_section(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    section: Option<Uuid>,
    owner_coop: Option<&str>,
    input: &SectionInput,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, write_sections, Lock::ForChange)?;
    ensure_open(&case, "takes no more changes to its sections")?;
    let owner = owner(conn, &case, owner_coop, input)?;
    if sections::put(conn, id, section, input, owner)?.is_none() {
        return Err(AppError::NotFound(format!(
            "no section {} in bid {id}",
            section.unwrap_or_default()
        )));
    }
    let (what, detail) = match section {
        None => (BidHappening::SectionAdded, input.title.clone()),
        Some(_) => (
            BidHappening::SectionChanged,
            format!("{}: {}", input.title, input.status.words()),
        ),
    };
    happened(conn, viewer, id, what, None, Some(&detail), now)?;
    Ok(BidView::new(
        BidCase::of(conn, case.bid)?,
        viewer,
        now.date_naive(),
    ))
}

/// Someone of the consortium adds a link to one of the bid's documents,
/// for the co-op of the consortium they belong to.
pub fn add_document(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    input: &DocumentInput,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, write_sections, Lock::ForChange)?;
    let user = signed_in(viewer)?.id;
    let lead = case.bid.lead_coop_id;
    let coop = viewer.role_in(lead).map(|_| lead).or_else(|| {
        case.consortium()
            .into_iter()
            .find(|c| viewer.role_in(*c).is_some())
    });
    documents::insert(conn, id, input, (user, coop), now)?;
    let title = Some(input.title.as_str());
    happened(
        conn,
        viewer,
        id,
        BidHappening::DocumentAdded,
        coop,
        title,
        now,
    )?;
    Ok(BidView::new(
        BidCase::of(conn, case.bid)?,
        viewer,
        now.date_naive(),
    ))
}

/// Who owns a section: invalid unless a co-op and person of the consortium.
fn owner(
    conn: &mut DbConnection,
    case: &BidCase,
    coop: Option<&str>,
    input: &SectionInput,
) -> Result<Owner, AppError> {
    let mut errors = ValidationErrors::default();
    let coop = coop.and_then(|slug| errors.check(consortium_coop(case, slug, "/owner_coop")));
    if let Some(person) = input.owner_person {
        let consortium = case.consortium();
        if people::find(conn, person)?.is_none_or(|p| !consortium.contains(&p.coop_id)) {
            errors.0.push(FieldError::new(
                "/owner_person",
                "must be the id of a person of a co-op in the consortium",
            ));
        }
    }
    if errors.0.is_empty() {
        Ok(Owner {
            coop,
            person: input.owner_person,
        })
    } else {
        Err(errors.into())
    }
}

/// The co-op of the consortium whose slug is `slug`; a problem at `pointer`
/// otherwise.
fn consortium_coop(case: &BidCase, slug: &str, pointer: &str) -> Result<Uuid, FieldError> {
    case.consortium()
        .into_iter()
        .find(|id| case.coop(*id).is_some_and(|coop| coop.slug == slug.trim()))
        .ok_or_else(|| {
            FieldError::new(
                pointer,
                "must be the slug of a co-op in the consortium (the lead, or one that accepted)",
            )
        })
}
