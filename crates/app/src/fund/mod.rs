//! The optional network fund: years and their purpose, totals and runway,
//! each co-op's answers and invoices. Nothing here calls an answer
//! overdue: declining is an ordinary answer, and an invoice is only open or
//! paid.

pub mod bodies;
pub mod coop;
pub mod invoices;
pub mod pledges;
pub mod spending;
pub mod years;

use crate::AppError;
use crate::shapes::CoopRef;
use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::access::{Viewer, fund as rules};
use coophub_domain::coop::Coop;
use coophub_domain::fund::{
    FundSuggestion, FundYear, Invitation, Invitees, contribution, invoice_paid,
};
use coophub_domain::sharing::Money;
use coophub_store::fund::invoices::Invoice;
use coophub_store::{DbConnection, coops, fund};
use serde::Serialize;
use std::collections::HashSet;
use uuid::Uuid;

/// Stewards (network admins) only; others are told who may.
pub fn steward(viewer: &Viewer) -> Result<(), AppError> {
    rules::steward_fund(viewer).map_err(|denied| AppError::refused(denied, String::new))
}

/// The open year `year`; 404 when it is not open.
pub fn year_for(conn: &mut DbConnection, year: i32) -> Result<FundYear, AppError> {
    fund::find_year(conn, year)?.ok_or_else(|| AppError::NotFound(format!("no fund year {year}")))
}

/// Whether `coop` is invited to answer `year`, given the federation's
/// members (read once per request with `fund::federation_members`).
pub fn invited(
    year: &FundYear,
    coop: &Coop,
    federation: &HashSet<Uuid>,
    now: DateTime<Utc>,
) -> bool {
    year.invites(Invitation {
        status: coop.membership.effective_status(now),
        federation_member: federation.contains(&coop.id),
    })
}

/// The co-op `id` as a reference.
pub fn coop_ref(conn: &mut DbConnection, id: Uuid) -> Result<CoopRef, AppError> {
    let coop = coops::find_by_id(conn, id)?
        .ok_or_else(|| AppError::internal("a fund record names a co-op that is gone"))?;
    Ok(CoopRef {
        slug: coop.slug,
        name: coop.profile.name,
    })
}

/// A fund year as everyone may read it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearSummary {
    /// The calendar year.
    pub year: i32,
    /// What the fund is for, in the stewards' words.
    pub purpose: String,
    /// Always `true`: giving to the fund is optional.
    pub optional: bool,
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// What co-ops are asked to consider giving (minor units).
    pub suggestion: FundSuggestion,
    /// Who is invited to answer.
    pub invitees: Invitees,
    /// Bumped by every change.
    pub version: i32,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl From<&FundYear> for YearSummary {
    fn from(year: &FundYear) -> Self {
        Self {
            year: year.year,
            purpose: year.purpose.clone(),
            optional: true,
            currency: year.currency.clone(),
            suggestion: year.suggestion.clone(),
            invitees: year.invitees,
            version: year.version,
            updated_at: year.updated_at,
        }
    }
}

/// A payment against an invoice.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaymentView {
    /// Its id.
    pub id: Uuid,
    /// Minor units.
    pub amount: i64,
    /// When it arrived.
    pub paid_on: NaiveDate,
    /// A bank reference.
    pub reference: Option<String>,
}

/// Where an invoice stands: only open or paid (nothing is ever overdue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InvoiceState {
    /// Not yet paid in full.
    Open,
    /// Paid in full.
    Paid,
}

/// An invoice against a pledge.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvoiceView {
    /// Its id.
    pub id: Uuid,
    /// The fund year.
    pub year: i32,
    /// The co-op invoiced.
    pub coop: CoopRef,
    /// The stewards' number.
    pub number: String,
    /// What is invoiced.
    pub amount: Money,
    /// When issued.
    pub issued_on: NaiveDate,
    /// When payment is asked for.
    pub due_on: NaiveDate,
    /// Paid so far, minor units.
    pub paid: i64,
    /// Open or paid.
    pub state: InvoiceState,
    /// Payments, oldest first.
    pub payments: Vec<PaymentView>,
    /// The invoice as a page to print or save.
    pub document: String,
}

impl InvoiceView {
    /// The view of `invoice` of `coop` in `currency`.
    pub fn new(invoice: Invoice, coop: CoopRef, currency: &str) -> Self {
        let paid = invoice.paid();
        Self {
            id: invoice.id,
            year: invoice.year,
            coop,
            document: format!("/api/v1/fund/invoices/{}/document", invoice.id),
            number: invoice.number,
            amount: Money {
                amount: invoice.amount,
                currency: currency.to_owned(),
            },
            issued_on: invoice.issued_on,
            due_on: invoice.due_on,
            paid,
            state: if invoice_paid(invoice.amount, paid) {
                InvoiceState::Paid
            } else {
                InvoiceState::Open
            },
            payments: invoice
                .payments
                .into_iter()
                .map(|p| PaymentView {
                    id: p.id,
                    amount: p.amount,
                    paid_on: p.paid_on,
                    reference: p.reference,
                })
                .collect(),
        }
    }
}

/// Sets each of `these` co-ops' contribution status (when invited) from its answer to
/// `year`, when `year` is the current calendar year (a later year waits
/// for its turn; an earlier one is history).
pub fn follow_answers(
    conn: &mut DbConnection,
    year: &FundYear,
    these: Vec<Coop>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use chrono::Datelike;
    if year.year != now.year() {
        return Ok(());
    }
    let federation = fund::federation_members(conn)?;
    let answers = fund::pledges::of_year(conn, year.year)?;
    for coop in these {
        if !invited(year, &coop, &federation, now) {
            continue;
        }
        let answer = answers
            .iter()
            .find(|p| p.coop_id == coop.id)
            .map(|p| p.answer);
        let status = contribution(answer.as_ref());
        if coop.membership.fund_contribution == status {
            continue;
        }
        coops::set_membership(
            conn,
            &coop.slug,
            None,
            |membership| {
                let mut next = membership.clone();
                next.fund_contribution = status;
                Ok(next)
            },
            now,
        )?
        .map_err(|_| AppError::internal("setting a contribution status was refused"))?;
    }
    Ok(())
}
