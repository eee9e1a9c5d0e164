//! `POST /api/v1/opportunities/import`.

use actix_web::{post, web};
use coophub_app::bidding::opportunities;
use coophub_domain::bidding::read_package;

use super::ImportAnswer;
use crate::auth::SignedIn;
use crate::extract::PackageJson;
use crate::openapi::ocds::OcdsPackage;
use crate::problem::{ApiError, JsonBody, ProblemItem, TenderAdder, TokenRequired};
use crate::state::AppState;

/// Imports an OCDS 1.1 release package or record package (up to 10 MB):
/// each contracting process becomes (or updates) one opportunity, the newer
/// release winning. A package with an invalid release imports nothing and
/// answers 422 with a pointer to every problem. A process is updated only by
/// the source it came from (an admin's own imports and entries) or by a
/// network admin: a release of anyone else's process is `kept` apart, never
/// applied, with a warning at its `ocid`. Release dates more than a day
/// ahead are refused.
#[utoipa::path(
    tag = "bidding",
    security(("bearer" = [])),
    request_body(content = OcdsPackage, description = "An OCDS release package or record package"),
    responses(
        TokenRequired, JsonBody, TenderAdder,
        (status = 200, description = "Imported", body = ImportAnswer),
    )
)]
#[post("/opportunities/import")]
pub async fn import_opportunities(
    state: web::Data<AppState>,
    caller: SignedIn,
    body: PackageJson,
) -> Result<web::Json<ImportAnswer>, ApiError> {
    let now = state.clock.now();
    let package = read_package(&body.0, now)?;
    let mut warnings: Vec<ProblemItem> = package
        .warnings
        .iter()
        .map(|warning| ProblemItem {
            pointer: Some(warning.pointer.clone()),
            parameter: None,
            message: warning.message.clone(),
        })
        .collect();
    let releases = package.releases;
    let (_, items) = state
        .write(caller, move |conn, viewer| {
            Ok(opportunities::import(conn, viewer, &releases, now)?)
        })
        .await?;
    for (item, pointer) in items.iter().zip(&package.pointers) {
        if item.result == "kept" {
            warnings.push(ProblemItem {
                pointer: Some(format!("{pointer}/ocid")),
                parameter: None,
                message: "names a process that came from another source (the network's stewards or another co-op); only that source or a steward may update it, so this release was not applied".into(),
            });
        }
    }
    let count = |result: &str| items.iter().filter(|i| i.result == result).count();
    Ok(web::Json(ImportAnswer {
        created: count("created"),
        updated: count("updated"),
        unchanged: count("unchanged"),
        kept: count("kept"),
        warnings,
        items,
    }))
}
