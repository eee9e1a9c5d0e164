//! `POST /api/v1/opportunities/import`.

use actix_web::{post, web};
use coophub_domain::access::bidding as access;
use coophub_domain::bidding::read_package;
use coophub_store::bidding::opportunities::{self, Upserted};

use super::{ImportAnswer, ImportedItem};
use crate::auth::{Caller, refused};
use crate::extract::PackageJson;
use crate::problem::{ApiError, JsonBody, Problem, ProblemItem, SignedIn};
use crate::state::AppState;

/// Imports an OCDS 1.1 release package or record package (up to 10 MB):
/// each contracting process becomes (or updates) one opportunity, the newer
/// release winning. A package with an invalid release imports nothing and
/// answers 422 with a pointer to every problem.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    request_body(content = Object, description = "An OCDS release package or record package"),
    responses(
        SignedIn, JsonBody,
        (status = 200, description = "Imported", body = ImportAnswer),
        (status = 403, description = "Not a network admin or an admin of a member co-op", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/opportunities/import")]
pub async fn import_opportunities(
    state: web::Data<AppState>,
    caller: Caller,
    body: PackageJson,
) -> Result<web::Json<ImportAnswer>, ApiError> {
    let caller = caller.require_token()?;
    let package = read_package(&body.0)?;
    let warnings: Vec<ProblemItem> = package
        .warnings
        .iter()
        .map(|warning| ProblemItem {
            pointer: Some(warning.pointer.clone()),
            parameter: None,
            message: warning.message.clone(),
        })
        .collect();
    let now = state.clock.now();
    let (_, items) = state
        .write(caller, move |conn, viewer| {
            access::add_opportunities(viewer)
                .map_err(|denied| refused(denied, || "no such route".into()))?;
            let mut items = Vec::with_capacity(package.releases.len());
            for release in &package.releases {
                let (id, result) = match opportunities::upsert(conn, release, &[], false, now)? {
                    Upserted::Created(id) => (id, "created"),
                    Upserted::Updated(id) => (id, "updated"),
                    Upserted::Unchanged(id) => (id, "unchanged"),
                };
                items.push(ImportedItem {
                    ocid: release.ocid.clone(),
                    id,
                    result,
                });
            }
            Ok(items)
        })
        .await?;
    let count = |result: &str| items.iter().filter(|i| i.result == result).count();
    Ok(web::Json(ImportAnswer {
        created: count("created"),
        updated: count("updated"),
        unchanged: count("unchanged"),
        warnings,
        items,
    }))
}
