//! The optional network fund (`/api/v1/fund/…`, `/api/v1/coops/{slug}/fund`):
//! years and their purpose (everyone), totals and runway (the network), each
//! co-op's answers and invoices (its admins and the stewards). Nothing here
//! calls an answer overdue: declining is an ordinary answer, and an invoice
//! is only open or paid.

pub mod coop;
pub mod invoices;
pub mod pledges;
pub mod spending;
pub mod years;

pub(crate) use coophub_app::fund::bodies::{
    FederationBody, InvoiceBody, PaymentBody, PledgeBody, SpendingBody, YearBody,
};
pub(crate) use coophub_app::fund::{InvoiceView, YearSummary};
