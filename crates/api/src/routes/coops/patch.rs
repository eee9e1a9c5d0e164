//! `PATCH /api/v1/coops/{slug}`: change some fields of a co-op.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, patch, web};
use coophub_app::directory::coops;
use coophub_app::directory::coops::ADMINISTER;
use coophub_app::guard::{Lock, load};
use coophub_domain::coop::{Coop, CoopInput};

use super::{CoopRequest, CoopView, coop_response};
use coophub_app::shapes::ContactBody;

use crate::auth::SignedIn;
use crate::etag::expected_version;
use crate::extract::{Json, merge_patch};
use crate::problem::{ApiError, CoopAdmin, JsonBody, SlugTaken, TokenRequired, Versioned};
use crate::state::AppState;
use coophub_app::directory::coops::LocationBody;

impl CoopRequest {
    /// The co-op as a client would `PUT` it: the base a merge patch applies to.
    /// Skills are named by slug, which resolves to the same skill.
    pub(crate) fn current(coop: &Coop) -> Self {
        let profile = &coop.profile;
        let location = &profile.location;
        let slugs = |skills: &[coophub_domain::skills::Skill]| {
            skills.iter().map(|skill| skill.slug.clone()).collect()
        };
        Self {
            slug: coop.slug.clone(),
            name: profile.name.clone(),
            summary: Some(profile.summary.clone()).filter(|s| !s.is_empty()),
            description: Some(profile.description.clone()).filter(|s| !s.is_empty()),
            website: profile.website.clone(),
            location: LocationBody {
                address: location.address.clone(),
                locality: location.locality.clone(),
                region: location.region.clone(),
                country: location.country.clone(),
                postcode: location.postcode.clone(),
                latitude: location.latitude,
                longitude: location.longitude,
            },
            legal_form: profile.legal_form,
            organisational_structure: profile.organisational_structure,
            registration_number: profile.registration_number.clone(),
            member_count: profile.member_count,
            technologies: slugs(&coop.technologies),
            services: slugs(&coop.services),
            sectors: profile.sectors.clone(),
            clients: profile.clients.clone(),
            happy_to_share_experience: profile.happy_to_share_experience,
            contact: ContactBody::shown(profile.contact.clone()),
            contact_visibility: Some(profile.contact_visibility),
        }
    }
}

/// Changes only the fields sent, as a JSON Merge Patch (RFC 7396, media type
/// `application/merge-patch+json`; `application/json` is read the same way):
/// an absent field keeps its value, `null` clears it, an array replaces the
/// whole list. The result is checked like a `PUT`; `If-Match` works the same.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The co-op's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this change is based on"),
    ),
    request_body(content = Object, content_type = "application/merge-patch+json",
        description = "The fields of a CoopRequest to change"),
    responses(
        TokenRequired, JsonBody, Versioned, CoopAdmin, SlugTaken,
        (status = 200, description = "Updated", body = CoopView, headers(("ETag" = String, description = "New version"))),
    )
)]
#[patch("/coops/{slug}")]
pub async fn patch_coop(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: SignedIn,
    slug: web::Path<String>,
    body: Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let expected = expected_version(&req)?;
    let patch = body.0;
    let now = state.clock.now();
    let (viewer, updated) = state
        .write(caller, move |conn, viewer| {
            let coop = load::<Coop>(conn, viewer, &slug, ADMINISTER, Lock::ForChange)?;
            let input = merge_patch::<CoopRequest>(&CoopRequest::current(&coop), &patch)?
                .check(|merged| Ok(CoopInput::parse(merged.into())?))?;
            Ok(coops::replace(conn, &coop, expected.as_ref(), &input, now)?)
        })
        .await?;
    Ok(coop_response(StatusCode::OK, updated, &viewer, now))
}
