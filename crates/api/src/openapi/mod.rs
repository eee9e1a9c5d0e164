//! The OpenAPI document: paths are collected from the registered handlers
//! (utoipa-actix-web), so the document cannot drift from the routes; this
//! file adds what is not per-route (info, tags, security scheme, the rules
//! requests must follow, the statuses every route may answer).

use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{AppExt, UtoipaApp, scope};

use crate::problem::Problem;
use crate::routes;

mod constraints;
mod keywords;
mod merge_patch;
pub(crate) mod ocds;
mod optional_bodies;
mod rules;
mod statuses;
mod unions;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "coophub",
        description = "Skills hub and co-bidding directory for networks of tech worker co-operatives. \
            Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `code`.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    // Relative: the server that serves the document (Swagger UI, schemathesis
    // and generated clients resolve it against the document's address).
    servers((url = "/", description = "The server this document is served by")),
    modifiers(&BearerScheme),
    components(schemas(Problem)),
    tags(
        (name = "auth", description = "Opening accounts and signing in"),
        (name = "me", description = "The signed-in account"),
        (name = "coops", description = "The directory of co-ops and their membership"),
        (name = "people", description = "The people of co-ops: skills, availability, day rates"),
        (name = "case-studies", description = "Work co-ops did, alone or together"),
        (name = "sharing", description = "Sharing people between co-ops: offers of time, requests, placements, rotations and swaps, calendar feeds"),
        (name = "bidding", description = "Winning work together: tenders (imported from OCDS or entered), bids, roles, partners, gaps and fair shares"),
        (name = "stats", description = "Network totals"),
        (name = "fund", description = "The optional network fund: years, pledges, invoices, spending, runway"),
        (name = "webhooks", description = "Signed deliveries of a co-op's events to its own endpoints (Standard Webhooks)"),
        (name = "search", description = "Search co-ops and people: typos, aliases, facets, distance"),
        (name = "skills", description = "The skills vocabulary: canonical skills, aliases, who has what"),
        (name = "operations", description = "Health, readiness and metrics"),
    )
)]
struct ApiDoc;

/// Declares the `bearer` security scheme that protected operations name.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

/// Registers every documented route on `app`, collecting the document as it goes.
pub(crate) fn with_routes<T>(app: UtoipaApp<T>) -> UtoipaApp<T>
where
    T: actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Error = actix_web::Error,
            InitError = (),
        >,
{
    app.openapi(ApiDoc::openapi())
        .service(scope::scope("/api/v1").configure(routes::api))
        .configure(routes::operations)
}

/// The OpenAPI document of the whole API, with the rules and shared statuses
/// the handlers' annotations do not state (see [`constraints`], [`merge_patch`],
/// [`statuses`]), and tagged unions' variants named ([`unions`]).
pub fn spec() -> OpenApiDoc {
    let collected = with_routes(actix_web::App::new().into_utoipa_app())
        .split_for_parts()
        .1;
    match stated(&collected) {
        Ok(doc) => doc,
        Err(problem) => {
            // A rule naming a field the document lacks is a bug the OpenAPI
            // drift test shows; serve what the handlers say meanwhile.
            tracing::error!(%problem, "the OpenAPI rules do not match the document");
            collected
        }
    }
}

fn stated(collected: &OpenApiDoc) -> Result<OpenApiDoc, String> {
    let mut doc = serde_json::to_value(collected).map_err(|e| e.to_string())?;
    constraints::state_rules(&mut doc)?;
    merge_patch::state_patch_bodies(&mut doc)?;
    optional_bodies::unwrap_optional_bodies(&mut doc);
    statuses::add_shared_statuses(&mut doc);
    unions::name_tagged_unions(&mut doc)?;
    serde_json::from_value(doc).map_err(|e| e.to_string())
}

/// The document as checked in under `openapi/openapi.json`: pretty JSON and a final newline.
pub fn spec_json() -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(&spec())?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_a_field_or_parameter_the_document_has() {
        let collected = with_routes(actix_web::App::new().into_utoipa_app())
            .split_for_parts()
            .1;
        if let Err(problem) = stated(&collected) {
            panic!("{problem}");
        }
    }
}
