//! Opening a bid and changing its terms: the coordinator, the lot and the
//! value the tender gives when none is said.

use chrono::{DateTime, Utc};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::{manage_bid, open_bid};
use coophub_domain::bidding::{BidHappening, BidInput, Opportunity, OpportunityStatus};
use coophub_domain::coop::Coop;
use coophub_domain::sharing::Money;
use coophub_domain::{FieldError, ValidationErrors};
use coophub_store::bidding::{bids, opportunities};
use coophub_store::{DbConnection, people};
use uuid::Uuid;

use super::{BidCase, ensure_open, happened};
use crate::bidding::views::BidView;
use crate::directory::coops::READ;
use crate::guard::{Lock, load};
use crate::{AppError, Clash};

/// What opening a bid names besides its terms.
#[derive(Debug, Clone)]
pub struct Opening {
    /// The lead co-op's slug.
    pub lead: String,
    /// The opportunity bid for.
    pub opportunity: Uuid,
    /// One of the lead co-op's people, to coordinate.
    pub coordinator: Option<Uuid>,
}

/// An admin of an approved member co-op opens a bid it leads.
pub fn open(
    conn: &mut DbConnection,
    viewer: &Viewer,
    opening: &Opening,
    input: &BidInput,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let lead = load::<Coop>(conn, viewer, &opening.lead, READ, Lock::Read)?;
    open_bid(viewer, lead.id).map_err(|denied| AppError::refused(denied, String::new))?;
    let mut errors = ValidationErrors::default();
    let Some(opportunity) = opportunities::find(conn, opening.opportunity)? else {
        errors.0.push(FieldError::new(
            "/opportunity_id",
            "must be the id of an opportunity",
        ));
        return Err(errors.into());
    };
    let mut input = input.clone();
    let coordinator = opening.coordinator;
    settle_terms(
        conn,
        &opportunity,
        lead.id,
        coordinator,
        &mut input,
        &mut errors,
    )?;
    if !errors.0.is_empty() {
        return Err(errors.into());
    }
    if opportunity.status_at(now) == OpportunityStatus::Closed {
        return Err(AppError::conflict(
            Clash::OpportunityClosed,
            "the opportunity is closed: its deadline has passed, or it is not a call for tenders",
        ));
    }
    let new = bids::NewBid {
        opportunity_id: opening.opportunity,
        lead: lead.id,
        coordinator,
        input: &input,
    };
    let bid = bids::insert(conn, &new, now)?;
    happened(conn, viewer, bid.id, BidHappening::Opened, None, None, now)?;
    Ok(BidView::new(
        BidCase::of(conn, bid)?,
        viewer,
        now.date_naive(),
    ))
}

/// Changes the bid's terms; `parse` reads them knowing the bid's lot.
pub fn change(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
    coordinator: Option<Uuid>,
    parse: impl FnOnce(Option<String>) -> Result<BidInput, ValidationErrors>,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    let mut case = load::<BidCase>(conn, viewer, &id, manage_bid, Lock::ForChange)?;
    ensure_open(&case, "takes no more changes to its terms")?;
    let mut input = parse(case.bid.lot_id.clone())?;
    let mut errors = ValidationErrors::default();
    let lead = case.bid.lead_coop_id;
    settle_terms(
        conn,
        &case.opportunity,
        lead,
        coordinator,
        &mut input,
        &mut errors,
    )?;
    if !errors.0.is_empty() {
        return Err(errors.into());
    }
    let bid = &mut case.bid;
    bid.title = input.title;
    bid.coordinator_id = coordinator;
    bid.value = input.value;
    bid.shares = input.shares;
    bids::save(conn, bid, now)?;
    happened(
        conn,
        viewer,
        id,
        BidHappening::TermsChanged,
        None,
        None,
        now,
    )?;
    Ok(BidView::new(
        BidCase::of(conn, case.bid)?,
        viewer,
        now.date_naive(),
    ))
}

/// Records in `errors` a coordinator who is not one of the lead co-op's
/// people and a lot the tender does not have; a bid without a value takes
/// its lot's, or else the tender's.
fn settle_terms(
    conn: &mut DbConnection,
    opportunity: &Opportunity,
    lead: Uuid,
    coordinator: Option<Uuid>,
    input: &mut BidInput,
    errors: &mut ValidationErrors,
) -> Result<(), AppError> {
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
