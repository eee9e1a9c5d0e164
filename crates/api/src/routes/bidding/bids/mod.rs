//! Bids: `/api/v1/bids`. A lead co-op opens a bid on an opportunity, adds
//! roles and sections, invites partners (whose admins accept or decline),
//! asks for suggestions and gaps, decides go or no-go, submits, and records
//! the result. A bid is its consortium's business: everyone else gets 404
//! and finds it in no list or count (`coophub_domain::access::bidding`).

mod bodies;
pub mod consortium;
pub mod create;
pub mod gaps;
pub mod moves;
pub mod ocds;
pub mod roles;
pub mod sections;
pub mod shares;
pub mod show;
pub mod suggestions;
pub mod terms;

use coophub_app::bidding::bids::BidCase;

use coophub_domain::bidding::{BidInput, Opportunity};
use coophub_domain::sharing::Money;
use coophub_store::{DbConnection, people};
use uuid::Uuid;

use coophub_domain::{FieldError, ValidationErrors};

use crate::problem::{ApiError, Code};

pub use bodies::{
    BidBody, BidTermsBody, DecisionBody, InvitationAnswer, InvitationBody, RoleBody, SectionBody,
};
pub use coophub_app::bidding::views::{BidList, BidView};

/// 409 unless the bid is still open (forming, go or submitted): `doing`
/// says what was asked ("takes no more roles").
pub(crate) fn ensure_open(case: &BidCase, doing: &str) -> Result<(), ApiError> {
    if case.bid.state.open() {
        Ok(())
    } else {
        Err(ApiError::conflict(
            Code::BidState,
            format!("a bid that is {} {doing}", case.bid.state.name()),
        ))
    }
}

/// The consortium co-op with `slug` (the lead, or one that accepted), or a
/// problem at `pointer`.
pub(crate) fn consortium_coop(
    case: &BidCase,
    slug: &str,
    pointer: &str,
) -> Result<Uuid, FieldError> {
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

/// Checks the terms of a bid on `opportunity` led by `lead`: the
/// coordinator is one of the lead's people, the lot is the tender's, and
/// without a price the bid takes the lot's value, else the tender's.
pub(crate) fn settle_terms(
    conn: &mut DbConnection,
    opportunity: &Opportunity,
    lead: Uuid,
    coordinator: Option<Uuid>,
    input: &mut BidInput,
    errors: &mut ValidationErrors,
) -> Result<(), ApiError> {
    if let Some(person) = coordinator
        && people::find(conn, person)?.is_none_or(|p| p.coop_id != lead)
    {
        errors.0.push(FieldError::new(
            "/coordinator",
            "must be the id of one of the lead co-op's people",
        ));
    }
    let tender = &opportunity.tender;
    let lot = match input.lot_id.as_deref() {
        Some(id) => {
            let found = tender.lots.iter().find(|l| l.id == id);
            if found.is_none() {
                errors.0.push(FieldError::new(
                    "/lot_id",
                    "must be the id of one of the opportunity's lots",
                ));
            }
            found
        }
        None => None,
    };
    if input.value.is_none() {
        input.value = lot
            .and_then(|l| l.value.as_ref())
            .or(tender.value.as_ref())
            .map(|value| Money {
                amount: value.amount,
                currency: value.currency.clone(),
            });
    }
    Ok(())
}
