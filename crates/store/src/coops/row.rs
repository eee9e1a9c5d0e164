//! The `coops` row and its mapping to and from the domain.

use chrono::{NaiveDate, NaiveDateTime};
use coophub_domain::coop::{
    ContactVisibility, Coop, CoopProfile, FundContribution, LegalForm, Location, Membership,
    MembershipOrigin, MembershipStatus, OrganisationalStructure,
};
use diesel::prelude::*;
use uuid::Uuid;

use crate::error::StoreError;
use crate::schema::coops;
use crate::time;

/// One row of `coops`, as stored.
#[derive(
    Debug,
    Clone,
    Queryable,
    Selectable,
    Insertable,
    AsChangeset,
    serde::Serialize,
    serde::Deserialize,
)]
#[diesel(table_name = coops, treat_none_as_null = true)]
pub(crate) struct CoopRow {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub website: Option<String>,
    pub address: Option<String>,
    pub locality: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub postcode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub legal_form: Option<String>,
    pub organisational_structure: Option<String>,
    pub registration_number: Option<String>,
    pub member_count: Option<i32>,
    pub sectors: String,
    pub clients: String,
    pub happy_to_share_experience: Option<bool>,
    pub membership_status: String,
    pub membership_origin: Option<String>,
    pub fund_contribution: Option<String>,
    pub invited_at: Option<NaiveDateTime>,
    pub membership_changed_at: NaiveDateTime,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[serde(default)]
    pub member_since: Option<NaiveDate>,
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default = "network")]
    pub contact_visibility: String,
}

/// What a backup from before contact visibility existed reads as.
fn network() -> String {
    ContactVisibility::Network.as_str().to_owned()
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Database(diesel::result::Error::DeserializationError(
        format!("invalid {what} in coops row").into(),
    ))
}

fn json_list(text: &str, what: &str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(text).map_err(|_| corrupt(what))
}

fn named<T>(
    value: Option<&str>,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<Option<T>, StoreError> {
    value
        .map(|v| parse(v).ok_or_else(|| corrupt(what)))
        .transpose()
}

impl CoopRow {
    /// The row for a co-op's profile and membership (skills live elsewhere).
    pub(crate) fn new(
        id: Uuid,
        slug: &str,
        profile: &CoopProfile,
        membership: &Membership,
        version: i32,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
    ) -> Self {
        let location = &profile.location;
        Self {
            id: id.to_string(),
            slug: slug.to_owned(),
            name: profile.name.clone(),
            summary: profile.summary.clone(),
            description: profile.description.clone(),
            website: profile.website.clone(),
            address: location.address.clone(),
            locality: location.locality.clone(),
            region: location.region.clone(),
            country: location.country.clone(),
            postcode: location.postcode.clone(),
            latitude: location.latitude,
            longitude: location.longitude,
            legal_form: profile.legal_form.map(|v| v.as_str().to_owned()),
            organisational_structure: profile
                .organisational_structure
                .map(|v| v.as_str().to_owned()),
            registration_number: profile.registration_number.clone(),
            member_count: profile.member_count,
            // Serialising a list of strings cannot fail.
            sectors: serde_json::to_string(&profile.sectors).unwrap_or_else(|_| "[]".into()),
            clients: serde_json::to_string(&profile.clients).unwrap_or_else(|_| "[]".into()),
            happy_to_share_experience: profile.happy_to_share_experience,
            membership_status: membership.status.as_str().to_owned(),
            membership_origin: membership.origin.map(|v| v.as_str().to_owned()),
            fund_contribution: membership.fund_contribution.map(|v| v.as_str().to_owned()),
            invited_at: membership.invited_at.map(time::to_db),
            membership_changed_at: time::to_db(membership.changed_at),
            version,
            created_at,
            updated_at,
            member_since: membership.member_since,
            contact: crate::contact::to_db(&profile.contact),
            contact_visibility: profile.contact_visibility.as_str().to_owned(),
        }
    }

    /// The co-op this row describes, without its skills.
    pub(crate) fn into_coop(self) -> Result<Coop, StoreError> {
        let membership = Membership {
            status: MembershipStatus::parse(&self.membership_status)
                .ok_or_else(|| corrupt("membership_status"))?,
            origin: named(
                self.membership_origin.as_deref(),
                MembershipOrigin::parse,
                "membership_origin",
            )?,
            fund_contribution: named(
                self.fund_contribution.as_deref(),
                FundContribution::parse,
                "fund_contribution",
            )?,
            invited_at: self.invited_at.map(time::from_db),
            member_since: self.member_since,
            changed_at: time::from_db(self.membership_changed_at),
        };
        let profile = CoopProfile {
            name: self.name,
            summary: self.summary,
            description: self.description,
            website: self.website,
            location: Location {
                address: self.address,
                locality: self.locality,
                region: self.region,
                country: self.country,
                postcode: self.postcode,
                latitude: self.latitude,
                longitude: self.longitude,
            },
            legal_form: named(self.legal_form.as_deref(), LegalForm::parse, "legal_form")?,
            organisational_structure: named(
                self.organisational_structure.as_deref(),
                OrganisationalStructure::parse,
                "organisational_structure",
            )?,
            registration_number: self.registration_number,
            member_count: self.member_count,
            sectors: json_list(&self.sectors, "sectors")?,
            clients: json_list(&self.clients, "clients")?,
            happy_to_share_experience: self.happy_to_share_experience,
            contact: crate::contact::from_db(self.contact.as_deref())
                .ok_or_else(|| corrupt("contact"))?,
            contact_visibility: ContactVisibility::parse(&self.contact_visibility)
                .ok_or_else(|| corrupt("contact_visibility"))?,
        };
        Ok(Coop {
            id: Uuid::parse_str(&self.id).map_err(|_| corrupt("id"))?,
            slug: self.slug,
            profile,
            technologies: Vec::new(),
            services: Vec::new(),
            membership,
            version: self.version,
            created_at: time::from_db(self.created_at),
            updated_at: time::from_db(self.updated_at),
        })
    }
}
