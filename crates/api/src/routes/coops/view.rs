//! The JSON shapes of co-ops: what clients send and what they get back.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use chrono::{DateTime, Utc};
use coophub_app::directory::coops::{CoopView, LocationBody};
use coophub_app::shapes::ContactBody;
use coophub_domain::coop::{
    ContactVisibility, Coop, CoopDraft, LegalForm, LocationInput, OrganisationalStructure,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::etag::versioned;

/// A co-op as a client creates or replaces it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CoopRequest {
    /// URL name: lower-case letters, digits and hyphens.
    #[schema(example = "agile-collective")]
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One or two sentences.
    pub summary: Option<String>,
    /// Longer description (Markdown).
    pub description: Option<String>,
    /// Home page (http or https).
    pub website: Option<String>,
    /// Where the co-op is.
    #[serde(default)]
    pub location: LocationBody,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// Organisational structure.
    pub organisational_structure: Option<OrganisationalStructure>,
    /// Society or company registration number.
    pub registration_number: Option<String>,
    /// Number of members (people).
    pub member_count: Option<i32>,
    /// Technologies, in any spelling ("JS", "postgres", "django-3"): normalised.
    #[serde(default)]
    pub technologies: Vec<String>,
    /// Services, in any spelling: normalised.
    #[serde(default)]
    pub services: Vec<String>,
    /// Sectors worked in.
    #[serde(default)]
    pub sectors: Vec<String>,
    /// Notable clients.
    #[serde(default)]
    pub clients: Vec<String>,
    /// Willing to talk to other co-ops about legal form and ways of working
    /// (`null` or absent: not said).
    pub happy_to_share_experience: Option<bool>,
    /// How to reach the co-op.
    pub contact: Option<ContactBody>,
    /// Who may see the contact: `public`, or `network` (the default: members
    /// of the network and the co-op's own people).
    pub contact_visibility: Option<ContactVisibility>,
}

impl From<CoopRequest> for CoopDraft {
    fn from(body: CoopRequest) -> Self {
        let location = body.location;
        Self {
            slug: body.slug,
            name: body.name,
            summary: body.summary,
            description: body.description,
            website: body.website,
            location: LocationInput {
                address: location.address,
                locality: location.locality,
                region: location.region,
                country: location.country,
                postcode: location.postcode,
                latitude: location.latitude,
                longitude: location.longitude,
            },
            legal_form: body.legal_form,
            organisational_structure: body.organisational_structure,
            registration_number: body.registration_number,
            member_count: body.member_count,
            technologies: body.technologies,
            services: body.services,
            sectors: body.sectors,
            clients: body.clients,
            happy_to_share_experience: body.happy_to_share_experience,
            contact: body.contact.unwrap_or_default().into(),
            contact_visibility: body.contact_visibility,
        }
    }
}

/// A single co-op answer (see [`versioned`]).
pub fn coop_response(
    status: StatusCode,
    coop: Coop,
    viewer: &Viewer,
    now: DateTime<Utc>,
) -> HttpResponse {
    let (version, path) = (coop.version, format!("/api/v1/coops/{}", coop.slug));
    versioned(status, version, &path, &CoopView::new(coop, viewer, now))
}
