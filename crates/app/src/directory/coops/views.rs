//! Co-ops as answers show them: the same for every face.

use chrono::{DateTime, NaiveDate, Utc};
use coophub_domain::access::{self, Viewer};
use coophub_domain::coop::{
    ContactVisibility, Coop, FundContribution, LapseReason, LegalForm, MembershipOrigin,
    MembershipStatus, OrganisationalStructure,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::shapes::{ContactBody, SkillRef};

/// Where a co-op is.
#[derive(Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LocationBody {
    /// Street address.
    pub address: Option<String>,
    /// Town or city.
    pub locality: Option<String>,
    /// Region or nation, e.g. `Yorkshire and the Humber`.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 code, e.g. `GB`.
    #[cfg_attr(feature = "openapi", schema(example = "GB"))]
    pub country: Option<String>,
    /// Postal code.
    pub postcode: Option<String>,
    /// WGS 84 latitude (with `longitude`).
    pub latitude: Option<f64>,
    /// WGS 84 longitude (with `latitude`).
    pub longitude: Option<f64>,
}

/// A co-op's membership of the network.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MembershipView {
    /// Effective status (an invitation older than 60 days reads `lapsed`).
    pub status: MembershipStatus,
    /// `founding` or `approved`, once approved.
    pub origin: Option<MembershipOrigin>,
    /// Stewards and the co-op's own people only (never other co-ops):
    /// `paying`, `non_paying`, or null when unknown. Follows the co-op's
    /// answer for the current fund year once that year is open.
    /// Contributing to the network fund is optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fund_contribution: Option<Option<FundContribution>>,
    /// When an open invitation lapses.
    pub invitation_expires_at: Option<DateTime<Utc>>,
    /// When a lapsed membership lapsed: the day its invitation ran out, or
    /// when the network recorded it ended.
    pub lapsed_at: Option<DateTime<Utc>>,
    /// Why it lapsed: `invitation_expired` or `ended`.
    pub lapse_reason: Option<LapseReason>,
    /// The day the co-op last became a member (kept once it lapses).
    pub member_since: Option<NaiveDate>,
    /// When the status last changed.
    pub changed_at: DateTime<Utc>,
}

/// A co-op.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoopView {
    /// Stable identifier.
    pub id: Uuid,
    /// URL name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One or two sentences.
    pub summary: String,
    /// Longer description (Markdown).
    pub description: String,
    /// Home page.
    pub website: Option<String>,
    /// Where the co-op is.
    pub location: LocationBody,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// Organisational structure.
    pub organisational_structure: Option<OrganisationalStructure>,
    /// Registration number.
    pub registration_number: Option<String>,
    /// Number of members.
    pub member_count: Option<i32>,
    /// Technologies, canonical.
    pub technologies: Vec<SkillRef>,
    /// Services, canonical.
    pub services: Vec<SkillRef>,
    /// Sectors.
    pub sectors: Vec<String>,
    /// Clients.
    pub clients: Vec<String>,
    /// Willing to share experience of legal form and ways of working
    /// (`null`: the co-op has not said).
    pub happy_to_share_experience: Option<bool>,
    /// How to reach the co-op, where the viewer may see it (`null`
    /// otherwise, or when none is given).
    pub contact: Option<ContactBody>,
    /// Who may see the contact: `public`, or `network` (members of the
    /// network and the co-op's own people).
    pub contact_visibility: ContactVisibility,
    /// Membership of the network.
    pub membership: MembershipView,
    /// Version; the ETag is this number in quotes.
    pub version: i32,
    /// UTC.
    pub created_at: DateTime<Utc>,
    /// UTC.
    pub updated_at: DateTime<Utc>,
}

impl CoopView {
    /// The view of `coop` for `viewer` at `now`.
    pub fn new(coop: Coop, viewer: &Viewer, now: DateTime<Utc>) -> Self {
        let profile = coop.profile;
        let location = profile.location;
        let lapse = coop.membership.lapse(now);
        Self {
            id: coop.id,
            slug: coop.slug,
            name: profile.name,
            summary: profile.summary,
            description: profile.description,
            website: profile.website,
            location: LocationBody {
                address: location.address,
                locality: location.locality,
                region: location.region,
                country: location.country,
                postcode: location.postcode,
                latitude: location.latitude,
                longitude: location.longitude,
            },
            legal_form: profile.legal_form,
            organisational_structure: profile.organisational_structure,
            registration_number: profile.registration_number,
            member_count: profile.member_count,
            technologies: coop.technologies.into_iter().map(SkillRef::from).collect(),
            services: coop.services.into_iter().map(SkillRef::from).collect(),
            sectors: profile.sectors,
            clients: profile.clients,
            happy_to_share_experience: profile.happy_to_share_experience,
            contact: (profile.contact_visibility == ContactVisibility::Public
                || access::see_network_only_fields(viewer, coop.id))
            .then_some(profile.contact)
            .and_then(ContactBody::shown),
            contact_visibility: profile.contact_visibility,
            membership: MembershipView {
                status: coop.membership.effective_status(now),
                origin: coop.membership.origin,
                fund_contribution: access::fund::see_contribution(viewer, coop.id)
                    .then_some(coop.membership.fund_contribution),
                invitation_expires_at: coop.membership.invitation_expires_at(now),
                lapsed_at: lapse.map(|lapse| lapse.at),
                lapse_reason: lapse.map(|lapse| lapse.reason),
                member_since: coop.membership.member_since,
                changed_at: coop.membership.changed_at,
            },
            version: coop.version,
            created_at: coop.created_at,
            updated_at: coop.updated_at,
        }
    }
}

/// A page of co-ops.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoopList {
    /// The co-ops on this page, in slug order.
    pub items: Vec<CoopView>,
    /// How many match in all.
    pub total: i64,
    /// This page's number.
    pub page: u32,
    /// Page size.
    pub per_page: u32,
    /// With `updated_since`: co-ops deleted since then (outside the network,
    /// also members that are no longer listed: lapsed or removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Vec<DeletedRecord>>,
}

/// A deleted record, for clients that sync with `updated_since`.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeletedRecord {
    /// Its id.
    pub id: String,
    /// Its slug.
    pub slug: Option<String>,
    /// When it was deleted.
    pub deleted_at: DateTime<Utc>,
}
