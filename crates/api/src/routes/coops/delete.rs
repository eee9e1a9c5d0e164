//! `DELETE /api/v1/coops/{slug}`.

use actix_web::{HttpRequest, HttpResponse, delete, web};
use coophub_store::coops;
use coophub_store::coops::holds::{Holds, held_by_others};

use super::{ADMINISTER, coop_to_change};
use crate::auth::Caller;
use crate::etag::expected_version;
use crate::problem::{ApiError, Code, ConflictItem, Problem, SignedIn, Versioned};
use crate::state::AppState;

/// Deletes the co-op (its people and roles go with it). Clients syncing with
/// `updated_since` see it under `deleted`. A co-op whose records others rely
/// on stays: placements with other co-ops (asked for, agreed, under way or
/// done), bids of other co-ops it joined, bids it leads that other co-ops
/// joined, and the fund's pledges and invoices answer 409
/// `coop_has_records`, naming each. Open invitations go with it.
#[utoipa::path(
    tag = "coops",
    security(("bearer" = [])),
    params(
        ("slug" = String, Path, description = "The co-op's slug"),
        ("If-Match" = Option<String>, Header, description = "The ETag this deletion is based on"),
    ),
    responses(
        SignedIn, Versioned,
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an admin of this co-op", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such co-op", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Other co-ops or the fund rely on its records (`coop_has_records`; `conflicts` names each kind)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/coops/{slug}")]
pub async fn delete_coop(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let caller = caller.require_token()?;
    let expected = expected_version(&req)?;
    let now = state.clock.now();
    state
        .write(caller, move |conn, viewer| {
            let coop = coop_to_change(conn, viewer, &slug, ADMINISTER)?;
            let holds = held_by_others(conn, coop.id)?;
            if holds.any() {
                return Err(kept(&coop.slug, holds));
            }
            Ok(coops::delete(conn, &coop.slug, expected.as_ref(), now)?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The refusal naming what others hold of `slug`.
fn kept(slug: &str, holds: Holds) -> ApiError {
    let kinds = [
        (
            holds.placements,
            "placements with other co-ops (asked for, agreed, under way or done)",
        ),
        (holds.bids_joined, "bids of other co-ops it joined"),
        (holds.bids_led, "bids it leads that other co-ops joined"),
        (holds.invoices, "invoices of the network fund"),
        (holds.pledges, "pledges to the network fund"),
    ];
    let conflicts = kinds
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| ConflictItem {
            message: format!("{count} {what}"),
            ..ConflictItem::default()
        })
        .collect();
    ApiError::Conflict {
        code: Code::CoopHasRecords,
        detail: format!(
            "{slug} cannot be deleted: other co-ops or the network fund rely on its records (listed in conflicts); they keep their history, so the co-op stays"
        ),
        conflicts,
    }
}
