//! Read-your-writes for search: a successful write answers only once the
//! search index has applied it, so the client's next search finds it.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web;

use crate::state::AppState;

/// The read-your-writes middleware (see the module documentation).
pub async fn read_your_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let search = writes
        .then(|| {
            req.app_data::<web::Data<AppState>>()
                .map(|state| state.search.clone())
        })
        .flatten();
    let res = next.call(req).await?;
    if let Some(search) = search.filter(|_| res.status().is_success()) {
        search.sync().await;
    }
    Ok(res)
}
