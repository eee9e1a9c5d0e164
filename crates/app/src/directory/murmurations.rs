//! The co-op as a Murmurations `organizations_schema-v1.0.0` profile, so
//! that anyone can aggregate it; offers and requests are profiled in
//! `sharing::murmurations`.

use coophub_domain::access::Viewer;
use coophub_domain::coop::{Coop, MembershipStatus};
use coophub_store::DbConnection;
use serde::Serialize;

use crate::AppError;
use crate::directory::coops::READ;
use crate::guard::{Lock, load};

const SCHEMA: &str = "organizations_schema-v1.0.0";

/// A named link.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MurmurationsUrl {
    /// What the link is.
    pub name: String,
    /// The link.
    pub url: String,
}

/// A Murmurations organisation profile.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MurmurationsProfile {
    /// Always `["organizations_schema-v1.0.0"]`.
    pub linked_schemas: Vec<&'static str>,
    /// The co-op's name.
    pub name: String,
    /// Its website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_url: Option<String>,
    /// Technologies, services and its kind of organisation.
    pub tags: Vec<String>,
    /// Its page on this hub, which is also where to contact it: its
    /// contact details (as each viewer may see them) and an enquiry form,
    /// so an aggregator never copies an address.
    pub urls: Vec<MurmurationsUrl>,
    /// Its summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `active` for members, `completed` for co-ops that left.
    pub status: &'static str,
    /// Street address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_address: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_iso_3166: Option<String>,
    /// Coordinates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geolocation: Option<Geolocation>,
}

impl MurmurationsProfile {
    /// The profile of `coop`, whose page on this hub is `page`.
    pub fn new(coop: Coop, page: String) -> Self {
        let mut tags: Vec<String> = Vec::new();
        let kinds = [
            coop.profile
                .legal_form
                .map(|f| f.as_str().replace('_', " ")),
            coop.profile
                .organisational_structure
                .map(|s| s.as_str().replace('_', " ")),
        ];
        for tag in std::iter::once("co-operative".to_owned())
            .chain(kinds.into_iter().flatten())
            .chain(
                coop.technologies
                    .into_iter()
                    .chain(coop.services)
                    .map(|s| s.name),
            )
        {
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        let profile = coop.profile;
        let location = profile.location;
        Self {
            linked_schemas: vec![SCHEMA],
            name: profile.name,
            primary_url: profile.website,
            tags,
            urls: vec![MurmurationsUrl {
                name: "coophub: contact and enquiries".into(),
                url: page,
            }],
            description: Some(profile.summary).filter(|s| !s.is_empty()),
            status: if coop.membership.status == MembershipStatus::Approved {
                "active"
            } else {
                "completed"
            },
            full_address: location.address,
            country_iso_3166: location.country,
            geolocation: location
                .latitude
                .zip(location.longitude)
                .map(|(lat, lon)| Geolocation { lat, lon }),
        }
    }
}

/// Latitude and longitude.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Geolocation {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// The co-op `slug`'s profile, if the viewer may see it, linking to its
/// page under `base` (`{base}/coops/{slug}`).
pub fn coop_profile(
    conn: &mut DbConnection,
    viewer: &Viewer,
    slug: &str,
    base: &str,
) -> Result<MurmurationsProfile, AppError> {
    let coop = load::<Coop>(conn, viewer, slug, READ, Lock::Read)?;
    let page = format!("{base}/coops/{}", coop.slug);
    Ok(MurmurationsProfile::new(coop, page))
}
