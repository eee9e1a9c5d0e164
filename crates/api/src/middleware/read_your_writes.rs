//! Read-your-writes for search: a successful request whose transaction
//! recorded a change answers only once the search index has applied it, so
//! the client's next search finds it. Requests that recorded nothing (reads,
//! login, registration) do not wait.

use std::cell::Cell;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use crate::state::AppState;

tokio::task_local! {
    /// The newest change-log position the request's writes reached.
    static RECORDED: Cell<Option<i64>>;
}

/// Notes that the current request's transaction recorded changes up to
/// `position` (called by `AppState::write` after the commit).
pub(crate) fn recorded(position: i64) {
    let _outside_a_request = RECORDED.try_with(|cell| {
        cell.set(Some(cell.get().map_or(position, |p| p.max(position))));
    });
}

/// The read-your-writes middleware (see the module documentation).
pub async fn read_your_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let search = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.search.clone());
    let (res, position) = RECORDED
        .scope(Cell::new(None), async {
            let res = next.call(req).await;
            (res, RECORDED.with(Cell::get))
        })
        .await;
    let res = res?;
    if let (Some(search), Some(position)) = (search, position)
        && res.status().is_success()
    {
        search.sync_to(position).await;
    }
    Ok(res)
}
