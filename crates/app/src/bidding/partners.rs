//! The consortium as a tender's forms ask for it: each co-op's legal
//! details, address and contact, and the roles and days it takes on. For
//! the consortium only (its contact details are the network's).

use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::read_rates;
use coophub_domain::bidding::MemberStatus;
use coophub_domain::coop::{Coop, LegalForm};
use coophub_store::DbConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::AppError;
use crate::bidding::bids::BidCase;
use crate::guard::{Lock, load};

/// One co-op of the consortium, one line of the export.
#[derive(Debug, Serialize)]
pub struct PartnerLine {
    /// `lead` or `partner`.
    pub role: &'static str,
    /// The co-op's name.
    pub name: String,
    /// Its legal form, in words.
    pub legal_form: &'static str,
    /// Its society or company number.
    pub registration_number: String,
    /// Street address.
    pub address: String,
    /// Town or city.
    pub locality: String,
    /// Postcode.
    pub postcode: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Home page.
    pub website: String,
    /// Contact email.
    pub email: String,
    /// Contact phone.
    pub phone: String,
    /// The titles of its roles in the bid, `; ` between them.
    pub roles: String,
    /// The days of effort of those roles.
    pub effort_days: u32,
}

fn line(case: &BidCase, coop: &Coop, lead: bool) -> PartnerLine {
    let profile = &coop.profile;
    let location = &profile.location;
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let roles: Vec<_> = case
        .roles
        .iter()
        .filter(|r| r.coop_id == Some(coop.id))
        .collect();
    PartnerLine {
        role: if lead { "lead" } else { "partner" },
        name: profile.name.clone(),
        legal_form: profile.legal_form.map_or("", LegalForm::in_words),
        registration_number: text(&profile.registration_number),
        address: text(&location.address),
        locality: text(&location.locality),
        postcode: text(&location.postcode),
        country: text(&location.country),
        website: text(&profile.website),
        email: text(&profile.contact.email),
        phone: text(&profile.contact.phone),
        roles: roles
            .iter()
            .map(|r| r.title.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        effort_days: roles.iter().map(|r| r.effort_days).sum(),
    }
}

/// The bid `id`'s consortium, the lead first then the partners in the
/// order they were invited: to the consortium (invited admins are refused,
/// everyone else told nothing).
pub fn of_bid(
    conn: &mut DbConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<Vec<PartnerLine>, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_rates, Lock::Read)?;
    Ok(case
        .members
        .iter()
        .filter(|m| m.status.in_consortium())
        .filter_map(|m| {
            let coop = case.coop(m.coop_id)?;
            Some(line(&case, coop, m.status == MemberStatus::Lead))
        })
        .collect())
}
